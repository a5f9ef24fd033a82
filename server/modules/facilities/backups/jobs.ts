import { systemCtx } from '../../../platform/context.ts';
import { isAppError } from '../../../platform/errors.ts';
import type { Job } from '../../../platform/jobs/index.ts';
import type { FacilitiesDeps } from '../facilities.deps.ts';
import { backupsRepo } from './backups.repo.ts';

const SIX_HOURS = 6 * 60 * 60_000;

/** A second start while one runs (another server, the CLI) is not an error of the schedule. */
const busy = (e: unknown) =>
  isAppError(e) && (e.code === 'facilities.backup_running' || e.code === 'facilities.restore_test_running');

/**
 * A27 「定期に」: the scheduled backup (BACKUP_SCHEDULE) and the scheduled restore test
 * (BACKUP_RESTORE_TEST_SCHEDULE), read in Tokyo time. Only with destinations configured: without
 * them there is nothing to write or to test (the gap backup_overdue says so). The restore test waits
 * for a first successful backup.
 */
export function createBackupJobs(
  deps: FacilitiesDeps,
  part: {
    run(ctx: ReturnType<typeof systemCtx>, opts: { trigger: 'schedule' }): Promise<unknown>;
    restoreTest(ctx: ReturnType<typeof systemCtx>, opts: { trigger: 'schedule' }): Promise<unknown>;
  },
): Job[] {
  const b = deps.config.backup;
  if (b.destinations.length === 0) return [];
  return [
    {
      name: 'facilities-backup',
      pattern: b.schedule,
      timezone: 'Asia/Tokyo',
      leaseMs: SIX_HOURS,
      run: async () => {
        await part.run(systemCtx('backup-schedule'), { trigger: 'schedule' }).catch((e: unknown) => {
          if (!busy(e)) throw e;
        });
      },
    },
    {
      name: 'facilities-restore-test',
      pattern: b.restoreTestSchedule,
      timezone: 'Asia/Tokyo',
      leaseMs: SIX_HOURS,
      run: async () => {
        if (!(await backupsRepo.latestRun(deps.database.db, ['succeeded', 'partly_failed']))) return;
        await part
          .restoreTest(systemCtx('restore-test-schedule'), { trigger: 'schedule' })
          .catch((e: unknown) => {
            if (!busy(e)) throw e;
          });
      },
    },
  ];
}
