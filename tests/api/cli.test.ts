/**
 * The `mamori` command as an operator runs it: a real process on a fresh SQLite folder. It calls the
 * same services as the HTTP API, so the same rules and messages apply (A3–A9).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/platform/db/index.ts';

const run = promisify(execFile);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-cli-'));
const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' };
delete (env as Record<string, string | undefined>).DATABASE_URL;

async function mamori(
  args: string[],
  input?: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = run(process.execPath, ['bin/mamori.mjs', ...args], { env, timeout: 120_000 });
  if (input !== undefined) {
    child.child.stdin?.end(input);
  } else child.child.stdin?.end();
  try {
    const { stdout, stderr } = await child;
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const adminArgs = [
  'admin',
  'create',
  '--employee-number',
  'A0001',
  '--family-name',
  '管理',
  '--given-name',
  '一子',
  '--family-name-kana',
  'カンリ',
  '--given-name-kana',
  'カズコ',
  '--email',
  'admin@example.jp',
  '--password-stdin',
];

describe('the mamori command', { timeout: 120_000 }, () => {
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('lists its commands', async () => {
    const { code, stdout } = await mamori(['--help']);
    expect(code).toBe(0);
    for (const command of ['migrate', 'demo', 'admin']) expect(stdout).toContain(command);
  });

  it('migrates an empty folder, then has nothing left to do', async () => {
    expect((await mamori(['migrate'])).stdout).toContain('0001-foundation');
    expect((await mamori(['migrate'])).stdout).toContain('already up to date');
  });

  it('creates an administrator as an identified actor, and refuses a weak password or a taken number with a clear message', async () => {
    const weak = await mamori(adminArgs, 'short');
    expect(weak.code).toBe(2);
    expect(weak.stderr).toContain('[password.rejected]');

    const created = await mamori(adminArgs, 'a-long-enough-password\n');
    expect(created.code).toBe(0);

    const again = await mamori(adminArgs, 'a-long-enough-password\n');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('この職員番号は既に登録されています。');

    const database = openDatabase(`sqlite:${path.join(dataDir, 'mamori.sqlite')}`);
    try {
      const appointment = await database.db
        .selectFrom('appointments')
        .selectAll()
        .where('role', '=', 'system_administrator')
        .executeTakeFirstOrThrow();
      expect(appointment.basis).toContain('mamori admin create');
      const audit = await database.db
        .selectFrom('ledger_entries')
        .select('actor_label')
        .where('type', '=', 'organisation.appointment.created')
        .execute();
      expect(audit.map((a) => a.actor_label)).toEqual([`cli:${os.userInfo().username}`]);
      const credential = await database.db
        .selectFrom('credentials')
        .select('password_hash')
        .executeTakeFirstOrThrow();
      expect(credential.password_hash).toMatch(/^\$argon2id\$/);
    } finally {
      await database.close();
    }
  });

  it('keeps the vault’s key file apart, owner-only, and rotates it with an audit entry (A25)', async () => {
    const file = path.join(dataDir, 'keys', 'vault-kek.json');
    const status = await mamori(['keys', 'status']);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain(file);
    expect(status.stdout).toContain('current version: 1');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    const keyBefore = (JSON.parse(fs.readFileSync(file, 'utf8')) as { keys: { key: string }[] }).keys[0]!.key;

    const rotated = await mamori(['keys', 'rotate']);
    expect(rotated.code).toBe(0);
    expect(rotated.stdout).toContain('version 1 → 2');
    expect(rotated.stdout + rotated.stderr).not.toContain(keyBefore); // no key material printed
    expect((await mamori(['keys', 'status'])).stdout).toContain('versions held: 1, 2');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);

    const database = openDatabase(`sqlite:${path.join(dataDir, 'mamori.sqlite')}`);
    try {
      const audit = await database.db
        .selectFrom('ledger_entries')
        .select('actor_label')
        .where('type', '=', 'vault.kek_rotated')
        .execute();
      expect(audit.map((a) => a.actor_label)).toEqual([`cli:${os.userInfo().username}`]);
    } finally {
      await database.close();
    }

    // A key file others may read is refused, and nothing is rotated.
    fs.chmodSync(file, 0o644);
    const refused = await mamori(['keys', 'rotate']);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain(file);
    fs.chmodSync(file, 0o600);
    expect((await mamori(['keys', 'status'])).stdout).toContain('current version: 2');
  });

  it('will not load the demo over an organisation that already has data', async () => {
    const { code, stderr } = await mamori(['demo', 'load']);
    expect(code).not.toBe(0);
    expect(stderr).toContain('[demo.organisation_not_empty]');
  });
});
