import { createHash } from 'node:crypto';
import fs from 'node:fs';
import {
  backupsListQuery,
  type BackupRunView,
  type BackupsListQuery,
  type BackupsOverview,
  type BackupSettingsView,
  type RestoreTestView,
} from '../../../../shared/api/facility-backups.ts';
import { parseDestination, readBackupKey } from '../../../platform/backup/index.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import type { FacilitiesDeps } from '../facilities.deps.ts';
import { presentRun, presentTest, type NameOf } from './backups.presenters.ts';
import { backupsRepo } from './backups.repo.ts';
import type { OneAtATime } from './one-at-a-time.ts';

/** SHA-256 of the backup key, first 16 hex — enough to tell keys apart, nothing to restore with. */
function fingerprint(keyFile: string): string | null {
  try {
    if (!fs.existsSync(keyFile)) return null;
    return createHash('sha256').update(readBackupKey(keyFile)).digest('hex').slice(0, 16);
  } catch {
    return null;
  }
}

/**
 * What the page of backups shows (A27): the settings without secrets (locations, schedule,
 * retention, restore tests; the key's fingerprint, never the key), the runs and the restore tests,
 * newest first. The システム管理者, 総括管理者 and 監査責任者 read it.
 */
export function createBackupsReading(
  deps: FacilitiesDeps,
  guards: { run: OneAtATime; test: OneAtATime },
  nameOf: () => NameOf,
) {
  const { database, config, authz } = deps;
  const db = database.db;

  function settings(): BackupSettingsView {
    const b = config.backup;
    return {
      destinations: b.destinations.map((location) => ({ location, kind: parseDestination(location).kind })),
      destinationsAreDemo: b.destinationsAreDemo,
      schedule: b.schedule,
      keepDays: b.keepDays,
      keepMin: b.keepMin,
      maxAgeHours: b.maxAgeHours,
      restoreTestSchedule: b.restoreTestSchedule,
      restoreTestMaxDays: b.restoreTestMaxDays,
      restoreTestDatabaseSet: Boolean(b.restoreTestDatabaseUrl),
      dialect: database.dialect,
      keyFingerprint: fingerprint(b.keyFile),
    };
  }

  async function overview(ctx: Ctx, query: BackupsListQuery = {}): Promise<BackupsOverview> {
    await authz.assertCan(ctx, 'read', 'FacilityBackup');
    const q = backupsListQuery.parse(query);
    const names = nameOf();
    const [runs, runTotal, tests, testTotal, lastRun, lastTest, runId, restoreTestId] = await Promise.all([
      backupsRepo.listRuns(db, q.pageSize, (q.runsPage - 1) * q.pageSize),
      backupsRepo.countRuns(db),
      backupsRepo.listTests(db, q.pageSize, (q.testsPage - 1) * q.pageSize),
      backupsRepo.countTests(db),
      backupsRepo.latestRun(db, ['succeeded']),
      backupsRepo.latestTest(db, ['succeeded']),
      guards.run.holder(),
      guards.test.holder(),
    ]);
    return {
      settings: settings(),
      lastSuccessfulRunAt: lastRun ? (lastRun.finished_at ?? lastRun.started_at) : null,
      lastSuccessfulRestoreTestAt: lastTest ? (lastTest.finished_at ?? lastTest.started_at) : null,
      running: { runId, restoreTestId },
      runs: {
        rows: await Promise.all(runs.map((r) => presentRun(r, names))),
        total: runTotal,
        page: q.runsPage,
        pageSize: q.pageSize,
      },
      restoreTests: {
        rows: await Promise.all(tests.map((t) => presentTest(t, names))),
        total: testTotal,
        page: q.testsPage,
        pageSize: q.pageSize,
      },
    };
  }

  async function getRun(ctx: Ctx, id: string): Promise<BackupRunView> {
    await authz.assertCan(ctx, 'read', 'FacilityBackup');
    const row = await backupsRepo.getRun(db, id);
    if (!row) throw new AppError('facilities.backup_not_found');
    return presentRun(row, nameOf());
  }

  async function getRestoreTest(ctx: Ctx, id: string): Promise<RestoreTestView> {
    await authz.assertCan(ctx, 'read', 'FacilityBackup');
    const row = await backupsRepo.getTest(db, id);
    if (!row) throw new AppError('facilities.restore_test_not_found');
    return presentTest(row, nameOf());
  }

  return { overview, getRun, getRestoreTest, settings };
}
