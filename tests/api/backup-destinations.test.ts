/**
 * Where backups go (issue 11, A27): an S3-compatible store (tests/support/fake-s3.ts) receives the
 * archive and a restore reads it back from there; a failing destination does not lose the others;
 * retention removes backups older than keepDays but always keeps the newest keepMin.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  backupName,
  createBackup,
  listBackups,
  loadBackupKey,
  parseDestination,
  pruneBackups,
  restoreBackup,
} from '../../server/platform/backup/index.ts';
import { loadConfig } from '../../server/platform/config.ts';
import { databases } from '../support/databases.ts';
import { startFakeS3, type FakeS3, type StoredObject } from '../support/fake-s3.ts';
import { TEST_NOW } from '../support/test-services.ts';
import { backupScene, baseEnv, emptyPostgres, tmp } from './backup-fixture.ts';

let s3: FakeS3;
const saved = { ...process.env };
beforeAll(async () => {
  s3 = await startFakeS3();
  // The standard AWS_* environment: the fake store ignores signatures.
  process.env.AWS_ACCESS_KEY_ID = 'AKIDEXAMPLE';
  process.env.AWS_SECRET_ACCESS_KEY = 'fake-secret-for-tests';
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
});
afterAll(async () => {
  for (const k of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_EC2_METADATA_DISABLED'])
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  await s3.close();
});

const s3Env = () => ({
  BACKUP_S3_ENDPOINT: s3.endpoint,
  BACKUP_S3_FORCE_PATH_STYLE: 'true',
  BACKUP_S3_REGION: 'us-east-1',
});
const daysBefore = (days: number) => new Date(new Date(TEST_NOW).getTime() - days * 86_400_000);

describe.each(databases)('backup destinations on %s', { timeout: 120_000 }, (kind) => {
  it('writes to an S3-compatible store and restores from it; a failing destination is recorded, the others kept', async () => {
    const scene = await backupScene(kind, s3Env());
    const dir = tmp('backup-dest');
    const lost = path.join(tmp('backup-gone'), 'missing-parent', 'backups');
    const key = loadBackupKey(scene.config);
    const result = await createBackup({
      config: scene.config,
      database: scene.database,
      key,
      destinations: [`s3://mamori-backups/${kind}/nightly`, lost, dir].map(parseDestination),
      now: () => new Date(TEST_NOW),
    });
    expect(result.fileName).toBe(`mamori-backup-20261130T003000Z-${kind}.zip`);
    const s3Location = `s3://mamori-backups/${kind}/nightly/${result.fileName}`;
    expect(result.destinations).toEqual([
      { location: s3Location, ok: true, error: null },
      { location: path.join(lost, result.fileName), ok: false, error: 'backup.destination_unwritable' },
      { location: path.join(dir, result.fileName), ok: true, error: null },
    ]);
    const stored = s3.objects.get('mamori-backups')!.get(`${kind}/nightly/${result.fileName}`)!;
    expect(stored.body.equals(fs.readFileSync(path.join(dir, result.fileName)))).toBe(true);
    expect(await listBackups(parseDestination(`s3://mamori-backups/${kind}/nightly`), scene.config)).toEqual([
      { location: s3Location, fileName: result.fileName, bytes: stored.body.length, createdAt: TEST_NOW },
    ]);

    await scene.services.database.close();
    const databaseUrl = kind === 'postgres' ? await emptyPostgres() : undefined;
    const restored = await restoreBackup({
      source: s3Location,
      key,
      s3: scene.config.backup.s3,
      target: { dataDir: tmp('restore-s3'), ...(databaseUrl ? { databaseUrl } : {}) },
      expectSha256: result.sha256,
    });
    expect(restored).toMatchObject({ countsMatch: true, logVerified: true, problems: [] });
    expect(restored.counts.vault_records).toBe(6);
  });

  it('keeps backups younger than keepDays and always the newest keepMin, at every destination', async () => {
    const config = loadConfig(
      baseEnv(tmp('retention'), { ...s3Env(), BACKUP_KEEP_DAYS: '30', BACKUP_KEEP_MIN: '4' }),
    );
    const dir = parseDestination(tmp('retention-dir'));
    const bucket = parseDestination(`s3://retention-${kind}/mamori`);
    const ages = [1, 2, 40, 41, 42, 43];
    const names = ages.map((d) => backupName(daysBefore(d), kind));
    for (const name of names) {
      fs.writeFileSync(path.join((dir as { path: string }).path, name), 'x');
      const store = s3.objects.get(`retention-${kind}`) ?? new Map<string, StoredObject>();
      store.set(`mamori/${name}`, { body: Buffer.from('x'), lastModified: new Date() });
      s3.objects.set(`retention-${kind}`, store);
    }
    fs.writeFileSync(path.join((dir as { path: string }).path, 'notes.txt'), 'not a backup');
    const pruned = await pruneBackups([dir, bucket], config, new Date(TEST_NOW));
    // The newest four stay (1, 2, 40 and 41 days old): 42 and 43 are past keepDays and beyond keepMin.
    const kept = names.slice(0, 4);
    expect(pruned.map((b) => b.fileName).sort()).toEqual([...names.slice(4), ...names.slice(4)].sort());
    expect((await listBackups(dir, config)).map((b) => b.fileName)).toEqual(kept);
    expect((await listBackups(bucket, config)).map((b) => b.fileName)).toEqual(kept);
    expect(fs.existsSync(path.join((dir as { path: string }).path, 'notes.txt'))).toBe(true);

    // With a keepMin of 2 the 40- and 41-day-old ones go too; the young ones stay whatever keepMin says.
    const strict = loadConfig(
      baseEnv(tmp('retention'), { ...s3Env(), BACKUP_KEEP_DAYS: '30', BACKUP_KEEP_MIN: '1' }),
    );
    await pruneBackups([dir], strict, new Date(TEST_NOW));
    expect((await listBackups(dir, strict)).map((b) => b.fileName)).toEqual(names.slice(0, 2));
  });
});
