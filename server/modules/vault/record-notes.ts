import type { Ctx } from '../../platform/context.ts';
import { CiphertextError, openGroup, sealGroup, type SealContext } from '../../platform/crypto/index.ts';
import type { Database } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { GROUPS, type Values } from './record-crypto.ts';
import type { RecordReader } from './record-reader.ts';
import { vaultRepo, type RecordRow } from './vault.repo.ts';

/** What another module may know of a record without reading it: where it is and whether it lives. */
export type RecordFacts = Pick<RecordRow, 'id' | 'file_id' | 'unit_id' | 'scope_tag' | 'status' | 'revision'>;

/**
 * Notes about one record kept outside it (issue 7): a correction's report and the before and after
 * of the corrected fields (A13). They may hold personal data, so they are sealed (AES-256-GCM) under
 * the record's own data key, bound to the file, the record and the note's label: destroying that key
 * (A15, cryptographic erasure) makes them unreadable together with the record, and a note copied to
 * another record or label does not open. Callers check who may read; this only seals and opens.
 */
export function createRecordNotes(deps: { database: Database }, reader: RecordReader) {
  const db = deps.database.db;
  const context = (row: RecordFacts, label: string): SealContext => ({
    fileId: row.file_id,
    recordId: row.id,
    group: `note:${label}`,
    keyId: row.id,
    keyVersion: 1,
  });

  /** The record of the file, or vault.record_not_found (a rejected new entry never existed). */
  async function find(fileId: string, recordId: string): Promise<RecordRow> {
    const row = await vaultRepo.record(db, fileId, recordId);
    if (!row || row.status === 'rejected') throw new AppError('vault.record_not_found');
    return row;
  }

  /** Seals a note under the record's key; vault.record_erased when the record was disposed of. */
  async function seal(fileId: string, recordId: string, label: string, content: Record<string, unknown>) {
    const row = await find(fileId, recordId);
    const key = await reader.dataKey(row);
    try {
      return sealGroup(key, context(row, label), content);
    } finally {
      key.fill(0);
    }
  }

  /**
   * Opens a note: null when the record was disposed of (its key destroyed, A15); a note that fails to
   * authenticate (altered, or moved from another record or label) is vault.record_damaged.
   */
  async function open(
    fileId: string,
    recordId: string,
    label: string,
    sealed: string,
  ): Promise<Record<string, unknown> | null> {
    const row = await find(fileId, recordId);
    if (row.key_wrapped === null) return null;
    let key: Buffer;
    try {
      key = await reader.dataKey(row);
    } catch (e) {
      if (e instanceof CiphertextError) throw new AppError('vault.record_damaged');
      throw e;
    }
    try {
      return openGroup(key, context(row, label), sealed);
    } catch (e) {
      if (e instanceof CiphertextError) throw new AppError('vault.record_damaged');
      throw e;
    } finally {
      key.fill(0);
    }
  }

  /** The record's current values (every group), for a caller that has passed the gate; null if damaged. */
  async function values(ctx: Ctx, fileId: string, recordId: string): Promise<Values | null> {
    const row = await find(fileId, recordId);
    if (row.key_wrapped === null) throw new AppError('vault.record_erased');
    return reader.open(ctx, null, row, [...GROUPS]);
  }

  /** Where the record is and whether it lives, for scope checks (no values). */
  async function facts(fileId: string, recordId: string): Promise<RecordFacts> {
    const { id, file_id, unit_id, scope_tag, status, revision } = await find(fileId, recordId);
    return { id, file_id, unit_id, scope_tag, status, revision };
  }

  /**
   * A26: the state of the latest change of the record made at or after `since` by `by` (a
   * correction made in an important file waits for its check): pending, verified, rejected, or null.
   */
  async function changeSince(
    fileId: string,
    recordId: string,
    since: string,
    by: string,
  ): Promise<'pending' | 'verified' | 'rejected' | null> {
    const change = await db
      .selectFrom('vault_changes')
      .select('status')
      .where('file_id', '=', fileId)
      .where('record_id', '=', recordId)
      .where('made_at', '>=', since)
      .where('made_by', '=', by)
      .orderBy('made_at', 'desc')
      .executeTakeFirst();
    return (change?.status as 'pending' | 'verified' | 'rejected' | undefined) ?? null;
  }

  return { seal, open, values, facts, changeSince };
}

export type RecordNotes = ReturnType<typeof createRecordNotes>;
