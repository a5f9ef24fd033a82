import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type {
  BackupDestinationResultView,
  BackupTrigger,
  RestoreTestStatus,
  RestoreTestView,
} from '../../../../shared/api/facility-backups.ts';
import { readBackupKey, restoreBackup, type RestoreResult } from '../../../platform/backup/index.ts';
import { actorPersonId, type Ctx } from '../../../platform/context.ts';
import { newTimeOrderedId } from '../../../platform/ids.ts';
import type { FacilitiesDeps } from '../facilities.deps.ts';
import { presentTest, type NameOf } from './backups.presenters.ts';
import { backupsRepo, type RunRow } from './backups.repo.ts';
import { BACKUPS_PATH, errorCode } from './common.ts';
import type { OneAtATime } from './one-at-a-time.ts';
import type { Begun } from './run.ts';
import { emptyScratch, locateBackup } from './scratch.ts';

interface Outcome {
  status: RestoreTestStatus;
  source: string | null;
  result: RestoreResult | null;
  problems: string[];
}

/**
 * Restore tests (A27: a backup is only as good as its restore). The newest successful backup
 * recorded is read from the first place that still has it, checked against its recorded SHA-256,
 * restored into a fresh temporary folder (SQLite) or into the scratch PostgreSQL database
 * (BACKUP_RESTORE_TEST_DATABASE_URL, emptied before and after: no copy of the records stays behind),
 * and its counts and log compared. The result is recorded with an audit event
 * (facilities.restore_tested); a failure tells the システム管理者 (backup.restore_test_failed).
 */
export function createRestoreTests(deps: FacilitiesDeps, guard: OneAtATime, nameOf: () => NameOf) {
  const { database, clock, config } = deps;
  const db = database.db;

  async function begin(ctx: Ctx, opts: { trigger: BackupTrigger }): Promise<Begun<RestoreTestView>> {
    await deps.authz.assertCan(ctx, 'restore_test', 'FacilityBackup');
    const id = newTimeOrderedId();
    const record = async () => {
      const run = await backupsRepo.latestRun(db, ['succeeded', 'partly_failed']);
      const startedAt = clock.now().toISOString();
      await database.transaction(async (tx) => {
        await backupsRepo.endAbandonedTests(tx, id, startedAt);
        await backupsRepo.insertTest(tx, {
          id,
          trigger: opts.trigger,
          status: 'running',
          started_at: startedAt,
          started_by: actorPersonId(ctx),
          run_id: run?.id ?? null,
          file_name: run?.file_name ?? null,
          dialect: run?.dialect ?? null,
          problems: JSON.stringify([]),
        });
      });
      return run;
    };
    return guard.begin(id, 'facilities.restore_test_running', record, (run) =>
      execute(ctx, id, opts.trigger, run),
    );
  }

  async function attempt(id: string, run: RunRow | undefined): Promise<Outcome> {
    const none = { source: null, result: null };
    if (!run?.file_name) return { status: 'no_backup', problems: [], ...none };
    const scratchUrl = config.backup.restoreTestDatabaseUrl;
    if (run.dialect === 'postgres' && !scratchUrl) return { status: 'not_configured', problems: [], ...none };
    const written = (JSON.parse(run.destinations) as BackupDestinationResultView[])
      .filter((d) => d.ok)
      .map((d) => d.location);
    const source = await locateBackup(config, run.file_name, written);
    if (!source) return { status: 'failed', problems: ['backup.source_unreachable'], ...none };
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-restore-test-'));
    const pgUrl = run.dialect === 'postgres' ? scratchUrl : undefined;
    try {
      const dataDir = path.join(tmp, 'data');
      fs.mkdirSync(dataDir, { mode: 0o700 });
      if (pgUrl) await emptyScratch(pgUrl, id);
      const result = await restoreBackup({
        source,
        key: readBackupKey(config.backup.keyFile),
        // The installation's secret key when it comes from the environment (the log's verification needs it).
        target: {
          dataDir,
          ...(pgUrl ? { databaseUrl: pgUrl } : {}),
          ...(config.secretKey ? { secretKey: config.secretKey } : {}),
        },
        s3: config.backup.s3,
        ...(run.sha256 ? { expectSha256: run.sha256 } : {}),
      });
      const problems = [...result.problems];
      if (!result.countsMatch && problems.length === 0) problems.push('backup.counts_differ');
      if (!result.logVerified && !problems.some((p) => p.startsWith('backup.log')))
        problems.push('backup.log_unverified');
      const ok = result.countsMatch && result.logVerified && result.problems.length === 0;
      return { status: ok ? 'succeeded' : 'failed', source, result, problems };
    } catch (e) {
      return { status: 'failed', source, result: null, problems: [errorCode(e, 'backup.restore_failed')] };
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
      if (pgUrl) await emptyScratch(pgUrl, id).catch(() => undefined);
    }
  }

  async function execute(ctx: Ctx, id: string, trigger: BackupTrigger, run: RunRow | undefined) {
    const t0 = performance.now();
    const o = await attempt(id, run);
    const failed = o.status === 'failed';
    const admins = failed ? await deps.appointed('system_administrator', null, null) : [];
    await database.transaction(async (tx) => {
      await backupsRepo.updateTest(tx, id, {
        status: o.status,
        finished_at: clock.now().toISOString(),
        source: o.source,
        counts_match: o.result ? (o.result.countsMatch ? 1 : 0) : null,
        log_verified: o.result ? (o.result.logVerified ? 1 : 0) : null,
        problems: JSON.stringify(o.problems),
        duration_ms: Math.round(performance.now() - t0),
      });
      await deps.ledger.audit(tx, ctx, {
        type: 'facilities.restore_tested',
        subjectType: 'FacilityBackup',
        subjectId: id,
        unitId: null,
        sectionId: null,
        outcome: failed ? 'error' : 'ok',
        data: {
          trigger,
          status: o.status,
          runId: run?.id ?? null,
          sha256: run?.sha256 ?? null,
          countsMatch: o.result?.countsMatch ?? null,
          logVerified: o.result?.logVerified ?? null,
          problems: o.problems.map((p) => p.split(/[\s:]/)[0]),
        },
      });
      if (admins.length)
        await deps.notifications.notify(tx, admins, 'backup.restore_test_failed', {
          data: { number: run?.file_name ?? id, path: BACKUPS_PATH },
        });
    });
    if (admins.length) deps.notifications.flushSoon();
    return presentTest((await backupsRepo.getTest(db, id))!, nameOf());
  }

  return {
    begin,
    /** Runs a restore test and waits for it (the schedule, the CLI, the demo load). */
    restoreTest: async (ctx: Ctx, opts: { trigger: BackupTrigger }): Promise<RestoreTestView> =>
      (await begin(ctx, opts)).done,
  };
}
