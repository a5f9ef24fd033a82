import {
  factsInput,
  reportInput,
  type IncidentView,
  type ReportFormView,
} from '../../../shared/api/incidents.ts';
import { toTokyoDate } from '../../platform/clock.ts';
import type { Ctx } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { fiscalYear } from '../approvals/index.ts';
import type { IncidentsCore } from './incidents.core.ts';
import type { IncidentsDeps } from './incidents.deps.ts';
import { incidentsRepo, type IncidentRow } from './incidents.repo.ts';
import { nextNumber as drawNumber } from '../../platform/db/numbers.ts';

/**
 * The report (A34-1): anyone signed in tells, in a few fields, what happened or is feared, when they
 * came to know (知った日時: the law's clock starts there), the files or systems involved and what was
 * done already; it reaches the responsible 保護管理者 at once, in the app and by mail.
 */
export function createReporting(deps: IncidentsDeps, core: IncidentsCore) {
  const { database, authz, clock } = deps;

  /** The caller's unit's files in the register and its sections (the form's choices). */
  async function form(ctx: Ctx): Promise<ReportFormView> {
    core.personOf(ctx);
    await authz.assertCan(ctx, 'report', 'Incident');
    const unitId = ctx.actor.kind === 'person' ? ctx.actor.unitId : null;
    if (!unitId) return { files: [], sections: [], defaultSectionId: null };
    const [files, structure, names] = await Promise.all([
      deps.registerFiles(unitId),
      deps.structure(),
      deps.names(),
    ]);
    const sections = structure.sections.filter((s) => s.unitId === unitId);
    const own = ctx.actor.kind === 'person' ? ctx.actor.sectionId : null;
    return {
      files: files
        .filter((f) => f.registered)
        .map((f) => ({
          id: f.id,
          name: f.name,
          sectionId: f.sectionId,
          sectionName: names.sections.get(f.sectionId) ?? '',
        })),
      sections: sections.map((s) => ({ id: s.id, name: s.name })),
      defaultSectionId: own && sections.some((s) => s.id === own) ? own : null,
    };
  }

  /**
   * The responsible section: the first file's owning section, else the section chosen (of the
   * reporter's unit), else the reporter's own. Throws incidents.file_invalid, incidents.section_invalid.
   */
  async function placeOf(ctx: Ctx, input: ReturnType<typeof reportInput.parse>) {
    if (ctx.actor.kind !== 'person' || !ctx.actor.unitId) throw new AppError('incidents.section_invalid');
    const unitId = ctx.actor.unitId;
    const files = await deps.registerFiles(unitId);
    const byId = new Map(files.map((f) => [f.id, f]));
    for (const id of input.fileIds)
      if (!byId.get(id)?.registered) throw new AppError('incidents.file_invalid');
    if (input.sectionId) {
      const s = (await deps.structure()).sections.find((x) => x.id === input.sectionId);
      if (s?.unitId !== unitId) throw new AppError('incidents.section_invalid');
    }
    const sectionId = input.fileIds.length
      ? byId.get(input.fileIds[0]!)!.sectionId
      : (input.sectionId ?? ctx.actor.sectionId);
    if (!sectionId) throw new AppError('incidents.section_invalid');
    return { unitId, sectionId };
  }

  /** The next number of the fiscal year of 知った日時 (I2026-0001), drawn one at a time on PostgreSQL. */
  async function nextNumber(tx: Tx, awareAt: string) {
    const prefix = `I${fiscalYear(toTokyoDate(new Date(awareAt)))}-`;
    return drawNumber(tx, database.dialect, { table: 'incidents', prefix, width: 4 });
  }

  /**
   * Reports an incident (A34-1). Throws incidents.aware_in_future, incidents.file_invalid,
   * incidents.section_invalid. The section's 保護管理者 is told at once (incident.reported) — or the
   * unit's 総括保護管理者 where that seat is vacant or the reporter holds it; audit incident.reported.
   */
  async function report(ctx: Ctx, raw: unknown): Promise<IncidentView> {
    const me = core.personOf(ctx);
    await authz.assertCan(ctx, 'report', 'Incident');
    const input = reportInput.parse(raw);
    const awareAt = new Date(input.awareAt).toISOString();
    if (Date.parse(awareAt) > clock.now().getTime()) throw new AppError('incidents.aware_in_future');
    const { unitId, sectionId } = await placeOf(ctx, input);
    const [pm, cpm] = await Promise.all([
      deps.appointed('protection_manager', unitId, sectionId),
      deps.appointed('chief_protection_manager', unitId, sectionId),
    ]);
    const pmOthers = pm.filter((p) => p !== me);
    const told = pmOthers.length ? pmOthers : cpm.filter((p) => p !== me);
    const id = newId();
    for (let attempt = 0; ; attempt++) {
      try {
        await database.transaction(async (tx) => {
          const at = core.now();
          const row: IncidentRow = {
            id,
            number: await nextNumber(tx, awareAt),
            unit_id: unitId,
            section_id: sectionId,
            summary: input.summary,
            aware_at: awareAt,
            reported_at: at,
            reported_by: me,
            systems: input.systems,
            actions_taken: input.actionsTaken,
            file_ids: JSON.stringify(input.fileIds),
            facts: JSON.stringify(factsInput.parse({})),
            facts_updated_at: null,
            notice: null,
            notice_recorded_at: null,
            publication: null,
            publication_recorded_at: null,
            status: 'open',
            closed_at: null,
            closed_by: null,
            close_summary: null,
            updated_at: at,
          };
          await incidentsRepo.insert(tx, row);
          await core.event(tx, row, {
            kind: 'reported',
            at,
            by: me,
            text: input.actionsTaken,
            data: { awareAt, files: input.fileIds.length },
          });
          await core.audit(tx, ctx, row, 'incident.reported', {
            awareAt,
            fileIds: input.fileIds,
            told: told.length,
          });
          await core.notify(tx, told, 'incident.reported', row);
        });
        break;
      } catch (e) {
        // Two reports at once may draw the same number on PostgreSQL: the unique key refuses one.
        if (attempt < 3 && /unique|duplicate/i.test(String((e as Error).message))) continue;
        throw e;
      }
    }
    deps.notifications.flushSoon();
    return core.view(ctx, id);
  }

  return { form, report };
}
