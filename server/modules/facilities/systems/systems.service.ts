import {
  MEASURE_ARTICLE,
  measureCheckInput,
  systemInput,
  systemListQuery,
  systemUpdateInput,
  type MeasureInput,
  type SystemListView,
  type SystemOptionsView,
  type SystemView,
} from '../../../../shared/api/facility-systems.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Executor } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { SUBJECT, subjectOf, type SystemsCore } from './systems.core.ts';
import { measureStates, presentSummary } from './systems.presenters.ts';
import { systemsRepo, type MeasureRow, type SystemRow } from './systems.repo.ts';

type Measures = ReturnType<typeof systemInput.parse>['measures'];

/**
 * The systems that process personal information (issue 11; A23, A24): registered and edited by the
 * owning section's 保護管理者, linked to files of the register of the same unit, with safeguards
 * whose checks are kept (A23 network controls, A24 patching and malware). Every lookup happens
 * before the transaction (SQLite has one connection); every change is written with its audit event.
 */
export function createSystemsService(core: SystemsCore) {
  const { deps, db } = core;
  const { authz, database, clock } = deps;

  /** The systems the caller reads, filtered. */
  async function list(ctx: Ctx, raw: unknown = {}): Promise<SystemListView> {
    core.personOf(ctx);
    const q = systemListQuery.parse(raw ?? {});
    const rows = (
      await systemsRepo.list(db, {
        ...(q.unitId ? { unitId: q.unitId } : {}),
        ...(q.sectionId ? { sectionId: q.sectionId } : {}),
        ...(q.q ? { q: q.q } : {}),
        state: q.state,
      })
    ).filter((r) => authz.can(ctx, 'read', SUBJECT, subjectOf(r)));
    const ids = rows.map((r) => r.id);
    const [measures, checks, names] = await Promise.all([
      systemsRepo.measures(db, ids),
      systemsRepo.checks(db, ids),
      deps.names(),
    ]);
    const today = clock.today();
    let systems = rows.map((r) => presentSummary(r, measureStates(r, measures, checks, today), names));
    if (q.overdue) systems = systems.filter((s) => s.overdueCount > 0 === (q.overdue === 'true'));
    return { systems, canCreate: authz.can(ctx, 'edit', SUBJECT) };
  }

  /** The sections the caller may register systems in, each with the files of its unit's register. */
  async function options(ctx: Ctx): Promise<SystemOptionsView> {
    core.personOf(ctx);
    const structure = await deps.structure();
    const units = new Map(structure.units.map((u) => [u.id, u.name]));
    const kept = structure.sections.filter((s) =>
      authz.can(ctx, 'edit', SUBJECT, { sectionId: s.id, unitId: s.unitId }),
    );
    const filesOf = new Map<string, Awaited<ReturnType<typeof deps.unitFiles>>>();
    for (const unitId of new Set(kept.map((s) => s.unitId)))
      filesOf.set(unitId, await deps.unitFiles(unitId));
    return {
      sections: kept.map((s) => ({
        id: s.id,
        name: s.name,
        unitId: s.unitId,
        unitName: units.get(s.unitId) ?? '',
        files: filesOf.get(s.unitId) ?? [],
      })),
    };
  }

  /** Files to link must be files of the register of the system's unit (those already linked stay). */
  async function checkFiles(unitId: string, fileIds: string[], linked: string[] = []) {
    const wanted = [...new Set(fileIds)];
    const fresh = wanted.filter((f) => !linked.includes(f));
    if (fresh.length === 0) return wanted;
    const ofUnit = new Set((await deps.unitFiles(unitId)).map((f) => f.id));
    if (fresh.some((f) => !ofUnit.has(f))) throw new AppError('facilities.system_file_invalid');
    return wanted;
  }

  const fields = (input: ReturnType<typeof systemUpdateInput.parse>) => ({
    name: input.name,
    purpose: input.purpose,
    hosting: input.hosting,
    check_interval_days: input.checkIntervalDays,
    notes: input.notes,
  });

  const addMeasure = (tx: Executor, systemId: string, m: MeasureInput, me: string, at: string) =>
    systemsRepo.insertMeasure(tx, {
      id: newId(),
      system_id: systemId,
      kind: m.kind,
      description: m.description,
      created_at: at,
      created_by: me,
      retired_at: null,
      retired_by: null,
    });

  /** Registers a system (A23, A24) for a section the caller keeps. Audit facilities.system_created. */
  async function create(ctx: Ctx, raw: unknown): Promise<SystemView> {
    const me = core.personOf(ctx);
    const input = systemInput.parse(raw);
    const section = (await deps.structure()).sections.find((s) => s.id === input.sectionId);
    if (!section) throw new AppError('facilities.system_section_invalid');
    await authz.assertCan(ctx, 'edit', SUBJECT, { sectionId: section.id, unitId: section.unitId });
    const fileIds = await checkFiles(section.unitId, input.fileIds);
    const id = newId();
    await database.transaction(async (tx) => {
      const at = core.now();
      await systemsRepo.insert(tx, {
        id,
        unit_id: section.unitId,
        section_id: section.id,
        ...fields({ ...input, active: true }),
        active: 1,
        created_at: at,
        created_by: me,
        updated_at: at,
        updated_by: me,
      });
      await systemsRepo.setFiles(tx, id, fileIds);
      for (const m of input.measures) await addMeasure(tx, id, m, me, at);
      const row = (await systemsRepo.get(tx, id))!;
      await core.audit(tx, ctx, row, 'facilities.system_created', {
        hosting: input.hosting,
        fileIds,
        measures: input.measures.length,
        checkIntervalDays: input.checkIntervalDays,
      });
    });
    return core.view(ctx, id);
  }

  /** Pairs the input's measures with those in force: kept (by id, same kind), added, retired. */
  function planMeasures(current: MeasureRow[], measures: Measures) {
    const byId = new Map(current.map((m) => [m.id, m]));
    measures.forEach((m, i) => {
      if (m.id === null) return;
      const existing = byId.get(m.id);
      if (!existing) throw new AppError('facilities.system_measure_not_found');
      // A safeguard's kind is what its checks were about: a different kind is a new safeguard.
      if (existing.kind !== m.kind)
        throw new AppError('request.invalid', {
          details: [{ path: `measures.${i}.kind`, code: 'invalid_value' }],
        });
    });
    const kept = new Set(measures.flatMap((m) => (m.id ? [m.id] : [])));
    return {
      kept: measures.filter((m) => m.id !== null),
      added: measures.filter((m) => m.id === null),
      retired: current.filter((m) => !kept.has(m.id)),
    };
  }

  /** Replaces a system's record and safeguards; active: false retires it. Audit facilities.system_updated. */
  async function update(ctx: Ctx, id: string, raw: unknown): Promise<SystemView> {
    const me = core.personOf(ctx);
    const row = await core.readable(ctx, id);
    const input = systemUpdateInput.parse(raw);
    await authz.assertCan(ctx, 'edit', SUBJECT, subjectOf(row));
    const linked = (await systemsRepo.files(db, [id])).map((f) => f.file_id);
    const fileIds = await checkFiles(row.unit_id, input.fileIds, linked);
    const plan = planMeasures(await systemsRepo.measures(db, [id]), input.measures);
    await database.transaction(async (tx) => {
      const at = core.now();
      await systemsRepo.update(tx, id, {
        ...fields(input),
        active: input.active ? 1 : 0,
        updated_at: at,
        updated_by: me,
      });
      await systemsRepo.setFiles(tx, id, fileIds);
      for (const m of plan.kept) await systemsRepo.updateMeasure(tx, m.id!, { description: m.description });
      for (const m of plan.added) await addMeasure(tx, id, m, me, at);
      for (const m of plan.retired)
        await systemsRepo.updateMeasure(tx, m.id, { retired_at: at, retired_by: me });
      await core.audit(tx, ctx, row, 'facilities.system_updated', {
        hosting: input.hosting,
        active: input.active,
        retired: row.active === 1 && !input.active,
        fileIds,
        measuresAdded: plan.added.length,
        measuresRetired: plan.retired.map((m) => m.id),
        checkIntervalDays: input.checkIntervalDays,
      });
    });
    return core.view(ctx, id);
  }

  /**
   * Records a check of one safeguard (A23, A24): by the keepers or the システム管理者; the history
   * is kept. Audit facilities.system_check_recorded.
   */
  async function recordCheck(ctx: Ctx, id: string, measureId: string, raw: unknown): Promise<SystemView> {
    const me = core.personOf(ctx);
    const row: SystemRow = await core.readable(ctx, id);
    const input = measureCheckInput.parse(raw);
    await authz.assertCan(ctx, 'check', SUBJECT, subjectOf(row));
    if (row.active !== 1) throw new AppError('facilities.system_retired');
    const measure = (await systemsRepo.measures(db, [id])).find((m) => m.id === measureId);
    if (!measure) throw new AppError('facilities.system_measure_not_found');
    if (input.checkedOn > clock.today()) throw new AppError('facilities.system_check_date_invalid');
    await database.transaction(async (tx) => {
      const checkId = newId();
      await systemsRepo.insertCheck(tx, {
        id: checkId,
        measure_id: measureId,
        system_id: id,
        checked_on: input.checkedOn,
        result: input.result,
        note: input.note,
        checked_by: me,
        recorded_at: core.now(),
      });
      await core.audit(tx, ctx, row, 'facilities.system_check_recorded', {
        checkId,
        measureId,
        kind: measure.kind,
        article: MEASURE_ARTICLE[measure.kind as keyof typeof MEASURE_ARTICLE],
        result: input.result,
        checkedOn: input.checkedOn,
      });
    });
    return core.view(ctx, id);
  }

  return { list, options, get: (ctx: Ctx, id: string) => core.view(ctx, id), create, update, recordCheck };
}
