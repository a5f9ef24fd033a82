import {
  VAULT_IMPORT_LISTED_ROWS,
  type VaultImportPreviewView,
  type VaultImportProgressView,
} from '../../../../shared/api/vault-import.ts';
import type { Ctx } from '../../../platform/context.ts';
import { actorPersonId } from '../../../platform/context.ts';
import { AppError, isAppError, type ErrorDetail } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { AccessGate } from '../access.ts';
import type { Indexer } from '../record-crypto.ts';
import type { RecordReader } from '../record-reader.ts';
import type { VaultDeps } from '../vault.deps.ts';
import { vaultRepo } from '../vault.repo.ts';
import { createImportCheck, type CheckedImport, type CheckedRow, type CheckInput } from './import-check.ts';
import { importRepo } from './import.repo.ts';
import { createImportRuns, rowView, runView, type ImportRun } from './import-runs.ts';
import { BATCH, sealBatch, writeBatches, type SealedBatch } from './import-writer.ts';

export interface CommitInput extends CheckInput {
  /** The digest of the preview the person confirmed. */
  digest: string;
}

export interface CommitOptions {
  /** Called after every batch sealed or written (the CLI prints a line every 5 %). */
  onProgress?: (progress: VaultImportProgressView) => void;
}

/** The rows with problems, in file order, at most VAULT_IMPORT_LISTED_ROWS. */
const listed = (rows: CheckedRow[]) =>
  rows
    .filter((r) => r.errors.length > 0)
    .slice(0, VAULT_IMPORT_LISTED_ROWS)
    .map((r) => ({ line: r.line, errors: r.errors }));

/** Row problems as error details: line, field and code, never a value. */
const details = (rows: CheckedRow[]): ErrorDetail[] =>
  listed(rows).flatMap((r) => r.errors.map((e) => ({ row: r.line, path: e.field, code: e.code })));

const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Bulk import of records into a file of the vault (issue 6): a dry run that shows every problem of
 * every row, then an import of all rows in one transaction or of none (A26: each value checked as
 * the form checks it; duplicates refused within the file and against existing records). The import
 * is checked again in full when it starts; it then seals the records as create() does (A25) while
 * its progress can be followed, and writes them, their blind indexes (and for an important file
 * their changes awaiting a check) in one transaction with one audit event.
 */
export function createVaultImport(deps: VaultDeps, gate: AccessGate, indexer: Indexer, reader: RecordReader) {
  const { database, ledger, clock } = deps;
  const checker = createImportCheck(deps, gate, indexer, reader);
  const runs = createImportRuns(clock);

  /** The dry run: nothing is written; what the check read of existing records is logged (A22-1). */
  async function preview(ctx: Ctx, fileId: string, input: CheckInput): Promise<VaultImportPreviewView> {
    const c = await checker.check(ctx, fileId, input);
    const { file } = c.access;
    await ledger.access(ctx, {
      type: 'vault.import_previewed',
      unitId: file.row.unit_id,
      sectionId: file.row.section_id,
      purpose: c.access.purpose.label,
      subjectType: 'vault_file',
      subjectId: fileId,
      records: c.duplicates,
      fields: file.row.key_field ? [file.row.key_field] : [],
      outcome: 'ok',
      data: { purposeCode: c.access.purpose.code, rows: c.total, invalid: c.invalid, digest: c.digest },
    });
    return {
      fileId,
      format: c.format,
      headings: c.headings,
      fields: c.fields,
      mapping: c.mapping,
      mappingProblems: c.mappingProblems,
      keyField: file.row.key_field,
      important: file.row.important === 1,
      total: c.total,
      valid: c.rows.length - c.invalid,
      invalid: c.invalid,
      rows: listed(c.rows),
      digest: c.digest,
    };
  }

  /** A refused import: one audit entry with counts and codes (and ids of existing duplicates). */
  async function refuse(
    ctx: Ctx,
    c: CheckedImport,
    code: 'vault.import_mapping_invalid' | 'vault.import_rows_invalid',
  ) {
    const codes: Record<string, number> = {};
    for (const r of c.rows) for (const e of r.errors) codes[e.code] = (codes[e.code] ?? 0) + 1;
    for (const p of c.mappingProblems) codes[p.code] = (codes[p.code] ?? 0) + 1;
    const { file } = c.access;
    await ledger.audit(database.db, ctx, {
      type: 'vault.import_refused',
      subjectType: 'vault_file',
      subjectId: file.row.file_id,
      unitId: file.row.unit_id,
      sectionId: file.row.section_id,
      outcome: 'denied',
      data: {
        code,
        purposeCode: c.access.purpose.code,
        digest: c.digest,
        rows: c.total,
        invalid: c.invalid,
        codes,
        duplicates: c.duplicates,
      },
    });
    return code === 'vault.import_mapping_invalid'
      ? new AppError(code, {
          details: c.mappingProblems.map((p) => ({ path: p.field, code: p.code })),
        })
      : new AppError(code, { details: details(c.rows) });
  }

  /**
   * Starts the import of the file previewed (same digest): checks everything again and refuses
   * (422, nothing written, the refusal audited) when any row or the mapping is wrong; otherwise
   * returns the import's id at once and `done`, which resolves (never rejects) when it has finished.
   */
  async function commit(
    ctx: Ctx,
    fileId: string,
    input: CommitInput,
    opts: CommitOptions = {},
  ): Promise<{ importId: string; done: Promise<VaultImportProgressView> }> {
    const checkedAt = clock.now().toISOString();
    const c = await checker.check(ctx, fileId, input);
    if (c.digest !== input.digest) throw new AppError('vault.import_stale');
    if (c.mappingProblems.length > 0) throw await refuse(ctx, c, 'vault.import_mapping_invalid');
    if (c.invalid > 0) throw await refuse(ctx, c, 'vault.import_rows_invalid');
    const run = runs.start({
      importId: newId(),
      fileId,
      startedBy: actorPersonId(ctx),
      total: c.rows.length,
      pending: c.access.file.row.important === 1,
      startedAt: checkedAt,
    });
    if (!run) throw new AppError('vault.import_running');
    const report = () => {
      try {
        opts.onProgress?.(runView(run));
      } catch {
        // Whoever watches the progress cannot stop or break the import.
      }
    };
    const done = execute(ctx, c, run, checkedAt, report).then(
      () => runs.finish(run, null),
      (e: unknown) => failed(ctx, c, run, e),
    );
    return { importId: run.importId, done: done.then(() => (report(), runView(run))) };
  }

  /** Seals every record (yielding between batches), then writes all of them in one transaction. */
  async function execute(ctx: Ctx, c: CheckedImport, run: ImportRun, checkedAt: string, report: () => void) {
    const { file, purpose } = c.access;
    const opts = { file, by: actorPersonId(ctx), at: clock.now().toISOString(), important: run.pending };
    const batches: SealedBatch[] = [];
    for (let i = 0; i < c.rows.length; i += BATCH) {
      batches.push(await sealBatch(deps, indexer, opts, c.rows.slice(i, i + BATCH)));
      run.sealed = Math.min(c.rows.length, i + BATCH);
      report();
      await yieldToOthers(); // the server answers other requests (and this import's progress)
    }
    await database.transaction(async (tx) => {
      // A record with one of these keys made since the check (a create, another server's import).
      const late = await checker.existingDuplicates(ctx, tx, c.access, c.rows, checkedAt);
      if (late.length > 0) throw new AppError('vault.import_rows_invalid', { details: details(c.rows) });
      await writeBatches(database, tx, batches, (share) => {
        run.written = Math.floor(run.total * share);
        report();
      });
      await importRepo.insert(tx, {
        id: run.importId,
        file_id: file.row.file_id,
        status: 'done',
        digest: c.digest,
        total: run.total,
        imported: run.total,
        problems: null,
        started_at: run.startedAt,
        started_by: run.startedBy,
        finished_at: clock.now().toISOString(),
      });
      await ledger.audit(tx, ctx, {
        type: 'vault.records_imported',
        subjectType: 'vault_file',
        subjectId: file.row.file_id,
        unitId: file.row.unit_id,
        sectionId: file.row.section_id,
        data: {
          fileId: file.row.file_id,
          importId: run.importId,
          count: run.total,
          status: run.pending ? 'pending' : 'active',
          fields: Object.keys(c.mapping).filter((k) => c.mapping[k] !== null),
          purposeCode: purpose.code,
          digest: c.digest,
        },
      });
    });
  }

  /** Everything was rolled back: the run and a vault_imports row say why (a code, never data). */
  async function failed(ctx: Ctx, c: CheckedImport, run: ImportRun, e: unknown) {
    const code = isAppError(e) ? e.code : 'server.error';
    runs.finish(run, code);
    const { file } = c.access;
    await database
      .transaction(async (tx) => {
        await importRepo.insert(tx, {
          id: run.importId,
          file_id: file.row.file_id,
          status: 'failed',
          digest: c.digest,
          total: run.total,
          imported: 0,
          problems: JSON.stringify([{ code }]),
          started_at: run.startedAt,
          started_by: run.startedBy,
          finished_at: run.finishedAt,
        });
        await ledger.audit(tx, ctx, {
          type: 'vault.import_failed',
          subjectType: 'vault_file',
          subjectId: file.row.file_id,
          unitId: file.row.unit_id,
          sectionId: file.row.section_id,
          outcome: 'error',
          data: { importId: run.importId, code, purposeCode: c.access.purpose.code },
        });
      })
      .catch(() => undefined); // the log or the database is down: the run in memory still says failed
  }

  /** The progress of an import, to the person who started it only (others: 404). */
  async function progress(ctx: Ctx, importId: string): Promise<VaultImportProgressView> {
    const by = actorPersonId(ctx);
    const run = runs.get(importId);
    if (run) {
      if (run.startedBy !== by) throw new AppError('vault.import_not_found');
      return runView(run);
    }
    const row = await importRepo.get(database.db, importId);
    if (!row || row.started_by !== by) throw new AppError('vault.import_not_found');
    const file = await vaultRepo.file(database.db, row.file_id);
    return rowView(row, row.status === 'done' && file?.important === 1);
  }

  return { preview, commit, progress };
}

export type VaultImport = ReturnType<typeof createVaultImport>;
