import type { BackupTrigger } from '../../../../shared/api/facility-backups.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Job } from '../../../platform/jobs/index.ts';
import type { FacilitiesDeps } from '../facilities.deps.ts';
import type { NameOf } from './backups.presenters.ts';
import { createBackupGaps } from './gaps.ts';
import { createBackupJobs } from './jobs.ts';
import { oneAtATime } from './one-at-a-time.ts';
import { createBackupsReading } from './overview.ts';
import { createRestoreTests } from './restore-test.ts';
import { createBackupRuns } from './run.ts';

export { backupsPolicy } from './backups.policy.ts';
export { backupsRoutes } from './backups.routes.ts';
export type { RunOptions } from './run.ts';

/**
 * Facilities — backups (issue 11; A27 「保有個人情報の重要度に応じて、バックアップを作成し、分散保管する」):
 * backups recorded with their checksums and destinations, restore tests, the schedule of both,
 * and the gaps when either is overdue. The engine is server/platform/backup (its contract:
 * types.ts); the CLI (`npx mamori backup`) calls `run` with trigger 'cli'.
 */
export function createBackups(deps: FacilitiesDeps) {
  const guards = {
    run: oneAtATime(deps, 'facilities-backup-run'),
    test: oneAtATime(deps, 'facilities-restore-test-run'),
  };
  /** Names of the people who started runs, cached per view. */
  const nameOf = (): NameOf => {
    const cache = new Map<string, Promise<string>>();
    return (id) => {
      let n = cache.get(id);
      if (!n) cache.set(id, (n = deps.person(id).then((p) => p?.name ?? '')));
      return n;
    };
  };
  const runs = createBackupRuns(deps, guards.run, nameOf);
  const tests = createRestoreTests(deps, guards.test, nameOf);
  const reading = createBackupsReading(deps, guards, nameOf);
  /** Work begun by a request goes on after the answer; what it records says how it ended. */
  const background = (done: Promise<unknown>) => void done.catch(() => undefined);

  const part = {
    /** Makes a backup now and waits for its end (CLI 'cli', schedule, demo load). */
    run: runs.run,
    /** Restores the newest successful backup into a scratch place and records the result. */
    restoreTest: tests.restoreTest,
    /** POST /runs: the システム管理者 starts a backup; its id at once (202), the rest in the background. */
    async startRun(ctx: Ctx, trigger: BackupTrigger = 'manual'): Promise<string> {
      const begun = await runs.begin(ctx, { trigger });
      background(begun.done);
      return begun.id;
    },
    async startRestoreTest(ctx: Ctx, trigger: BackupTrigger = 'manual'): Promise<string> {
      const begun = await tests.begin(ctx, { trigger });
      background(begun.done);
      return begun.id;
    },
    overview: reading.overview,
    getRun: reading.getRun,
    getRestoreTest: reading.getRestoreTest,
    settings: reading.settings,
    gaps: createBackupGaps(deps),
  };
  const jobs: Job[] = createBackupJobs(deps, part);
  return { ...part, jobs };
}

export type BackupsPart = ReturnType<typeof createBackups>;
