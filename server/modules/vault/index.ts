import type { Policy } from '../../platform/authz/index.ts';
import { createAccessGate } from './access.ts';
import { createChangesService } from './changes.service.ts';
import { createEraser } from './erase.ts';
import { createExportRecords } from './export-records.ts';
import { createFileLoader } from './file-loader.ts';
import { createFilesService } from './files.service.ts';
import { createGrantsService } from './grants.service.ts';
import { createVaultImport } from './import/index.ts';
import { createIndexer } from './record-crypto.ts';
import { createRecordNotes } from './record-notes.ts';
import { createRecordReader } from './record-reader.ts';
import { createRecordsService } from './records.service.ts';
import { createSubjectAccess } from './subjects/index.ts';
import { createSuspensions } from './suspensions.ts';
import { vaultRepo } from './vault.repo.ts';
import type { VaultDeps } from './vault.deps.ts';
import { vaultPolicy } from './vault.policy.ts';

export { vaultRoutes } from './vault.routes.ts';
export type { VaultDeps } from './vault.deps.ts';

/**
 * The vault (issue 6): held personal information of the register's computer-processed files,
 * sealed per field group (A25), reached only through grants (A11-1, A11-2) with a stated purpose
 * (A11-3), My Numbers only by handlers in their area (A7の2, A11の2), every access logged before it
 * is served (A22-1), important files checked by a second person (A26).
 */
export function createVaultModule(deps: VaultDeps) {
  const files = createFileLoader(deps);
  const indexer = createIndexer(deps.indexMaster);
  const grants = createGrantsService(deps, files);
  const gate = createAccessGate(deps, files, grants, (fileId, groups) =>
    groups.map((g) => indexer.scopeTag(fileId, g)!),
  );
  const reader = createRecordReader(deps);
  // Issue 12 (法98–103): made first, so that records, changes and exports refuse suspended records.
  const suspensions = createSuspensions(deps, files);
  return {
    files: createFilesService(deps, files, grants),
    grants,
    records: createRecordsService(deps, gate, reader, indexer, suspensions),
    changes: createChangesService(deps, gate, reader, indexer, suspensions),
    import: createVaultImport(deps, gate, indexer, reader),
    internals: { loader: files, indexer, reader, gate },
    exportRecords: createExportRecords(deps, gate, reader, suspensions), // A12(1), A24の2: copies (handling/export)
    erase: createEraser(deps), // A15: cryptographic erasure (issue 7, modules/handling/disposal)
    notes: createRecordNotes(deps, reader), // A13: sealed notes about a record (modules/handling/correction)
    // Issue 12: a person's records for their request (modules/requests), and suspension of use (法98).
    subjects: createSubjectAccess(deps, { files, indexer, reader, gate }),
    suspensions,
    /** The file a record belongs to, or null (nothing sealed is read; incidents link records, A34-3). */
    fileOfRecord: async (recordId: string) =>
      (await vaultRepo.fileOfRecord(deps.database.db, recordId)) ?? null,
  };
}

export type VaultModule = ReturnType<typeof createVaultModule>;
export const vaultPolicies: Policy[] = [vaultPolicy];
