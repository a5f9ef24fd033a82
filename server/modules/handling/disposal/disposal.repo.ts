import type { Executor } from '../../../platform/db/index.ts';
import type { HandlingDisposalTable, HandlingMediumTable } from '../../../platform/db/schema-handling.ts';
import type { RequestRow } from '../../approvals/index.ts';

export type DisposalRow = Omit<HandlingDisposalTable, 'kind'> & { kind: 'records' | 'file' | 'medium' };
export type MediumRow = HandlingMediumTable;

const REQUEST_COLUMNS = [
  'r.id as r_id',
  'r.number as r_number',
  'r.kind as r_kind',
  'r.unit_id as r_unit_id',
  'r.section_id as r_section_id',
  'r.file_id as r_file_id',
  'r.record_ids as r_record_ids',
  'r.reason as r_reason',
  'r.payload as r_payload',
  'r.level as r_level',
  'r.status as r_status',
  'r.requested_by as r_requested_by',
  'r.requested_at as r_requested_at',
  'r.decided_by as r_decided_by',
  'r.acting_for as r_acting_for',
  'r.decided_at as r_decided_at',
  'r.decision_comment as r_decision_comment',
  'r.expires_at as r_expires_at',
  'r.done_at as r_done_at',
  'r.revision as r_revision',
] as const;

type Joined = HandlingDisposalTable & { [K in keyof RequestRow as `r_${K}`]: RequestRow[K] };

function split(j: Joined): { row: DisposalRow; req: RequestRow } {
  const row: Record<string, unknown> = {};
  const req: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(j)) {
    if (k.startsWith('r_')) req[k.slice(2)] = v;
    else row[k] = v;
  }
  return { row: row as DisposalRow, req: req as unknown as RequestRow };
}

/** Queries of disposals (A15) and of the media register's disposal columns (A14, A15). */
export const disposalRepo = {
  medium: (db: Executor, id: string) =>
    db.selectFrom('handling_media').selectAll().where('id', '=', id).executeTakeFirst(),

  /** Marks a stored medium disposed; false when it was not in store any more. */
  async disposeMedium(
    db: Executor,
    id: string,
    set: Pick<MediumRow, 'disposed_at' | 'disposal_method' | 'disposal_witness' | 'disposal_request_id'>,
  ): Promise<boolean> {
    const r = await db
      .updateTable('handling_media')
      .set({ ...set, status: 'disposed' })
      .where('id', '=', id)
      .where('status', '=', 'stored')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  insert: (db: Executor, row: DisposalRow) => db.insertInto('handling_disposals').values(row).execute(),

  async withRequest(db: Executor, id: string) {
    const j = await db
      .selectFrom('handling_disposals as d')
      .innerJoin('approval_requests as r', 'r.id', 'd.request_id')
      .selectAll('d')
      .select(REQUEST_COLUMNS)
      .where('d.id', '=', id)
      .executeTakeFirst();
    return j ? split(j) : undefined;
  },

  /** Disposals, newest first, with their requests. */
  async list(db: Executor, f: { fileId?: string; limit: number }) {
    let q = db
      .selectFrom('handling_disposals as d')
      .innerJoin('approval_requests as r', 'r.id', 'd.request_id')
      .selectAll('d')
      .select(REQUEST_COLUMNS);
    if (f.fileId) q = q.where('r.file_id', '=', f.fileId);
    const rows = await q
      .orderBy('d.executed_at', 'desc')
      .orderBy('d.number', 'desc')
      .limit(f.limit)
      .execute();
    return rows.map((j) => split(j as Joined));
  },
};
