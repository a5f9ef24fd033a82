import type {
  BackupDestinationResultView,
  BackupPersonRef,
  BackupRunView,
  RestoreTestView,
} from '../../../../shared/api/facility-backups.ts';
import type { RunRow, TestRow } from './backups.repo.ts';

/** A person's name for a view (the 'who' of a run), or null for the schedule. */
export type NameOf = (personId: string) => Promise<string>;

const json = <T>(text: string | null, fallback: T): T => {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
};
const num = (v: number | string | null): number | null => (v === null ? null : Number(v));

async function who(id: string | null, nameOf: NameOf): Promise<BackupPersonRef | null> {
  return id ? { id, name: await nameOf(id), employeeNumber: null } : null;
}

/** A run as the page shows it (A27): locations, sizes, codes and numbers; never a secret. */
export async function presentRun(row: RunRow, nameOf: NameOf): Promise<BackupRunView> {
  const counts = json<Record<string, number> | null>(row.counts, null);
  return {
    id: row.id,
    trigger: row.trigger as BackupRunView['trigger'],
    status: row.status as BackupRunView['status'],
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    startedBy: await who(row.started_by, nameOf),
    fileName: row.file_name,
    bytes: num(row.bytes),
    sha256: row.sha256,
    dialect: row.dialect as BackupRunView['dialect'],
    destinations: json<BackupDestinationResultView[]>(row.destinations, []),
    pruned: json<string[]>(row.pruned, []),
    tables: counts ? Object.keys(counts).length : null,
    rows: counts ? Object.values(counts).reduce((a, b) => a + Number(b), 0) : null,
    checkpoint: row.checkpoint === 1,
    error: row.error,
    durationMs: row.duration_ms,
  };
}

const flag = (v: number | null): boolean | null => (v === null ? null : v === 1);

export async function presentTest(row: TestRow, nameOf: NameOf): Promise<RestoreTestView> {
  return {
    id: row.id,
    trigger: row.trigger as RestoreTestView['trigger'],
    status: row.status as RestoreTestView['status'],
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    startedBy: await who(row.started_by, nameOf),
    runId: row.run_id,
    fileName: row.file_name,
    source: row.source,
    dialect: row.dialect as RestoreTestView['dialect'],
    countsMatch: flag(row.counts_match),
    logVerified: flag(row.log_verified),
    problems: json<string[]>(row.problems, []),
    durationMs: row.duration_ms,
  };
}
