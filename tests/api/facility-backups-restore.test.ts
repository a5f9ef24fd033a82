/**
 * Restore tests over HTTP (issue 11; A27: a backup is only as good as its restore). The システム管理者
 * (工藤) runs a restore test now: the newest successful backup is read from the first place that
 * still has it, checked against its recorded SHA-256, restored into a temporary folder (SQLite) or
 * the scratch PostgreSQL database (emptied before and after), and its counts and log compared. A
 * corrupted file is recorded as a failure and told to the システム管理者; the live database is never
 * taken for the scratch one. SQLite and PostgreSQL. Every person is fictional.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, inject, it, onTestFinished } from 'vitest';
import type { BackupRunView, BackupsOverview, RestoreTestView } from '../../shared/api/facility-backups.ts';
import { databases, type DatabaseKind } from '../support/databases.ts';
import { buildOrg } from '../support/org-fixture.ts';
import { bodyOf } from '../support/provision-fixture.ts';
import { settled, tmp } from './facility-fixture.ts';
import { apiHarness, sessionClient } from './support/http-client.ts';

const BASE = '/api/facilities/backups';
/** An empty PostgreSQL database for restore tests, dropped when the test ends; its URL. */
async function scratchDatabase(): Promise<string> {
  const name = `mamori_scratch_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: inject('postgresAdminUrl') });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  onTestFinished(async () => {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });
  const url = new URL(inject('postgresAdminUrl'));
  url.pathname = `/${name}`;
  return url.toString();
}

async function harness(kind: DatabaseKind, env: NodeJS.ProcessEnv) {
  const api = await apiHarness(kind, { org: false, env: { MAMORI_DEMO: '0', ...env } });
  const o = await buildOrg(api.services);
  const admin = await sessionClient(api.app, api.services, o.people.sysadmin);
  return { ...api, o, admin };
}
type Harness = Awaited<ReturnType<typeof harness>>;

async function backupNow(h: Harness) {
  const { id } = bodyOf<{ id: string }>(await h.admin.post(`${BASE}/runs`), 202);
  return settled<BackupRunView>(h.admin, `${BASE}/runs/${id}`);
}
async function restoreTestNow(h: Harness) {
  const { id } = bodyOf<{ id: string }>(await h.admin.post(`${BASE}/restore-tests`), 202);
  return settled<RestoreTestView>(h.admin, `${BASE}/restore-tests/${id}`);
}
const told = async (h: Harness, kind: string) =>
  (
    await h.services.database.db
      .selectFrom('notifications')
      .select('person_id')
      .where('kind', '=', kind)
      .execute()
  ).map((r) => r.person_id);
const restoreDirs = () =>
  new Set(fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith('mamori-restore-test-')));
const scratchTables = async (url: string) => {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query("select tablename from pg_tables where schemaname = 'public'")).rows.length;
  } finally {
    await c.end();
  }
};

describe.each(databases)('facilities: restore tests over HTTP on %s (A27)', (kind) => {
  it('restores the newest backup from the first place that has it; counts match, the log verifies', async () => {
    const [one, two] = [tmp('dest1'), tmp('dest2')];
    const scratch = kind === 'postgres' ? await scratchDatabase() : undefined;
    const h = await harness(kind, {
      BACKUP_DESTINATIONS: `${one},${two}`,
      ...(scratch ? { BACKUP_RESTORE_TEST_DATABASE_URL: scratch } : {}),
    });
    const run = await backupNow(h);
    expect(run.status).toBe('succeeded');
    // The first place lost its copy: the second one serves (A27: kept in more than one place).
    fs.rmSync(path.join(one, run.fileName!));
    const before = restoreDirs();
    const test = await restoreTestNow(h);
    expect(test, JSON.stringify(test)).toMatchObject({
      status: 'succeeded',
      trigger: 'manual',
      runId: run.id,
      fileName: run.fileName,
      source: path.join(two, run.fileName!),
      dialect: kind,
      countsMatch: true,
      logVerified: true,
      problems: [],
    });
    // Nothing stays behind: the temporary folder is removed, the scratch database emptied.
    expect([...restoreDirs()].filter((d) => !before.has(d))).toEqual([]);
    if (scratch) expect(await scratchTables(scratch)).toBe(0);
    const overview = bodyOf<BackupsOverview>(await h.admin.get(BASE));
    expect(overview.restoreTests.rows.map((t) => t.id)).toEqual([test.id]);
    expect(overview.lastSuccessfulRestoreTestAt).not.toBeNull();
    expect(overview.settings.restoreTestDatabaseSet).toBe(Boolean(scratch));
    expect(JSON.stringify(overview)).not.toContain(scratch ?? 'postgres://');
    const audits = await h.services.ledger.list(h.services.database.db, {
      type: 'facilities.restore_tested',
    });
    expect(audits.map((a) => a.outcome)).toEqual(['ok']);
    expect(await told(h, 'backup.restore_test_failed')).toEqual([]);
  });

  it('a corrupted backup file fails the test (its checksum), is recorded, and the システム管理者 is told', async () => {
    const dest = tmp('dest');
    const scratch = kind === 'postgres' ? await scratchDatabase() : undefined;
    const h = await harness(kind, {
      BACKUP_DESTINATIONS: dest,
      ...(scratch ? { BACKUP_RESTORE_TEST_DATABASE_URL: scratch } : {}),
    });
    const run = await backupNow(h);
    const file = path.join(dest, run.fileName!);
    const bytes = fs.readFileSync(file);
    const at = Math.floor(bytes.length / 2);
    bytes.writeUInt8(bytes.readUInt8(at) ^ 0xff, at);
    fs.writeFileSync(file, bytes);
    const test = await restoreTestNow(h);
    expect(test.status).toBe('failed');
    // The SHA-256 recorded at backup time refuses the file before it is opened.
    expect(test).toMatchObject({
      problems: ['backup.checksum_mismatch'],
      countsMatch: null,
      logVerified: null,
    });
    expect(await told(h, 'backup.restore_test_failed')).toEqual([h.o.people.sysadmin]);
    const audits = await h.services.ledger.list(h.services.database.db, {
      type: 'facilities.restore_tested',
    });
    expect(audits.map((a) => a.outcome)).toEqual(['error']);
    // A failed test is not a tested backup: no successful restore test is recorded.
    expect(bodyOf<BackupsOverview>(await h.admin.get(BASE)).lastSuccessfulRestoreTestAt).toBeNull();
  });

  it('a restore test with no backup recorded says so (no_backup), and is not a failure', async () => {
    const h = await harness(kind, { BACKUP_DESTINATIONS: tmp('dest') });
    const test = await restoreTestNow(h);
    expect(test).toMatchObject({ status: 'no_backup', runId: null, problems: [] });
    expect(await told(h, 'backup.restore_test_failed')).toEqual([]);
  });
});

// A scratch database is a PostgreSQL matter (a SQLite restore test always uses a fresh folder).
describe('facilities: restore tests on postgres never touch the live database (A27)', () => {
  it('never restores into the live database, even when told to', async () => {
    const h = await harness('postgres', { BACKUP_DESTINATIONS: tmp('dest') });
    await backupNow(h);
    const live = await h.services.database.db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const name = (
      await h.services.database.db
        .selectNoFrom((eb) => eb.fn<string>('current_database', []).as('db'))
        .executeTakeFirstOrThrow()
    ).db;
    const url = new URL(inject('postgresAdminUrl'));
    url.pathname = `/${name}`;
    h.services.config.backup.restoreTestDatabaseUrl = url.toString();
    const test = await restoreTestNow(h);
    expect(test).toMatchObject({ status: 'failed', problems: ['backup.scratch_is_live'] });
    const after = await h.services.database.db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(live.n));
  });
});
