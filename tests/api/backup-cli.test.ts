/**
 * `npx mamori backup` and `npx mamori restore` as an operator runs them (issue 11, A27): real
 * processes on a fresh SQLite installation; the key is shown only on request, the restore verifies
 * the rows and the log, and refuses a folder that is not empty.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { tmp } from './backup-fixture.ts';

const run = promisify(execFile);
const dataDir = tmp('backup-cli');
const dest = tmp('backup-cli-dest');
const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent', MAMORI_DEMO: '0' };
for (const k of [
  'DATABASE_URL',
  'MAMORI_SECRET_KEY',
  'VAULT_KEY_FILE',
  'BACKUP_DESTINATIONS',
  'BACKUP_KEY_FILE',
])
  delete env[k];

async function mamori(args: string[], input = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = run(process.execPath, ['bin/mamori.mjs', ...args], { env, timeout: 120_000 });
  child.child.stdin?.end(input);
  try {
    const { stdout, stderr } = await child;
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('the backup and restore commands', { timeout: 180_000 }, () => {
  afterAll(() => {
    for (const d of [dataDir, dest]) fs.rmSync(d, { recursive: true, force: true });
  });

  it('backs up, shows the key only when asked, restores into an empty folder and verifies it', async () => {
    const admin = await mamori(
      [
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
      ],
      'correct-horse-battery-staple-7\n',
    );
    expect(admin.code, admin.stderr).toBe(0);
    expect((await mamori(['log', 'sequence'])).code).toBe(0);

    const made = await mamori(['backup', '--to', dest, '--quiet']);
    expect(made.code, made.stderr).toBe(0);
    const fileName = /(mamori-backup-\d{8}T\d{6}Z-sqlite\.zip)/.exec(made.stdout)![1]!;
    const sha256 = /SHA-256: ([0-9a-f]{64})/.exec(made.stdout)![1]!;
    expect(made.stdout).toContain(`保存 / stored: ${path.join(dest, fileName)}`);
    // Recorded through the backups part (trigger 'cli'), with the checksum the command printed.
    const db = new SQLite(path.join(dataDir, 'mamori.sqlite'), { readonly: true });
    const runs = db.prepare('select trigger, status, sha256 from facility_backup_runs').all();
    db.close();
    expect(runs).toEqual([{ trigger: 'cli', status: 'succeeded', sha256 }]);

    const shown = await mamori(['backup', 'key']);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain(path.join(dataDir, 'keys', 'backup.key'));
    const key = fs.readFileSync(path.join(dataDir, 'keys', 'backup.key'), 'utf8').trim();
    expect(shown.stdout).not.toContain(key);
    expect(shown.stdout).toMatch(/fingerprint: [0-9a-f]{4}(:[0-9a-f]{4}){7}/);
    const unconfirmed = await mamori(['backup', 'key', '--export']);
    expect(unconfirmed.code).toBe(1);
    expect(unconfirmed.stdout).not.toContain(key);
    const exported = await mamori(['backup', 'key', '--export', '--yes']);
    expect(exported.stdout.trim()).toBe(key);

    const keyFile = path.join(tmp('backup-cli-key'), 'backup.key');
    fs.writeFileSync(keyFile, exported.stdout, { mode: 0o600 });
    const target = path.join(tmp('backup-cli-target'), 'data');
    const archive = path.join(dest, fileName);
    const restored = await mamori([
      'restore',
      archive,
      '--key-file',
      keyFile,
      '--data-dir',
      target,
      '--sha256',
      sha256,
      '--quiet',
    ]);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toContain('一致 / match');
    expect(restored.stdout).toContain('検証済み / verified');
    expect(fs.existsSync(path.join(target, 'mamori.sqlite'))).toBe(true);

    // Again into the same folder: refused, with the stable code, nothing changed.
    const before = fs.readdirSync(target).sort();
    const again = await mamori(['restore', archive, '--key-file', keyFile, '--data-dir', target, '--quiet']);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('backup.target_not_empty');
    expect(fs.readdirSync(target).sort()).toEqual(before);
  });
});
