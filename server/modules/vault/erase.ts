import { actorPersonId, type Ctx } from '../../platform/context.ts';
import type { Executor, Tx } from '../../platform/db/index.ts';
import type { VaultDeps } from './vault.deps.ts';
import { parseIndexKeys, type RecordRow } from './vault.repo.ts';

/** Records that still hold a data key: what erasure destroys (rejected ones were erased at rejection). */
const ERASABLE = ['active', 'pending'];
/** Rows per statement: well under SQLite's and PostgreSQL's limits of bound parameters. */
const CHUNK = 500;

export interface ErasedRecords {
  /** Ids of the records erased now (ids only: they stay in the audit trail and the usage ledger). */
  recordIds: string[];
  /** Pending changes closed (A26) because the record they would change no longer exists. */
  changesClosed: number;
  /** Correction reports whose sealed description, before and after were destroyed (A13). */
  corrections: number;
}

/**
 * Cryptographic erasure (A15, ADR 0008 §7): in the caller's transaction, each record's wrapped data
 * key, its sealed values, its blind index rows (and the record's note of them), the sealed values of
 * its changes (A26) and of its correction reports (A13) are destroyed. The key-encryption key never
 * held the data key, so nothing that remains — database, key file or KMS — can open a ciphertext
 * kept from before. The record row stays as 'erased' (its id, file, dates, who last touched it): the
 * audit trail and the usage ledger still name it. Backups taken earlier hold the old wrapped key
 * until they expire (operations guide).
 *
 * No gate here: the caller (modules/handling/disposal) has passed the vault's gate with the
 * 'dispose' permission and holds the approval; this only does the destroying.
 */
export function createEraser(deps: Pick<VaultDeps, 'clock'>) {
  /** The records of a file that can be erased, among `ids` (all of the file's when `ids` is null). */
  async function erasable(tx: Executor, fileId: string, ids: string[] | null): Promise<RecordRow[]> {
    if (ids === null)
      return tx
        .selectFrom('vault_records')
        .selectAll()
        .where('file_id', '=', fileId)
        .where('status', 'in', ERASABLE)
        .orderBy('id')
        .execute();
    const out: RecordRow[] = [];
    for (let i = 0; i < ids.length; i += CHUNK)
      out.push(
        ...(await tx
          .selectFrom('vault_records')
          .selectAll()
          .where('file_id', '=', fileId)
          .where('id', 'in', ids.slice(i, i + CHUNK))
          .where('status', 'in', ERASABLE)
          .execute()),
      );
    return out.sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  async function eraseRows(tx: Tx, ctx: Ctx, rows: RecordRow[]): Promise<ErasedRecords> {
    const now = deps.clock.now().toISOString();
    const by = actorPersonId(ctx);
    let changesClosed = 0;
    let corrections = 0;
    for (const row of rows) {
      for (const [field, value] of parseIndexKeys(row.index_keys))
        await tx
          .deleteFrom('vault_index')
          .where('file_id', '=', row.file_id)
          .where('field', '=', field)
          .where('value', '=', value)
          .where('record_id', '=', row.id)
          .execute();
    }
    for (let i = 0; i < rows.length; i += CHUNK) {
      const ids = rows.slice(i, i + CHUNK).map((r) => r.id);
      const sealedNone = { sealed_normal: null, sealed_sensitive: null, sealed_my_number: null };
      await tx
        .updateTable('vault_records')
        .set({
          ...sealedNone,
          key_wrapped: null,
          index_keys: null,
          status: 'erased',
          updated_at: now,
          updated_by: by,
        })
        .where('id', 'in', ids)
        .execute();
      // A pending change (A26) of an erased record can never be checked: it is closed as rejected.
      const closed = await tx
        .updateTable('vault_changes')
        .set({ ...sealedNone, status: 'rejected', reason: 'erased (A15)', checked_at: now })
        .where('record_id', 'in', ids)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      changesClosed += Number(closed.numUpdatedRows);
      await tx.updateTable('vault_changes').set(sealedNone).where('record_id', 'in', ids).execute();
      const reports = await tx
        .updateTable('handling_corrections')
        .set({ sealed_report: null, sealed_before: null, sealed_after: null })
        .where('record_id', 'in', ids)
        .executeTakeFirst();
      corrections += Number(reports.numUpdatedRows);
    }
    return { recordIds: rows.map((r) => r.id), changesClosed, corrections };
  }

  return {
    /** Which of `ids` are records of the file that can still be erased (the others: gone or never). */
    erasable: (db: Executor, fileId: string, ids: string[] | null) => erasable(db, fileId, ids),
    /** Erases these records of the file (ids not of the file, or already erased, are left alone). */
    async records(tx: Tx, ctx: Ctx, fileId: string, ids: string[]): Promise<ErasedRecords> {
      return eraseRows(tx, ctx, await erasable(tx, fileId, [...new Set(ids)]));
    },
    /** Erases every record of the file (a file's disposal, A15). */
    async file(tx: Tx, ctx: Ctx, fileId: string): Promise<ErasedRecords> {
      return eraseRows(tx, ctx, await erasable(tx, fileId, null));
    },
  };
}

export type Eraser = ReturnType<typeof createEraser>;
