/**
 * Backups that restore (issue 11, A27), on SQLite and PostgreSQL: backup → wipe → restore gives the
 * same records (decrypted through the restored installation) and a log that verifies; an archive is
 * unreadable without the backup key; a restore into a non-empty directory, or of an altered archive,
 * is refused.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../server/platform/errors.ts';
import {
  createBackup,
  loadBackupKey,
  parseDestination,
  restoreBackup,
} from '../../server/platform/backup/index.ts';
import { databases } from '../support/databases.ts';
import {
  backupScene,
  DOCUMENT_TEXT,
  emptyPostgres,
  readRecords,
  restoredServices,
  tmp,
} from './backup-fixture.ts';

async function codeOf(call: () => Promise<unknown>): Promise<unknown> {
  return call().then(
    () => 'no error',
    (e: unknown) => (isAppError(e) ? e.code : e),
  );
}

describe.each(databases)('backups on %s', { timeout: 120_000 }, (kind) => {
  it('restores into a wiped installation the same records, decrypted, and a log that verifies', async () => {
    const scene = await backupScene(kind);
    const dest = tmp('backup-dest');
    const key = loadBackupKey(scene.config);
    const phases = new Set<string>();
    const result = await createBackup({
      config: scene.config,
      database: scene.database,
      key,
      destinations: [parseDestination(dest)],
      onProgress: (p) => phases.add(p.phase),
    });
    expect(result.fileName).toMatch(new RegExp(`^mamori-backup-\\d{8}T\\d{6}Z-${kind}\\.zip$`));
    expect(result.destinations).toEqual([
      { location: path.join(dest, result.fileName), ok: true, error: null },
    ]);
    expect(result.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(result.checkpoint).toContain('mamori-log');
    expect(result.counts.vault_records).toBe(6);
    expect(phases).toContain('database');
    const archive = path.join(dest, result.fileName);
    expect(fs.statSync(archive).mode & 0o077).toBe(0);

    // Wipe: the database and the data directory are gone (the backup key is kept apart).
    const keyFile = path.join(tmp('backup-key'), 'backup.key');
    fs.writeFileSync(keyFile, key.toString('base64'), { mode: 0o600 });
    await scene.services.database.close();
    fs.rmSync(scene.dataDir, { recursive: true, force: true });

    const databaseUrl = kind === 'postgres' ? await emptyPostgres() : undefined;
    const restored = await restoreBackup({
      source: archive,
      key,
      target: { dataDir: scene.dataDir, ...(databaseUrl ? { databaseUrl } : {}) },
      expectSha256: result.sha256,
    });
    expect(restored.problems).toEqual([]);
    expect(restored).toMatchObject({ dialect: kind, countsMatch: true, logVerified: true });
    expect(restored.counts).toEqual(result.counts);
    // The keys and documents came back (private); the temporary export and the SQLite copy's name did not travel.
    expect(fs.readFileSync(path.join(scene.dataDir, 'provision', 'p1', 'contract.txt'), 'utf8')).toBe(
      DOCUMENT_TEXT,
    );
    expect(fs.existsSync(path.join(scene.dataDir, 'exports'))).toBe(false);
    expect(fs.existsSync(path.join(scene.dataDir, 'keys', 'backup.key'))).toBe(false);
    expect(fs.statSync(path.join(scene.dataDir, 'keys', 'vault-kek.json')).mode & 0o077).toBe(0);
    expect(fs.statSync(path.join(scene.dataDir, 'secret.key')).mode & 0o077).toBe(0);

    const services = restoredServices(scene.dataDir, databaseUrl);
    try {
      expect(await readRecords(services, scene.staff, scene.tokyoFile, scene.ids)).toEqual(scene.records);
      expect(scene.records[0]).toMatchObject({ health: '食物アレルギー（架空）' });
      const verified = await services.ledger.verify(services.database.db, {
        against: [{ label: 'backup', note: result.checkpoint! }],
      });
      expect(verified.ok).toBe(true);
    } finally {
      await services.database.close();
    }
  });

  it('cannot be read without the key, and shows no plaintext', async () => {
    const scene = await backupScene(kind);
    const dest = tmp('backup-dest');
    const result = await createBackup({
      config: scene.config,
      database: scene.database,
      key: loadBackupKey(scene.config),
      destinations: [parseDestination(dest)],
    });
    const archive = path.join(dest, result.fileName);
    const bytes = fs.readFileSync(archive);
    for (const plain of [
      'SQLite format 3',
      'vault_records',
      'ledger_entries',
      '高専 一郎0',
      DOCUMENT_TEXT,
      'contract.txt',
      'mamori-log',
      fs.readFileSync(path.join(scene.dataDir, 'secret.key'), 'utf8').trim(),
    ])
      expect(bytes.includes(Buffer.from(plain)), plain).toBe(false);

    const target = tmp('restore-target');
    expect(
      await codeOf(() =>
        restoreBackup({ source: archive, key: randomBytes(32), target: { dataDir: target } }),
      ),
    ).toBe('backup.key_wrong');
    const notBackup = path.join(dest, 'not-a-backup.zip');
    fs.writeFileSync(notBackup, randomBytes(4096));
    expect(
      await codeOf(() =>
        restoreBackup({ source: notBackup, key: loadBackupKey(scene.config), target: { dataDir: target } }),
      ),
    ).toBe('backup.key_wrong');
    expect(fs.readdirSync(target)).toEqual([]);
  });

  it('refuses a target that is not empty, and an altered archive, writing nothing', async () => {
    const scene = await backupScene(kind);
    const dest = tmp('backup-dest');
    const key = loadBackupKey(scene.config);
    const result = await createBackup({
      config: scene.config,
      database: scene.database,
      key,
      destinations: [parseDestination(dest)],
    });
    const archive = path.join(dest, result.fileName);

    const busy = tmp('restore-busy');
    fs.writeFileSync(path.join(busy, 'README.txt'), 'someone else’s file');
    expect(await codeOf(() => restoreBackup({ source: archive, key, target: { dataDir: busy } }))).toBe(
      'backup.target_not_empty',
    );
    expect(fs.readdirSync(busy)).toEqual(['README.txt']);
    // The running installation's own folder is not empty either.
    expect(
      await codeOf(() => restoreBackup({ source: archive, key, target: { dataDir: scene.dataDir } })),
    ).toBe('backup.target_not_empty');

    const altered = path.join(dest, 'altered.zip');
    const bytes = fs.readFileSync(archive);
    bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
    fs.writeFileSync(altered, bytes);
    const empty = tmp('restore-empty');
    expect(
      await codeOf(() =>
        restoreBackup({ source: altered, key, target: { dataDir: empty }, expectSha256: result.sha256 }),
      ),
    ).toBe('backup.checksum_mismatch');
    expect(fs.readdirSync(empty)).toEqual([]);
    // Without the recorded checksum, the archive's own authentication (AE-2) refuses it, and what
    // the restore had begun to write is taken away again.
    const unchecked = tmp('restore-unchecked');
    const uncheckedUrl = kind === 'postgres' ? { databaseUrl: await emptyPostgres() } : {};
    expect(
      await codeOf(() =>
        restoreBackup({ source: altered, key, target: { dataDir: unchecked, ...uncheckedUrl } }),
      ),
    ).toBe('backup.checksum_mismatch');
    expect(fs.readdirSync(unchecked)).toEqual([]);

    if (kind === 'postgres') {
      // A PostgreSQL target must be empty too: the source database has tables.
      const url = await emptyPostgres();
      const first = await restoreBackup({
        source: archive,
        key,
        target: { dataDir: tmp('restore-pg1'), databaseUrl: url },
      });
      expect(first.countsMatch).toBe(true);
      expect(
        await codeOf(() =>
          restoreBackup({ source: archive, key, target: { dataDir: tmp('restore-pg2'), databaseUrl: url } }),
        ),
      ).toBe('backup.database_not_empty');
    }
  });
});
