import { performance } from 'node:perf_hooks';
import type {
  BackupRunStatus,
  BackupRunView,
  BackupTrigger,
} from '../../../../shared/api/facility-backups.ts';
import {
  createBackup,
  loadBackupKey,
  parseDestination,
  type BackupProgress,
  type BackupResult,
} from '../../../platform/backup/index.ts';
import { actorPersonId, type Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { newTimeOrderedId } from '../../../platform/ids.ts';
import type { FacilitiesDeps } from '../facilities.deps.ts';
import { presentRun, type NameOf } from './backups.presenters.ts';
import { backupsRepo } from './backups.repo.ts';
import { errorCode, BACKUPS_PATH } from './common.ts';
import type { OneAtATime } from './one-at-a-time.ts';

export interface RunOptions {
  trigger: BackupTrigger;
  /** Destinations for this run only (the CLI's --to); default: config.backup.destinations. */
  destinations?: string[];
  onProgress?: (p: BackupProgress) => void;
}

/** A run begun: its id at once, and its end (the record's final state). */
export interface Begun<T> {
  id: string;
  done: Promise<T>;
}

/** succeeded: every destination written; partly_failed: some (A27 wants more than one place); failed: none. */
function statusOf(result: BackupResult | null): BackupRunStatus {
  if (!result) return 'failed';
  const ok = result.destinations.filter((d) => d.ok).length;
  if (ok === 0) return 'failed';
  return ok === result.destinations.length ? 'succeeded' : 'partly_failed';
}

/**
 * Backups (A27 「バックアップを作成し、分散保管」): one at a time, recorded before they start and
 * after they end (file, size, SHA-256, each destination's outcome, what the retention removed), with
 * an audit event (facilities.backup_made / facilities.backup_failed; codes and numbers only). A
 * failure tells the システム管理者 (backup.failed). The record written after the snapshot is not in
 * the backup itself: a restored database shows that run as interrupted (ended by the next run).
 */
export function createBackupRuns(deps: FacilitiesDeps, guard: OneAtATime, nameOf: () => NameOf) {
  const { database, clock, config } = deps;
  const db = database.db;

  async function begin(ctx: Ctx, opts: RunOptions): Promise<Begun<BackupRunView>> {
    await deps.authz.assertCan(ctx, 'run', 'FacilityBackup');
    const destinations = opts.destinations ?? config.backup.destinations;
    if (destinations.length === 0) throw new AppError('facilities.backup_not_configured');
    const id = newTimeOrderedId();
    const record = async () => {
      const startedAt = clock.now().toISOString();
      await database.transaction(async (tx) => {
        // Holding the lease, any other `running` row was left by a process that stopped.
        await backupsRepo.endAbandonedRuns(tx, id, startedAt);
        await backupsRepo.insertRun(tx, {
          id,
          trigger: opts.trigger,
          status: 'running',
          started_at: startedAt,
          started_by: actorPersonId(ctx),
          destinations: JSON.stringify([]),
          pruned: JSON.stringify([]),
          checkpoint: 0,
        });
      });
    };
    return guard.begin(id, 'facilities.backup_running', record, () => execute(ctx, id, destinations, opts));
  }

  async function execute(ctx: Ctx, id: string, destinations: string[], opts: RunOptions) {
    const t0 = performance.now();
    let result: BackupResult | null = null;
    let error: string | null = null;
    try {
      result = await createBackup({
        config,
        database,
        key: loadBackupKey(config),
        destinations: destinations.map(parseDestination),
        ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
      });
    } catch (e) {
      error = errorCode(e, 'backup.failed');
    }
    const status = statusOf(result);
    if (result && status === 'failed')
      error = result.destinations.find((d) => d.error)?.error ?? 'backup.failed';
    // Lookups before the transaction (one connection on SQLite).
    const admins = status === 'succeeded' ? [] : await deps.appointed('system_administrator', null, null);
    const finishedAt = clock.now().toISOString();
    await database.transaction(async (tx) => {
      await backupsRepo.updateRun(tx, id, {
        status,
        finished_at: finishedAt,
        file_name: result?.fileName ?? null,
        bytes: result?.bytes ?? null,
        sha256: result?.sha256 ?? null,
        dialect: result?.dialect ?? null,
        destinations: JSON.stringify(result?.destinations ?? []),
        pruned: JSON.stringify(result?.pruned ?? []),
        counts: result ? JSON.stringify(result.counts) : null,
        checkpoint: result?.checkpoint ? 1 : 0,
        error,
        duration_ms: Math.round(performance.now() - t0),
      });
      await deps.ledger.audit(tx, ctx, {
        type: status === 'failed' ? 'facilities.backup_failed' : 'facilities.backup_made',
        subjectType: 'FacilityBackup',
        subjectId: id,
        unitId: null,
        sectionId: null,
        outcome: status === 'failed' ? 'error' : 'ok',
        data: {
          trigger: opts.trigger,
          status,
          fileName: result?.fileName ?? null,
          bytes: result?.bytes ?? null,
          sha256: result?.sha256 ?? null,
          dialect: result?.dialect ?? null,
          written: result?.destinations.filter((d) => d.ok).length ?? 0,
          destinations: destinations.length,
          errors: result ? result.destinations.flatMap((d) => (d.error ? [d.error] : [])) : [],
          error,
          pruned: result?.pruned.length ?? 0,
        },
      });
      // A27: a backup that did not reach every place is a failure to act on.
      if (admins.length)
        await deps.notifications.notify(tx, admins, 'backup.failed', {
          data: { number: result?.fileName ?? finishedAt.slice(0, 16), path: BACKUPS_PATH },
        });
    });
    if (admins.length) deps.notifications.flushSoon();
    const row = await backupsRepo.getRun(db, id);
    return presentRun(row!, nameOf());
  }

  return {
    begin,
    /** Makes a backup and waits for it (the CLI, the schedule, the demo load). */
    run: async (ctx: Ctx, opts: RunOptions): Promise<BackupRunView> => (await begin(ctx, opts)).done,
  };
}
