import {
  historicalInput,
  historicalListQuery,
  unmarkInput,
  type HistoricalView,
} from '../../../../shared/api/oversight.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { OversightHistoricalTable } from '../../../platform/db/schema-oversight.ts';
import { AppError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { auditOf, directory, personOf } from '../common.ts';
import type { OversightDeps } from '../oversight.deps.ts';

const S = 'OversightHistorical';
type Row = OversightHistoricalTable;

/**
 * Historical materials (issue 10; A41): a register file whose records are 歴史資料等個人情報 —
 * historical, cultural or academic materials kept by a facility designated by the 内閣総理大臣 — is
 * marked with the facility and its 指定年月日. A41 applies 第11–19条 and 第34–38条 to them with
 * 「保有個人情報」 read as 「歴史資料等個人情報」: marking is a label only and lifts no control (access,
 * copying, export, provision, outsourcing, incidents, audits and inspections stay as they are). A mark
 * ends by unmarking (with a reason); its row stays as history.
 */
export function createHistorical(deps: OversightDeps) {
  const { database, authz, clock } = deps;
  const db = database.db;
  const audit = auditOf(deps);
  const obj = (r: { id?: string; unit_id: string; section_id: string }) => ({
    ...(r.id ? { id: r.id } : {}),
    unitId: r.unit_id,
    sectionId: r.section_id,
  });
  const subject = (r: Row) => ({ type: S, id: r.id, unitId: r.unit_id, sectionId: r.section_id });

  async function load(ctx: Ctx, id: string): Promise<Row> {
    personOf(ctx);
    const row = await db
      .selectFrom('oversight_historical')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row || !authz.can(ctx, 'read', S, obj(row))) throw new AppError('oversight.not_found');
    return row;
  }

  async function present(ctx: Ctx, rows: Row[]): Promise<HistoricalView[]> {
    const names = await deps.names();
    const people = directory(deps);
    return Promise.all(
      rows.map(async (r) => ({
        id: r.id,
        fileId: r.file_id,
        fileName: (await deps.fileFacts(r.file_id))?.name ?? '',
        unitId: r.unit_id,
        unitName: names.units.get(r.unit_id) ?? '',
        sectionId: r.section_id,
        sectionName: names.sections.get(r.section_id) ?? '',
        facilityName: r.facility_name,
        designatedOn: r.designated_on,
        note: r.note,
        markedBy: await people(r.marked_by),
        markedAt: r.marked_at,
        unmarkedAt: r.unmarked_at,
        unmarkReason: r.unmark_reason,
        filePath: `/register-admin/files/${r.file_id}`,
        canUnmark: r.unmarked_at === null && authz.can(ctx, 'mark', S, obj(r)),
      })),
    );
  }

  const get = async (ctx: Ctx, id: string) => (await present(ctx, [await load(ctx, id)]))[0]!;

  async function list(ctx: Ctx, raw: unknown = {}) {
    personOf(ctx);
    const q = historicalListQuery.parse(raw ?? {});
    let query = db.selectFrom('oversight_historical').selectAll();
    if (q.status === 'marked') query = query.where('unmarked_at', 'is', null);
    const rows = (await query.orderBy('marked_at', 'desc').orderBy('id').execute()).filter((r) =>
      authz.can(ctx, 'read', S, obj(r)),
    );
    const sections = (await deps.structure()).sections;
    return {
      files: await present(ctx, rows),
      canMarkSectionIds: sections
        .filter((s) => authz.can(ctx, 'mark', S, { unitId: s.unitId, sectionId: s.id }))
        .map((s) => s.id),
    };
  }

  /** Marks a register file of the caller's section (保護管理者) or unit (総括保護管理者). */
  async function mark(ctx: Ctx, raw: unknown) {
    const me = personOf(ctx);
    const input = historicalInput.parse(raw);
    const facts = await deps.fileFacts(input.fileId);
    // A41 marks the register's files: an unknown one is a bad input; one outside the caller's view is not found.
    if (!facts) throw new AppError('oversight.file_invalid');
    const o = { unitId: facts.unitId, sectionId: facts.sectionId };
    if (!authz.can(ctx, 'read', S, o)) throw new AppError('oversight.not_found');
    await authz.assertCan(ctx, 'mark', S, o);
    if (input.designatedOn > clock.today()) throw new AppError('oversight.date_in_future');
    const id = newId();
    await database.transaction(async (tx) => {
      const marked = await tx
        .selectFrom('oversight_historical')
        .select('id')
        .where('file_id', '=', input.fileId)
        .where('unmarked_at', 'is', null)
        .executeTakeFirst();
      if (marked) throw new AppError('oversight.already_marked');
      const row: Row = {
        id,
        file_id: input.fileId,
        unit_id: facts.unitId,
        section_id: facts.sectionId,
        facility_name: input.facilityName,
        designated_on: input.designatedOn,
        note: input.note,
        marked_by: me,
        marked_at: clock.now().toISOString(),
        unmarked_at: null,
        unmarked_by: null,
        unmark_reason: null,
      };
      await tx.insertInto('oversight_historical').values(row).execute();
      await audit(tx, ctx, 'oversight.historical_marked', subject(row), { fileId: input.fileId });
    });
    return get(ctx, id);
  }

  async function unmark(ctx: Ctx, id: string, raw: unknown) {
    const me = personOf(ctx);
    const row = await load(ctx, id);
    await authz.assertCan(ctx, 'mark', S, obj(row));
    const input = unmarkInput.parse(raw);
    await database.transaction(async (tx) => {
      const res = await tx
        .updateTable('oversight_historical')
        .set({ unmarked_at: clock.now().toISOString(), unmarked_by: me, unmark_reason: input.reason })
        .where('id', '=', id)
        .where('unmarked_at', 'is', null)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) === 0) throw new AppError('oversight.not_marked');
      await audit(tx, ctx, 'oversight.historical_unmarked', subject(row), { fileId: row.file_id });
    });
    return get(ctx, id);
  }

  return { list, get, mark, unmark };
}
export type Historical = ReturnType<typeof createHistorical>;
