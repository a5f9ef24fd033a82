import type { Executor } from '../../../platform/db/index.ts';
import type { VaultImportTable } from '../../../platform/db/schema-vault.ts';
import type { RecordRow } from '../vault.repo.ts';

export type ImportRow = VaultImportTable;

/** Index rows of `field` joined to their active or pending records (changed since `since`). */
function keyed(db: Executor, fileId: string, field: string, since: string | undefined) {
  let q = db
    .selectFrom('vault_index as i')
    .innerJoin('vault_records as r', 'r.id', 'i.record_id')
    .where('i.file_id', '=', fileId)
    .where('i.field', '=', field)
    .where('r.status', 'in', ['active', 'pending']);
  if (since !== undefined) q = q.where('r.updated_at', '>=', since);
  return q;
}

/** Index values asked for per query: well under every database's limit on parameters. */
const VALUES_PER_QUERY = 500;

/** Queries of the vault import (issue 6) beyond those of vault.repo.ts. */
export const importRepo = {
  /**
   * The active and pending records of a file with one of `values` in the index of `field` (the
   * candidates a duplicate is looked for among; the blind index has false positives by design),
   * optionally only those changed since `since`.
   */
  async candidates(
    db: Executor,
    fileId: string,
    field: string,
    values: number[] | 'all',
    since?: string,
  ): Promise<RecordRow[]> {
    const query = (some: number[] | null) => {
      let q = keyed(db, fileId, field, since).selectAll('r');
      if (some) q = q.where('i.value', 'in', some);
      return q.execute();
    };
    if (values === 'all') return query(null);
    const out: RecordRow[] = [];
    for (let i = 0; i < values.length; i += VALUES_PER_QUERY)
      out.push(...(await query(values.slice(i, i + VALUES_PER_QUERY))));
    return out;
  },

  /** How many active and pending records of a file have `field` in the index (changed since `since`). */
  async keyedCount(db: Executor, fileId: string, field: string, since?: string): Promise<number> {
    const row = await keyed(db, fileId, field, since)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  insert: (db: Executor, row: ImportRow) => db.insertInto('vault_imports').values(row).execute(),

  get: (db: Executor, id: string) =>
    db.selectFrom('vault_imports').selectAll().where('id', '=', id).executeTakeFirst(),
};
