import type { AccessGate } from '../access.ts';
import type { FileLoader } from '../file-loader.ts';
import type { Indexer } from '../record-crypto.ts';
import type { RecordReader } from '../record-reader.ts';
import type { VaultDeps } from '../vault.deps.ts';

/**
 * The vault's entry points for individuals' requests (issue 12): finding a person's records across
 * every file through the blind indexes (name, birth date, student or staff number), reading the
 * identifying fields of a candidate for a handler to confirm, and reading a confirmed record whole
 * for the disclosure — every access logged with the request as its purpose (A11-3, A22-1). The
 * requests module decides who may; the vault decides nothing about grants here. STUB: the search
 * helper writes it.
 */
export function createSubjectAccess(
  deps: VaultDeps,
  parts: { files: FileLoader; indexer: Indexer; reader: RecordReader; gate: AccessGate },
) {
  void deps;
  void parts;
  return {};
}

export type SubjectAccess = ReturnType<typeof createSubjectAccess>;
