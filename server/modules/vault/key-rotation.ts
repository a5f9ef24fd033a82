import type { KekProvider } from '../../platform/crypto/index.ts';
import type { Database } from '../../platform/db/index.ts';
import { keyContext } from './record-crypto.ts';

/**
 * A25, after `npx mamori keys rotate`: every record's data key wrapped under an older version of the
 * key-encryption key is wrapped again under the current one, in small batches while the servers run
 * (a record read meanwhile opens under either version). Each row is updated only if its key has not
 * changed since it was read; an erased record (no key) is left alone. Returns how many were re-wrapped.
 */
export async function rewrapDataKeys(
  deps: { database: Database; kek: KekProvider },
  batch = 500,
): Promise<number> {
  const { db } = deps.database;
  const current = deps.kek.current().version;
  let done = 0;
  let after = '';
  for (;;) {
    const rows = await db
      .selectFrom('vault_records')
      .select(['id', 'file_id', 'key_wrapped', 'key_version'])
      .where('id', '>', after)
      .where('key_wrapped', 'is not', null)
      .where('key_version', '<', current)
      .orderBy('id')
      .limit(batch)
      .execute();
    if (rows.length === 0) return done;
    for (const row of rows) {
      const next = await deps.kek.rewrap(
        { kekVersion: row.key_version, wrapped: row.key_wrapped! },
        keyContext(row.file_id, row.id),
      );
      const updated = await db
        .updateTable('vault_records')
        .set({ key_wrapped: next.wrapped, key_version: next.kekVersion })
        .where('id', '=', row.id)
        .where('key_wrapped', '=', row.key_wrapped)
        .executeTakeFirst();
      done += Number(updated.numUpdatedRows);
    }
    after = rows[rows.length - 1]!.id;
  }
}
