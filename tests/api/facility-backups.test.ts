/**
 * Backups over HTTP (issue 11; A27 「バックアップを作成し、分散保管する」): the システム管理者 (工藤)
 * makes a backup now; it runs in the background (202) and is recorded with its file, size, SHA-256
 * and each destination's outcome; one runs at a time; without destinations nothing is written
 * (409) and the organisation shows the gap backup_overdue; a destination that fails is recorded and
 * told to the システム管理者; the 総括管理者 and 監査責任者 read, staff are refused; the gaps appear when
 * backups or restore tests are overdue and disappear when done. SQLite and PostgreSQL. Every person
 * is fictional.
 */
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BackupRunView, BackupsOverview, RestoreTestView } from '../../shared/api/facility-backups.ts';
import type { GapReportView } from '../../shared/api/organisation.ts';
import type { Clock } from '../../server/platform/clock.ts';
import { acquireLease, releaseLease } from '../../server/platform/jobs/index.ts';
import { databases, type DatabaseKind } from '../support/databases.ts';
import { bodyOf } from '../support/provision-fixture.ts';
import { facilityHarness, settled, tmp } from './facility-fixture.ts';
import { expectProblem } from './support/expect-problem.ts';
import type { HttpClient } from './support/http-client.ts';
import { MutableClock } from './support/mutable-clock.ts';

const BASE = '/api/facilities/backups';
/** The organisation with the 総括管理者 and 監査責任者, over services with `env`. */
const harness = (kind: DatabaseKind, env: NodeJS.ProcessEnv, clock?: Clock) =>
  facilityHarness(kind, { env: { MAMORI_DEMO: '0', ...env }, ...(clock ? { clock } : {}) });
type Harness = Awaited<ReturnType<typeof harness>>;

const backupNow = async (c: HttpClient) => {
  const { id } = bodyOf<{ id: string }>(await c.post(`${BASE}/runs`), 202);
  return settled<BackupRunView>(c, `${BASE}/runs/${id}`);
};
const gapsOf = async (h: Harness, kind: string) =>
  bodyOf<GapReportView>(await (await h.as('director1')).get('/api/organisation/gaps')).gaps.filter(
    (g) => g.kind === kind,
  );
const told = (h: Harness, kind: string) =>
  h.services.database.db
    .selectFrom('notifications')
    .select('person_id')
    .where('kind', '=', kind)
    .execute()
    .then((rows) => rows.map((r) => r.person_id));
const runCount = async (h: Harness) =>
  (await h.services.database.db.selectFrom('facility_backup_runs').select('id').execute()).length;
const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe.each(databases)('facilities: backups over HTTP on %s (A27)', (kind) => {
  it('a backup now is recorded with its SHA-256, and the file is at every destination', async () => {
    const [one, two] = [tmp('dest1'), tmp('dest2')];
    const h = await harness(kind, { BACKUP_DESTINATIONS: `${one},${two}` });
    const admin = await h.as('sysadmin');
    const run = await backupNow(admin);
    expect(run).toMatchObject({
      trigger: 'manual',
      status: 'succeeded',
      dialect: kind,
      error: null,
      startedBy: { id: h.o.people.sysadmin, name: '工藤 翔' },
    });
    expect(run.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(run.rows).toBeGreaterThan(0);
    expect(run.destinations.map((d) => d.ok)).toEqual([true, true]);
    for (const dir of [one, two]) {
      const file = path.join(dir, run.fileName!);
      expect(fs.statSync(file).size).toBe(run.bytes);
      expect(sha256(file)).toBe(run.sha256);
    }
    // The overview: settings without secrets (the key's fingerprint only), the run newest first.
    const chief = await h.as('director1');
    const overview = bodyOf<BackupsOverview>(await chief.get(BASE));
    expect(overview.settings.destinations.map((d) => d.location)).toEqual([one, two]);
    expect(overview.settings.keyFingerprint).toMatch(/^[0-9a-f]{16}$/);
    const key = fs.readFileSync(path.join(h.services.config.dataDir, 'keys', 'backup.key'), 'utf8').trim();
    expect(JSON.stringify(overview)).not.toContain(key);
    expect(overview.runs.rows.map((r) => r.id)).toEqual([run.id]);
    expect(overview.lastSuccessfulRunAt).not.toBeNull();
    const audits = await h.services.ledger.list(h.services.database.db, { type: 'facilities.backup_made' });
    expect(audits).toHaveLength(1);
    expect(JSON.stringify(audits[0])).not.toContain(key);
    expect(await told(h, 'backup.failed')).toEqual([]);
  });

  it('one backup at a time: a second while one runs is refused (409 facilities.backup_running)', async () => {
    const h = await harness(kind, { BACKUP_DESTINATIONS: tmp('dest') });
    // Two sessions of the システム管理者 (two browser tabs) press the button at the same moment.
    const [admin, again] = [await h.as('sysadmin'), await h.as('sysadmin')];
    const answers = await Promise.all([admin.post(`${BASE}/runs`), again.post(`${BASE}/runs`)]);
    const codes = answers.map((r) => r.statusCode).sort();
    expect(codes).toEqual([202, 409]);
    expectProblem(
      answers.find((r) => r.statusCode === 409)!,
      409,
      'facilities.backup_running',
    );
    const { id } = answers.find((r) => r.statusCode === 202)!.json<{ id: string }>();
    expect((await settled<BackupRunView>(admin, `${BASE}/runs/${id}`)).status).toBe('succeeded');
    expect(await runCount(h)).toBe(1);
    // Once it has ended, the next one may start.
    expect((await backupNow(admin)).status).toBe('succeeded');
    // A backup by the command line on the same database (another process) holds the lease: refused.
    const other = { name: 'facilities-backup-run', holder: 'cli-elsewhere', now: h.services.clock.now() };
    expect(await acquireLease(h.services.database.db, { ...other, ttlMs: 60_000 })).toBe(true);
    expectProblem(await admin.post(`${BASE}/runs`), 409, 'facilities.backup_running');
    await releaseLease(h.services.database.db, { ...other, until: h.services.clock.now() });
    expect((await backupNow(admin)).status).toBe('succeeded');
  });

  it('without destinations nothing is written (409) and 機構全体 shows backup_overdue on the システム管理者', async () => {
    const h = await harness(kind, {});
    const admin = await h.as('sysadmin');
    expectProblem(await admin.post(`${BASE}/runs`), 409, 'facilities.backup_not_configured');
    expect(await runCount(h)).toBe(0);
    expect(bodyOf<BackupsOverview>(await admin.get(BASE)).settings.destinations).toEqual([]);
    expect(await gapsOf(h, 'backup_overdue')).toEqual([
      expect.objectContaining({
        role: 'system_administrator',
        scopeKind: 'organisation',
        unitId: null,
        article: 'A27',
        path: '/facilities/backups',
      }),
    ]);
    // Nothing to test yet: restore tests are not overdue before a first backup.
    expect(await gapsOf(h, 'restore_test_overdue')).toEqual([]);
  });

  it('a destination that fails: partly_failed, its code recorded, the システム管理者 told', async () => {
    const good = tmp('dest');
    const bad = path.join(tmp('gone'), 'no', 'such', 'folder');
    const h = await harness(kind, { BACKUP_DESTINATIONS: `${good},${bad}` });
    const run = await backupNow(await h.as('sysadmin'));
    expect(run.status).toBe('partly_failed');
    expect(run.destinations).toEqual([
      { location: path.join(good, run.fileName!), ok: true, error: null },
      expect.objectContaining({ ok: false, error: expect.stringMatching(/^backup\./) as unknown }),
    ]);
    expect(await told(h, 'backup.failed')).toEqual([h.o.people.sysadmin]);
    // A27 wants more than one place: a partly failed backup does not clear the gap.
    expect(await gapsOf(h, 'backup_overdue')).toHaveLength(1);
  });

  it('reading: the 総括管理者 and 監査責任者 read; staff and the 総括保護管理者 are refused; only the システム管理者 starts', async () => {
    const h = await harness(kind, { BACKUP_DESTINATIONS: tmp('dest') });
    const run = await backupNow(await h.as('sysadmin'));
    for (const p of ['director1', 'auditor'] as const) {
      const c = await h.as(p);
      expect(bodyOf<BackupsOverview>(await c.get(BASE)).runs.total).toBe(1);
      expect(bodyOf<BackupRunView>(await c.get(`${BASE}/runs/${run.id}`)).id).toBe(run.id);
      expectProblem(await c.post(`${BASE}/runs`), 403, 'auth.forbidden');
      expectProblem(await c.post(`${BASE}/restore-tests`), 403, 'auth.forbidden');
    }
    for (const p of ['tokyoKyomuStaff1', 'tokyoPrincipal', 'tokyoKyomuHead'] as const) {
      const c = await h.as(p);
      expectProblem(await c.get(BASE), 403, 'auth.forbidden');
      expectProblem(await c.get(`${BASE}/runs/${run.id}`), 403, 'auth.forbidden');
    }
    const admin = await h.as('sysadmin');
    expectProblem(await admin.get(`${BASE}/runs/${randomUUID()}`), 404, 'facilities.backup_not_found');
    expectProblem(
      await admin.get(`${BASE}/restore-tests/${randomUUID()}`),
      404,
      'facilities.restore_test_not_found',
    );
  });

  it('gaps: backup_overdue after BACKUP_MAX_AGE_HOURS, restore_test_overdue after the days allowed; both clear when done', async () => {
    const clock = new MutableClock();
    const h = await harness(kind, { BACKUP_DESTINATIONS: tmp('dest'), BACKUP_MAX_AGE_HOURS: '48' }, clock);
    expect(await gapsOf(h, 'backup_overdue')).toHaveLength(1);
    await backupNow(await h.as('sysadmin'));
    expect(await gapsOf(h, 'backup_overdue')).toEqual([]);
    clock.advanceMinutes(47 * 60);
    expect(await gapsOf(h, 'backup_overdue')).toEqual([]);
    clock.advanceMinutes(2 * 60);
    expect(await gapsOf(h, 'backup_overdue')).toEqual([
      expect.objectContaining({ label: '2026-11-30T00:30:00.000Z' }),
    ]);
    expect(await gapsOf(h, 'restore_test_overdue')).toEqual([]);
    clock.advanceMinutes(34 * 24 * 60);
    expect(await gapsOf(h, 'restore_test_overdue')).toEqual([
      expect.objectContaining({ role: 'system_administrator', unitId: null, article: 'A27' }),
    ]);
    const admin = await h.as('sysadmin');
    await backupNow(admin);
    const { id } = bodyOf<{ id: string }>(await admin.post(`${BASE}/restore-tests`), 202);
    const test = await settled<RestoreTestView>(admin, `${BASE}/restore-tests/${id}`);
    if (kind === 'postgres') {
      // No scratch database configured: recorded, not a success; the gap stays.
      expect(test.status).toBe('not_configured');
      expect(await gapsOf(h, 'restore_test_overdue')).toHaveLength(1);
    } else {
      expect(test, JSON.stringify(test)).toMatchObject({ status: 'succeeded' });
      expect(await gapsOf(h, 'restore_test_overdue')).toEqual([]);
    }
    expect(await gapsOf(h, 'backup_overdue')).toEqual([]);
  });

  it('the schedule (Tokyo time): a backup and a restore test as the system, only with destinations', async () => {
    const none = await harness(kind, {});
    expect(none.services.facilities.backups.jobs).toEqual([]);
    const h = await harness(kind, {
      BACKUP_DESTINATIONS: tmp('dest'),
      BACKUP_SCHEDULE: '0 3 * * *',
      BACKUP_RESTORE_TEST_SCHEDULE: '30 4 * * 6',
    });
    const jobs = h.services.facilities.backups.jobs;
    expect(jobs.map((j) => [j.name, j.pattern, j.timezone])).toEqual([
      ['facilities-backup', '0 3 * * *', 'Asia/Tokyo'],
      ['facilities-restore-test', '30 4 * * 6', 'Asia/Tokyo'],
    ]);
    const admin = await h.as('sysadmin');
    // The restore test waits for a first backup: nothing is recorded before one.
    await jobs[1]!.run();
    expect(bodyOf<BackupsOverview>(await admin.get(BASE)).restoreTests.total).toBe(0);
    await jobs[0]!.run();
    const overview = bodyOf<BackupsOverview>(await admin.get(BASE));
    expect(overview.runs.rows).toEqual([
      expect.objectContaining({ trigger: 'schedule', status: 'succeeded', startedBy: null }),
    ]);
    await jobs[1]!.run();
    const tests = bodyOf<BackupsOverview>(await admin.get(BASE)).restoreTests.rows;
    expect(tests).toEqual([
      expect.objectContaining({
        trigger: 'schedule',
        status: kind === 'sqlite' ? 'succeeded' : 'not_configured',
        runId: overview.runs.rows[0]!.id,
      }),
    ]);
  });
});
