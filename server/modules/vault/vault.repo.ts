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

  /** A person's grants that are not revoked and have not ended before `today`. */
  liveGrantsOf: (db: Executor, personId: string, today: string) =>
    db
      .selectFrom('vault_grants')
      .selectAll()
      .where('person_id', '=', personId)
      .where('revoked_at', 'is', null)
      .where('valid_until', '>=', today)
      .execute(),

  /** Grants in force whose review is overdue (A11-1 recertification). */
  overdueGrants: (db: Executor, today: string) =>
    db
      .selectFrom('vault_grants')
      .selectAll()
      .where('revoked_at', 'is', null)
      .where('valid_from', '<=', today)
      .where('valid_until', '>=', today)
      .where('review_due', '<', today)
      .execute(),

  async replaceIndex(
    db: Executor,
    fileId: string,
    recordId: string,
    rows: { field: string; value: number }[],
    fields?: string[],
  ) {
    let del = db.deleteFrom('vault_index').where('record_id', '=', recordId);
    if (fields) {
      if (fields.length === 0) return;
      del = del.where((eb) =>
        eb.or(fields.flatMap((f) => [eb('field', '=', f), eb('field', 'like', `${f}^%`)])),
      );
    }
    await del.execute();
    if (rows.length > 0)
      await db
        .insertInto('vault_index')
        .values(rows.map((r) => ({ file_id: fileId, field: r.field, value: r.value, record_id: recordId })))
        .onConflict((oc) => oc.doNothing())
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
