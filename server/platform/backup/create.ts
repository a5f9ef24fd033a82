import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FORMAT, archiveWriter, sha256File, type Manifest } from './archive.ts';
import { dataFiles } from './data-files.ts';
import { backupName, deliver, locationOf } from './destinations.ts';
import { passwordOf } from './key.ts';
import { dumpPostgres } from './pg-dump.ts';
import { pruneBackups } from './retention.ts';
import { copySqlite, describeSqlite, sqliteFileOf } from './sqlite-copy.ts';
import type { BackupResult, CreateBackupOptions, DestinationResult } from './types.ts';
import { isAppError } from '../errors.ts';

/**
 * One backup (A27): a consistent copy of the database, the keys and the log's latest checkpoint and
 * the files under DATA_DIR, in ONE archive encrypted with the backup key, written to a temporary
 * file (never the whole database in memory), then copied to every destination. A failing
 * destination is recorded and the others still get their copy; then each destination's old backups
 * are pruned by the retention policy.
 */
export async function createBackupNow(opts: CreateBackupOptions): Promise<BackupResult> {
  const { config, database, onProgress } = opts;
  const created = opts.now?.() ?? new Date();
  created.setUTCMilliseconds(0);
  const createdAt = created.toISOString();
  const dialect = database.dialect;
  const fileName = backupName(created, dialect);
  const work = fs.mkdtempSync(path.join(opts.tmpDir ?? os.tmpdir(), 'mamori-backup-'));
  const archive = path.join(work, fileName);
  const zip = archiveWriter(archive, passwordOf(opts.key));
  try {
    // 1. The database: the online backup API of SQLite, or a logical dump of one PostgreSQL snapshot.
    let db: Pick<Manifest, 'counts' | 'migrations' | 'checkpoint' | 'database'>;
    if (dialect === 'sqlite') {
      const copy = path.join(work, 'copy.sqlite');
      await copySqlite(await sqliteFileOf(database), copy, onProgress);
      const facts = describeSqlite(copy);
      const size = fs.statSync(copy).size;
      const entry = await zip.add(fs.createReadStream(copy), (done) =>
        onProgress?.({ phase: 'encrypt', done, total: size }),
      );
      fs.rmSync(copy, { force: true });
      db = { ...facts, database: { kind: 'sqlite-file', entry } };
    } else {
      const dump = await dumpPostgres(database, (lines) => zip.add(lines), onProgress);
      db = { ...dump, database: { kind: 'postgres-jsonl', tables: dump.tables } };
    }
    // 2. The keys: the vault's key-encryption keys (A25) and the secret key when it is a file.
    const vaultKek = fs.existsSync(config.vaultKeyFile)
      ? await zip.add(fs.createReadStream(config.vaultKeyFile))
      : null;
    const secretFile = path.join(config.dataDir, 'secret.key');
    const secretKey: Manifest['keys']['secretKey'] = config.secretKey
      ? { source: 'environment' }
      : fs.existsSync(secretFile)
        ? { source: 'file', entry: await zip.add(fs.createReadStream(secretFile)) }
        : { source: 'none' };
    // 3. The files under DATA_DIR.
    const excluded = opts.destinations.flatMap((d) => (d.kind === 'dir' ? [d.path] : []));
    const relative = dataFiles(config, [...excluded, work]);
    const files: Manifest['files'] = [];
    for (const [i, rel] of relative.entries()) {
      onProgress?.({ phase: 'files', done: i, total: relative.length });
      files.push({ path: rel, entry: await zip.add(fs.createReadStream(path.join(config.dataDir, rel))) });
    }
    onProgress?.({ phase: 'files', done: relative.length, total: relative.length });
    const manifest: Manifest = {
      app: 'mamori',
      format: FORMAT,
      createdAt,
      dialect,
      ...db,
      keys: { vaultKek, secretKey },
      files,
      entries: zip.entries,
    };
    await zip.close(manifest);
    const sha256 = await sha256File(archive);
    const bytes = fs.statSync(archive).size;
    // 4. Every destination, each on its own.
    const destinations: DestinationResult[] = [];
    for (const target of opts.destinations) {
      try {
        destinations.push({
          location: await deliver(archive, fileName, target, config.backup.s3, onProgress),
          ok: true,
          error: null,
        });
      } catch (e) {
        destinations.push({
          location: locationOf(target, fileName),
          ok: false,
          error: isAppError(e) ? e.code : 'backup.destination_unwritable',
        });
      }
    }
    // 5. Retention, where this backup arrived (a failing destination keeps what it has).
    const ok = opts.destinations.filter((_, i) => destinations[i]!.ok);
    const pruned =
      opts.prune === false ? [] : (await pruneBackups(ok, config, created)).map((b) => b.location);
    return {
      fileName,
      createdAt,
      dialect,
      bytes,
      sha256,
      counts: db.counts,
      checkpoint: db.checkpoint,
      destinations,
      pruned,
    };
  } catch (e) {
    zip.abort();
    throw e;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
