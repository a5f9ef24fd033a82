import {
  completeInput,
  inspectionInput,
  inspectionListQuery,
  type InspectionSummary,
  type InspectionView,
} from '../../../../shared/api/oversight.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Executor } from '../../../platform/db/index.ts';
import { nextNumber } from '../../../platform/db/numbers.ts';
import { AppError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { auditOf, directory, fiscalYearOf, personOf } from '../common.ts';
import type { OversightDeps } from '../oversight.deps.ts';
import { hasIssues, presentInspection, presentSummary, type InspectionRow } from './inspections.present.ts';
import { createSchedules } from './schedules.service.ts';

const S = 'OversightInspection';

/**
 * Inspections (issue 10; A37): 保護管理者は、自ら管理責任を有する保有個人情報の記録媒体、処理経路、保管方法
 * 等について、定期に及び必要に応じ随時に点検を行い、必要があると認めるときは、その結果を総括保護管理者に
 * 報告する. draft → completed → reported (the unit's 総括保護管理者 is notified and acknowledges).
 * Every change is written with its audit event (oversight.inspection_*) in one transaction.
 */
export function createInspections(deps: OversightDeps) {
  const { database, authz, clock } = deps;
  const db = database.db;
  const audit = auditOf(deps);
  const now = () => clock.now().toISOString();
  const subject = (r: { id: string; unit_id: string; section_id: string }) => ({
    type: S,
    id: r.id,
    unitId: r.unit_id,
    sectionId: r.section_id,
  });
  const obj = (r: { id?: string; unit_id: string; section_id: string }) => ({
    ...(r.id ? { id: r.id } : {}),
    unitId: r.unit_id,
    sectionId: r.section_id,
  });

  /** A section handling held personal information, or oversight.section_invalid. */
  async function sectionOf(sectionId: string) {
    const s = (await deps.structure()).sections.find((x) => x.id === sectionId);
    if (!s || !s.handlesPersonalInfo) throw new AppError('oversight.section_invalid');
    return { section_id: s.id, unit_id: s.unitId };
  }

  /** Out of view → 404; in view but not allowed → 403 (audited). */
  async function allowed(ctx: Ctx, action: string, o: Record<string, unknown>) {
    if (!authz.can(ctx, 'read', S, o)) throw new AppError('oversight.not_found');
    await authz.assertCan(ctx, action, S, o);
  }

  async function load(ctx: Ctx, id: string, exec: Executor = db): Promise<InspectionRow> {
    personOf(ctx);
    const row = await exec
      .selectFrom('oversight_inspections')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row || !authz.can(ctx, 'read', S, obj(row))) throw new AppError('oversight.not_found');
    return row;
  }

  async function view(ctx: Ctx, row: InspectionRow): Promise<InspectionView> {
    const o = obj(row);
    const inspect = authz.can(ctx, 'inspect', S, o);
    return presentInspection(row, await deps.names(), directory(deps), {
      edit: inspect && row.status === 'draft',
      complete: inspect && row.status === 'draft',
      report: inspect && row.status === 'completed',
      acknowledge: authz.can(ctx, 'acknowledge', S, o) && row.status === 'reported' && !row.acknowledged_at,
    });
  }

  const get = async (ctx: Ctx, id: string) => view(ctx, await load(ctx, id));

  async function list(ctx: Ctx, raw: unknown = {}): Promise<{ inspections: InspectionSummary[] }> {
    personOf(ctx);
    const q = inspectionListQuery.parse(raw ?? {});
    let query = db.selectFrom('oversight_inspections').selectAll();
    if (q.sectionId) query = query.where('section_id', '=', q.sectionId);
    if (q.unitId) query = query.where('unit_id', '=', q.unitId);
    if (q.status !== 'all') query = query.where('status', '=', q.status);
    if (q.from) query = query.where('inspected_on', '>=', q.from);
    if (q.to) query = query.where('inspected_on', '<=', q.to);
    const rows = await query.orderBy('inspected_on', 'desc').orderBy('number', 'desc').execute();
    const names = await deps.names();
    return {
      inspections: rows.filter((r) => authz.can(ctx, 'read', S, obj(r))).map((r) => presentSummary(r, names)),
    };
  }

  function fields(input: ReturnType<typeof inspectionInput.parse>) {
    if (input.inspectedOn > clock.today()) throw new AppError('oversight.date_in_future');
    return {
      inspected_on: input.inspectedOn,
      media_result: input.media.result,
      media_notes: input.media.notes,
      routes_result: input.routes.result,
      routes_notes: input.routes.notes,
      storage_result: input.storage.result,
      storage_notes: input.storage.notes,
      remarks: input.remarks,
      issues: input.issues,
      actions: input.actions,
    };
  }

  /** A draft inspection of a section (its 保護管理者). Audit oversight.inspection_created. */
  async function create(ctx: Ctx, raw: unknown): Promise<InspectionView> {
    const me = personOf(ctx);
    const input = inspectionInput.parse(raw);
    const s = await sectionOf(input.sectionId);
    await allowed(ctx, 'inspect', obj(s));
    const values = fields(input);
    const id = newId();
    await database.transaction(async (tx) => {
      const number = await nextNumber(tx, database.dialect, {
        table: 'oversight_inspections',
        prefix: `P${fiscalYearOf(input.inspectedOn)}-`,
        width: 4,
      });
      const at = now();
      await tx
        .insertInto('oversight_inspections')
        .values({
          id,
          number,
          ...s,
          ...values,
          status: 'draft',
          inspector_id: me,
          created_at: at,
          completed_at: null,
          reported_at: null,
          reported_to: null,
          acknowledged_at: null,
          acknowledged_by: null,
          updated_at: at,
        })
        .execute();
      await audit(tx, ctx, 'oversight.inspection_created', subject({ id, ...s }), { number });
    });
    return get(ctx, id);
  }

  /** Runs a change of one inspection in its state, with its audit event. */
  async function change(
    ctx: Ctx,
    id: string,
    action: string,
    from: string,
    code:
      | 'oversight.inspection_not_draft'
      | 'oversight.inspection_not_completed'
      | 'oversight.inspection_not_reported',
    write: (tx: Executor, row: InspectionRow, at: string) => Promise<void>,
  ): Promise<InspectionView> {
    const row = await load(ctx, id);
    await authz.assertCan(ctx, action, S, obj(row));
    await database.transaction(async (tx) => {
      const current = await load(ctx, id, tx);
      if (current.status !== from) throw new AppError(code);
      await write(tx, current, now());
    });
    return get(ctx, id);
  }

  const update = (ctx: Ctx, id: string, raw: unknown) =>
    change(ctx, id, 'inspect', 'draft', 'oversight.inspection_not_draft', async (tx, row, at) => {
      const input = inspectionInput.parse(raw);
      if (input.sectionId !== row.section_id) throw new AppError('oversight.section_invalid');
      await tx
        .updateTable('oversight_inspections')
        .set({ ...fields(input), updated_at: at })
        .where('id', '=', id)
        .execute();
      await audit(tx, ctx, 'oversight.inspection_updated', subject(row), { number: row.number });
    });

  /** The unit's 総括保護管理者 of an inspection the caller reads. */
  const chiefsOf = async (ctx: Ctx, id: string) =>
    deps.appointed('chief_protection_manager', (await load(ctx, id)).unit_id, null);

  /** A37 「必要があると認めるとき」: the unit's 総括保護管理者 are told (inspection.reported). */
  async function sendReport(tx: Executor, ctx: Ctx, row: InspectionRow, at: string, chiefs: string[]) {
    await tx
      .updateTable('oversight_inspections')
      .set({ status: 'reported', reported_at: at, reported_to: JSON.stringify(chiefs), updated_at: at })
      .where('id', '=', row.id)
      .execute();
    await deps.notifications.notify(tx, chiefs, 'inspection.reported', {
      data: { number: row.number, path: `/oversight/inspections/${row.id}` },
    });
    await audit(tx, ctx, 'oversight.inspection_reported', subject(row), {
      number: row.number,
      to: chiefs.length,
    });
  }

  /** Completes a draft; one with issues (or when the 保護管理者 chooses) goes on to the 総括保護管理者. */
  async function complete(ctx: Ctx, id: string, raw: unknown = {}): Promise<InspectionView> {
    const input = completeInput.parse(raw ?? {});
    // Read before the transaction (SQLite has one connection, which the transaction holds).
    const chiefs = await chiefsOf(ctx, id);
    const out = await change(
      ctx,
      id,
      'inspect',
      'draft',
      'oversight.inspection_not_draft',
      async (tx, row, at) => {
        await tx
          .updateTable('oversight_inspections')
          .set({ status: 'completed', completed_at: at, updated_at: at })
          .where('id', '=', id)
          .execute();
        await audit(tx, ctx, 'oversight.inspection_completed', subject(row), { number: row.number });
        if (input.report || hasIssues(row)) await sendReport(tx, ctx, row, at, chiefs);
      },
    );
    deps.notifications.flushSoon();
    return out;
  }

  async function report(ctx: Ctx, id: string): Promise<InspectionView> {
    const chiefs = await chiefsOf(ctx, id);
    const out = await change(
      ctx,
      id,
      'inspect',
      'completed',
      'oversight.inspection_not_completed',
      (tx, row, at) => sendReport(tx, ctx, row, at, chiefs),
    );
    deps.notifications.flushSoon();
    return out;
  }

  /** The unit's 総括保護管理者 records that it received the report. */
  async function acknowledge(ctx: Ctx, id: string): Promise<InspectionView> {
    const me = personOf(ctx);
    return change(
      ctx,
      id,
      'acknowledge',
      'reported',
      'oversight.inspection_not_reported',
      async (tx, row, at) => {
        if (row.acknowledged_at) throw new AppError('oversight.already_acknowledged');
        await tx
          .updateTable('oversight_inspections')
          .set({ acknowledged_at: at, acknowledged_by: me, updated_at: at })
          .where('id', '=', id)
          .execute();
        await audit(tx, ctx, 'oversight.inspection_acknowledged', subject(row), { number: row.number });
      },
    );
  }

  const { schedules, setSchedule } = createSchedules(deps, { sectionOf, allowed });
  return { schedules, setSchedule, list, get, create, update, complete, report, acknowledge };
}
export type Inspections = ReturnType<typeof createInspections>;
