import type { Executor } from '../db/index.ts';
import { entryBytes } from './entry-codec.ts';
import { toEntry, type LedgerEntry } from './index.ts';
import { ledgerRepo } from './ledger.repo.ts';

/**
 * An entry with its canonical bytes AND its payload exactly as stored (issue 12, the access history):
 * the bytes carry SHA-256 of that very string, so a verifier outside the server needs it verbatim —
 * re-serialising the parsed payload (LedgerEntry.payload) is not guaranteed to give the same bytes.
 * Null payload once pruned after the retention period (A22-1: the digest stays in the leaf).
 */
export async function storedEntry(
  db: Executor,
  id: string,
): Promise<{ entry: LedgerEntry; bytes: Buffer; payload: string | null } | null> {
  const row = await ledgerRepo.entryById(db, id);
  if (!row) return null;
  return { entry: toEntry(row), bytes: entryBytes(row), payload: row.pruned_at ? null : row.payload };
}
