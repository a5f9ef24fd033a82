import { sql, type SqlBool } from 'kysely';
import type { Executor } from '../../../platform/db/index.ts';

/** The audit type of a bulk import: a use of the file written as a change, not as a read. */
export const IMPORT_TYPE = 'vault.records_imported';

/** Audit types of a record's change: the entry names the record, its payload the file. */
export const RECORD_USE_TYPES = [
  'vault.record_created',
  'vault.record_updated',
  'vault.change_submitted',
  'vault.change_verified',
  'vault.change_rejected',
] as const;

export interface Span {
  /** ISO instants: from inclusive, to exclusive. */
  fromIso: string;
  toIso: string;
}

const ENTRY_COLUMNS = [
  'seq',
  'type',
  'occurred_at',
  'actor_id',
  'actor_label',
  'purpose',
  'payload',
] as const;

/**
 * All SQL of the usage ledger. It only reads: the log's entries (A22), the approval engine's requests
 * and the tables of the acts (schema-handling.ts), people for names. The reviews are its own table.
 */
export const usageRepo = {
  /**
   * Reads of the file (every access entry about it: the vault's, a correction's reading…) and its
   * bulk imports (subject vault_file): the log's subject index covers sequenced entries,
   * those still waiting for the sequencer are found through the pending index (as ledger.repo does).
   */
  fileEntries(db: Executor, fileId: string, span: Span) {
    const about = sql<SqlBool>`subject_type = ${'vault_file'} and subject_id = ${fileId}`;
    return db
      .selectFrom('ledger_entries')
      .select(ENTRY_COLUMNS)
      .where('seq', 'in', (eb) =>
        eb
          .selectFrom('ledger_entries')
          .select('seq')
          .where(about)
          .where('leaf_index', 'is not', null)
          .unionAll(
            eb.selectFrom('ledger_entries').select('seq').where('leaf_index', 'is', null).where(about),
          ),
      )
      .where((eb) => eb.or([eb('kind', '=', 'access'), eb('type', '=', IMPORT_TYPE)]))
      .where('outcome', '=', 'ok')
      .where('occurred_at', '>=', span.fromIso)
      .where('occurred_at', '<', span.toIso)
      .orderBy('seq')
      .execute();
  },

  /** Audit entries of records' changes in the file's section (the file is named in the payload). */
  recordEntries(db: Executor, sectionId: string, span: Span) {
    return db
      .selectFrom('ledger_entries')
      .select(ENTRY_COLUMNS)
      .where('occurred_at', '>=', span.fromIso)
      .where('occurred_at', '<', span.toIso)
      .where('kind', '=', 'audit')
      .where('type', 'in', [...RECORD_USE_TYPES])
      .where('section_id', '=', sectionId)
      .where('outcome', '=', 'ok')
      .orderBy('seq')
      .execute();
  },

  exports(db: Executor, fileId: string, span: Span) {
    return db
      .selectFrom('handling_exports as e')
      .leftJoin('approval_requests as r', 'r.id', 'e.request_id')
      .select([
        'e.id',
        'e.person_id',
        'e.format',
        'e.records',
        'e.created_at',
        'e.deleted_at',
        'e.local_deleted_at',
        'r.number',
        'r.payload',
      ])
      .where('e.file_id', '=', fileId)
      .where('e.created_at', '>=', span.fromIso)
      .where('e.created_at', '<', span.toIso)
      .execute();
  },

  /** Transmissions and media sent or taken out that were carried out (done_at set). */
  movements(db: Executor, fileId: string, span: Span) {
    return db
      .selectFrom('handling_movements as m')
      .leftJoin('approval_requests as r', 'r.id', 'm.request_id')
      .select([
        'm.id',
        'm.kind',
        'm.recipient',
        'm.means',
        'm.done_at',
        'm.done_by',
        'm.due_back',
        'm.returned_at',
        'r.number',
        'r.payload',
        'r.record_ids',
        'r.requested_by',
      ])
      .where('m.file_id', '=', fileId)
      .where('m.done_at', 'is not', null)
      .where('m.done_at', '>=', span.fromIso)
      .where('m.done_at', '<', span.toIso)
      .execute();
  },

  corrections(db: Executor, fileId: string, span: Span) {
    return db
      .selectFrom('handling_corrections as c')
      .leftJoin('approval_requests as r', 'r.id', 'c.request_id')
      .select(['c.id', 'c.fields', 'c.corrected_by', 'c.corrected_at', 'c.reported_by', 'r.number'])
      .where('c.file_id', '=', fileId)
      .where('c.status', '=', 'corrected')
      .where('c.corrected_at', '>=', span.fromIso)
      .where('c.corrected_at', '<', span.toIso)
      .execute();
  },

  disposals(db: Executor, fileId: string, span: Span) {
    return db
      .selectFrom('handling_disposals as d')
      .leftJoin('approval_requests as r', 'r.id', 'd.request_id')
      .select([
        'd.id',
        'd.number as certificate',
        'd.kind',
        'd.records',
        'd.method',
        'd.executed_by',
        'd.executed_at',
        'r.number',
      ])
      .where('d.file_id', '=', fileId)
      .where('d.executed_at', '>=', span.fromIso)
      .where('d.executed_at', '<', span.toIso)
      .execute();
  },

  /** Uses outside the purpose that were carried out (A17-2: the request approved, then done). */
  outOfPurpose(db: Executor, fileId: string, span: Span) {
    return db
      .selectFrom('approval_requests')
      .select(['id', 'number', 'record_ids', 'payload', 'requested_by', 'done_at'])
      .where('file_id', '=', fileId)
      .where('kind', '=', 'out_of_purpose')
      .where('status', '=', 'done')
      .where('done_at', '>=', span.fromIso)
      .where('done_at', '<', span.toIso)
      .execute();
  },

  /** What the requester recorded when a use outside the purpose was done (A17-2): its audit entries. */
  outOfPurposeDone(db: Executor, requestIds: string[]) {
    if (requestIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('ledger_entries')
      .select(['subject_id', 'payload'])
      .where('subject_type', '=', 'ApprovalRequest')
      .where('subject_id', 'in', requestIds)
      .where('type', '=', 'handling.out_of_purpose_done')
      .execute();
  },

  /** The file's requests made, decided or done in the period. */
  requests(db: Executor, fileId: string, span: Span) {
    const within = (col: 'requested_at' | 'decided_at' | 'done_at') =>
      sql<SqlBool>`(${sql.ref(col)} >= ${span.fromIso} and ${sql.ref(col)} < ${span.toIso})`;
    return db
      .selectFrom('approval_requests')
      .select([
        'id',
        'number',
        'kind',
        'status',
        'requested_by',
        'requested_at',
        'decided_by',
        'decided_at',
        'done_at',
      ])
      .where('file_id', '=', fileId)
      .where((eb) => eb.or([within('requested_at'), within('decided_at'), within('done_at')]))
      .orderBy('requested_at')
      .execute();
  },

  people(db: Executor, ids: string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('people')
      .select(['id', 'employee_number', 'family_name', 'given_name'])
      .where('id', 'in', ids)
      .execute();
  },

  reviews(db: Executor, fileId: string) {
    return db
      .selectFrom('handling_reviews')
      .selectAll()
      .where('file_id', '=', fileId)
      .orderBy('period_from', 'desc')
      .execute();
  },

  /** The files of the vault with their owner and the day they were opened (gaps, reminders). */
  vaultFiles(db: Executor) {
    return db.selectFrom('vault_files').select(['file_id', 'unit_id', 'section_id', 'created_at']).execute();
  },

  allReviews(db: Executor) {
    return db.selectFrom('handling_reviews').select(['file_id', 'period_from']).execute();
  },

  /** The section's 保護管理者 in office on a Tokyo date (A6), for the monthly reminder. */
  async protectionManagers(db: Executor, sectionId: string, today: string): Promise<string[]> {
    const rows = await db
      .selectFrom('appointments')
      .select('person_id')
      .where('role', '=', 'protection_manager')
      .where('section_id', '=', sectionId)
      .where('starts_on', '<=', today)
      .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', today)]))
      .where('terminated_on', 'is', null)
      .execute();
    return rows.map((r) => r.person_id);
  },
};

export type ReviewRow = Awaited<ReturnType<typeof usageRepo.reviews>>[number];
