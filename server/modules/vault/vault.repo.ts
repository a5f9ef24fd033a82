import type { Executor } from '../../platform/db/index.ts';
import type {
  VaultChangeTable,
  VaultFileTable,
  VaultGrantTable,
  VaultRecordTable,
} from '../../platform/db/schema-vault.ts';

export type FileRow = VaultFileTable;
export type RecordRow = VaultRecordTable;
export type GrantRow = VaultGrantTable;
export type ChangeRow = VaultChangeTable;

/** One blind index row of a record: the field (or 'field^2' for a prefix) and the truncated HMAC. */
export interface IndexRow {
  field: string;
  value: number;
}

/** The rows without repeats (two values of a record may share an index value). */
export function uniqueRows(rows: IndexRow[]): IndexRow[] {
  const seen = new Set<string>();
  return rows.filter((r) => {
    const k = `${r.field}\u0000${r.value}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** A record's index_keys column: its index rows as JSON `[[field, value], …]`, null for none. */
export const indexKeysOf = (rows: readonly IndexRow[]): string | null =>
  rows.length === 0 ? null : JSON.stringify(rows.map((r) => [r.field, r.value]));

export function parseIndexKeys(text: string | null): [string, number][] {
  return text === null ? [] : (JSON.parse(text) as [string, number][]);
}

/** Which records a reader reaches (a grant's record scope), as SQL conditions. */
export interface ScopeFilter {
  unitIds?: string[];
  tags?: string[];
}

/** Queries of the vault's tables (issue 6). */
export const vaultRepo = {
  file: (db: Executor, fileId: string) =>
    db.selectFrom('vault_files').selectAll().where('file_id', '=', fileId).executeTakeFirst(),

  files: (db: Executor) => db.selectFrom('vault_files').selectAll().execute(),

  schema: (db: Executor, fileId: string, version: number) =>
    db
      .selectFrom('vault_schemas')
      .select('definition')
      .where('file_id', '=', fileId)
      .where('version', '=', version)
      .executeTakeFirst(),

  /** The file a record belongs to (its id only), or undefined. */
  fileOfRecord: async (db: Executor, id: string) =>
    (await db.selectFrom('vault_records').select('file_id').where('id', '=', id).executeTakeFirst())?.file_id,
  record: (db: Executor, fileId: string, id: string) =>
    db
      .selectFrom('vault_records')
      .selectAll()
      .where('file_id', '=', fileId)
      .where('id', '=', id)
      .executeTakeFirst(),

  /** A page of active records in the scope, oldest first (ids are time-ordered), after `after`. */
  page: (db: Executor, fileId: string, scope: ScopeFilter, after: string | undefined, limit: number) => {
    let q = db
      .selectFrom('vault_records')
      .selectAll()
      .where('file_id', '=', fileId)
      .where('status', '=', 'active');
    q = inScope(q, scope);
    if (after) q = q.where('id', '>', after);
    return q.orderBy('id').limit(limit).execute();
  },

  /** Records in the scope (active unless `statuses` say otherwise) whose index row matches. */
  byIndex: (
    db: Executor,
    fileId: string,
    scope: ScopeFilter,
    index: { field: string; value: number },
    limit: number,
    statuses: string[] = ['active'],
  ) => {
    let q = db
      .selectFrom('vault_index as i')
      .innerJoin('vault_records as vault_records', 'vault_records.id', 'i.record_id')
      .selectAll('vault_records')
      .where('i.file_id', '=', fileId)
      .where('i.field', '=', index.field)
      .where('i.value', '=', index.value)
      .where('vault_records.status', 'in', statuses);
    q = inScope(q, scope);
    return q.orderBy('vault_records.id').limit(limit).execute();
  },

  pendingChanges: (db: Executor, fileId: string) =>
    db
      .selectFrom('vault_changes')
      .selectAll()
      .where('file_id', '=', fileId)
      .where('status', '=', 'pending')
      .orderBy('made_at')
      .execute(),

  /** A record of the file with whether a change of it awaits a check (A26), in one query. */
  recordWithPending: async (db: Executor, fileId: string, id: string) => {
    const found = await db
      .selectFrom('vault_records')
      .selectAll()
      .select((eb) =>
        eb
          .exists(
            eb
              .selectFrom('vault_changes')
              .select('vault_changes.id')
              .whereRef('vault_changes.record_id', '=', 'vault_records.id')
              .where('vault_changes.status', '=', 'pending'),
          )
          .as('pending_change'),
      )
      .where('file_id', '=', fileId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!found) return undefined;
    const { pending_change, ...row } = found;
    return { row, pending: Boolean(pending_change) };
  },

  pendingFor: async (db: Executor, recordIds: string[]): Promise<Set<string>> => {
    if (recordIds.length === 0) return new Set();
    const rows = await db
      .selectFrom('vault_changes')
      .select('record_id')
      .where('record_id', 'in', recordIds)
      .where('status', '=', 'pending')
      .execute();
    return new Set(rows.map((r) => r.record_id));
  },

  change: (db: Executor, id: string) =>
    db.selectFrom('vault_changes').selectAll().where('id', '=', id).executeTakeFirst(),

  grant: (db: Executor, id: string) =>
    db.selectFrom('vault_grants').selectAll().where('id', '=', id).executeTakeFirst(),

  grantsOfFile: (db: Executor, fileId: string) =>
    db.selectFrom('vault_grants').selectAll().where('file_id', '=', fileId).orderBy('granted_at').execute(),

  /**
   * A person's grants that are not revoked, not suspended (issue 10, A10: a lapsed required course)
   * and have not ended before `today`.
   */
  liveGrantsOf: (db: Executor, personId: string, today: string) =>
    db
      .selectFrom('vault_grants')
      .selectAll()
      .where('person_id', '=', personId)
      .where('revoked_at', 'is', null)
      .where('suspended_at', 'is', null)
      .where('valid_until', '>=', today)
      .execute(),

  /** A person's grants suspended for training (A10) that are not revoked nor ended before `today`. */
  suspendedGrantsOf: (db: Executor, personId: string, today: string) =>
    db
      .selectFrom('vault_grants')
      .selectAll()
      .where('person_id', '=', personId)
      .where('revoked_at', 'is', null)
      .where('suspended_at', 'is not', null)
      .where('valid_until', '>=', today)
      .execute(),

  /** The people with a grant not revoked nor ended before `today`, suspended or not (issue 10, A10). */
  async grantHolders(db: Executor, today: string): Promise<string[]> {
    const rows = await db
      .selectFrom('vault_grants')
      .select('person_id')
      .distinct()
      .where('revoked_at', 'is', null)
      .where('valid_until', '>=', today)
      .execute();
    return rows.map((r) => r.person_id);
  },

  /** Grants in force whose review is overdue (A11-1 recertification). */
  overdueGrants: (db: Executor, today: string) =>
    db
      .selectFrom('vault_grants')
      .selectAll()
      .where('revoked_at', 'is', null)
      .where('suspended_at', 'is', null)
      .where('valid_from', '<=', today)
      .where('valid_until', '>=', today)
      .where('review_due', '<', today)
      .execute(),

  /**
   * Replaces a record's blind index rows with `rows` (none: removes them), and the record's note of
   * them (index_keys): the old rows are deleted by primary key, as the record names them.
   */
  async replaceIndex(db: Executor, fileId: string, recordId: string, rows: IndexRow[]) {
    const held = await db
      .selectFrom('vault_records')
      .select('index_keys')
      .where('id', '=', recordId)
      .executeTakeFirst();
    for (const [field, value] of parseIndexKeys(held?.index_keys ?? null))
      await db
        .deleteFrom('vault_index')
        .where('file_id', '=', fileId)
        .where('field', '=', field)
        .where('value', '=', value)
        .where('record_id', '=', recordId)
        .execute();
    const unique = uniqueRows(rows);
    if (unique.length > 0)
      await db
        .insertInto('vault_index')
        .values(unique.map((r) => ({ file_id: fileId, field: r.field, value: r.value, record_id: recordId })))
        .execute();
    await db
      .updateTable('vault_records')
      .set({ index_keys: indexKeysOf(unique) })
      .where('id', '=', recordId)
      .execute();
  },
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a Kysely builder over vault_records
function inScope<Q extends { where: (...args: any[]) => Q }>(q: Q, scope: ScopeFilter): Q {
  let out = q;
  if (scope.unitIds)
    out = out.where('vault_records.unit_id', 'in', scope.unitIds.length ? scope.unitIds : ['']);
  if (scope.tags) out = out.where('vault_records.scope_tag', 'in', scope.tags.length ? scope.tags : ['']);
  return out;
}
