import type { GapView } from '../../../../shared/api/organisation.ts';
import { gapAt } from '../../organisation/index.ts';
import type { FacilitiesDeps } from '../facilities.deps.ts';
import { backupsRepo } from './backups.repo.ts';
import { BACKUPS_PATH } from './common.ts';

const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;

/**
 * A27 gaps, organisation-wide, on the システム管理者 (who keeps the installation):
 * - backup_overdue: no destination is configured, or the newest successful backup (every
 *   destination written) is older than BACKUP_MAX_AGE_HOURS, or there is none yet. The label is the
 *   newest successful backup's time, when there is one.
 * - restore_test_overdue: no successful restore test within BACKUP_RESTORE_TEST_MAX_DAYS. Counted
 *   from the first successful backup: before there is a backup to test, backup_overdue says it all
 *   (a fresh installation that made its first backup is not at once behind on restore tests).
 */
export function createBackupGaps(deps: FacilitiesDeps) {
  const { database, clock, config } = deps;
  return async (): Promise<GapView[]> => {
    const db = database.db;
    const now = clock.now().getTime();
    const b = config.backup;
    const last = await backupsRepo.latestRun(db, ['succeeded']);
    const lastAt = last ? Date.parse(last.finished_at ?? last.started_at) : null;
    const found: GapView[] = [];
    const names = await deps.names();
    const gap = (kind: 'backup_overdue' | 'restore_test_overdue', label: string | undefined) =>
      gapAt(names, {
        kind,
        role: 'system_administrator',
        scope: 'organisation',
        unitId: null,
        sectionId: null,
        article: 'A27',
        path: BACKUPS_PATH,
        ...(label ? { label } : {}),
      });
    if (b.destinations.length === 0 || lastAt === null || now - lastAt > b.maxAgeHours * HOUR)
      found.push(gap('backup_overdue', last?.started_at));
    const first = await backupsRepo.firstSucceeded(db);
    if (first) {
      const tested = await backupsRepo.latestTest(db, ['succeeded']);
      const since = Date.parse(tested?.started_at ?? first.started_at);
      if (now - since > b.restoreTestMaxDays * DAY)
        found.push(gap('restore_test_overdue', tested?.started_at));
    }
    return found;
  };
}
