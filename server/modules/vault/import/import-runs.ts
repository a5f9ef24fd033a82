import type { VaultImportProgressView, VaultImportStatus } from '../../../../shared/api/vault-import.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { ImportRow } from './import.repo.ts';

/** An import in this process: how far it is, for the progress bar and the CLI. */
export interface ImportRun {
  importId: string;
  fileId: string;
  /** Who started it (null for the system actor): only they see its progress. */
  startedBy: string | null;
  total: number;
  sealed: number;
  written: number;
  status: VaultImportStatus;
  pending: boolean;
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
}

/**
 * Sealing costs most of an import (data key, its wrap, one AES-GCM seal per group, the blind
 * indexes); writing the sealed rows the rest. Progress weighs the two steps so that the bar moves
 * about evenly (measured with bench-sized files on SQLite).
 */
const SEALING_SHARE = 0.65;

/** How long a finished run stays in memory (afterwards its vault_imports row answers). */
const KEEP_MS = 15 * 60 * 1000;

/**
 * The imports running (or just finished) in this process. Progress lives in memory: it changes a
 * hundred times a second and means nothing once the import is over, when the vault_imports row
 * (written in the import's transaction, or after its failure) takes over.
 */
export function createImportRuns(clock: Clock) {
  const runs = new Map<string, ImportRun>();
  /** Files with an import running here: a second one would race the first's duplicate check. */
  const busy = new Set<string>();

  function prune() {
    const now = clock.now().getTime();
    for (const [id, r] of runs) if (r.finishedAt && now - Date.parse(r.finishedAt) > KEEP_MS) runs.delete(id);
  }

  return {
    /** A new run, or null when the file already has one running here. */
    start(run: Omit<ImportRun, 'sealed' | 'written' | 'status' | 'error' | 'finishedAt'>): ImportRun | null {
      prune();
      if (busy.has(run.fileId)) return null;
      busy.add(run.fileId);
      const r: ImportRun = {
        ...run,
        sealed: 0,
        written: 0,
        status: 'running',
        error: null,
        finishedAt: null,
      };
      runs.set(r.importId, r);
      return r;
    },
    finish(r: ImportRun, error: string | null) {
      r.status = error ? 'failed' : 'done';
      r.error = error;
      r.finishedAt = clock.now().toISOString();
      busy.delete(r.fileId);
    },
    get: (importId: string) => runs.get(importId),
  };
}

export type ImportRuns = ReturnType<typeof createImportRuns>;

/** A run's progress as the API shows it. */
export function runView(r: ImportRun): VaultImportProgressView {
  const done =
    r.status === 'done'
      ? r.total
      : Math.min(r.total, Math.floor(r.sealed * SEALING_SHARE + r.written * (1 - SEALING_SHARE)));
  return {
    importId: r.importId,
    fileId: r.fileId,
    status: r.status,
    total: r.total,
    done,
    imported: r.status === 'done' ? r.total : 0,
    pending: r.pending,
    error: r.error,
    startedAt: r.startedAt,
    finishedAt: r.finishedAt,
  };
}

/** A finished import as its vault_imports row records it. */
export function rowView(row: ImportRow, pending: boolean): VaultImportProgressView {
  const problems = row.problems ? (JSON.parse(row.problems) as { code?: string }[]) : [];
  return {
    importId: row.id,
    fileId: row.file_id,
    status: row.status as VaultImportStatus,
    total: row.total,
    done: row.status === 'done' ? row.total : 0,
    imported: row.imported,
    pending,
    error: problems[0]?.code ?? null,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}
