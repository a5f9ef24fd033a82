import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { loadConfig } from '../config.ts';
import { migrate, openDatabase, type Database } from '../db/index.ts';
import { AppError } from '../errors.ts';
import { openArchive, sha256File, type Manifest } from './archive.ts';
import { safeRelative } from './data-files.ts';
import { fetchSource } from './destinations.ts';
import { passwordOf } from './key.ts';
import { loadPostgres } from './pg-load.ts';
import { countRows, verifyRestored } from './verify-restored.ts';
import type { BackupProgress, RestoreOptions, RestoreResult } from './types.ts';

const isEmptyDir = (dir: string) => !fs.existsSync(dir) || fs.readdirSync(dir).length === 0;

/** Makes a private folder (0700) and its missing parents. */
function privateDir(dir: string): void {
  if (fs.mkdirSync(dir, { recursive: true, mode: 0o700 }) !== undefined) fs.chmodSync(dir, 0o700);
}

/** Writes an entry to a new file (0600); never over an existing one. */
async function writeEntry(stream: Readable, file: string, onBytes?: (n: number) => void): Promise<void> {
  privateDir(path.dirname(file));
  if (onBytes) stream.on('data', (c: Buffer) => onBytes(c.length));
  await pipeline(stream, fs.createWriteStream(file, { mode: 0o600, flags: 'wx' }));
}

/**
 * Restores a backup (A27) into an EMPTY data directory (and, for PostgreSQL, an empty database),
 * then opens the restored installation and checks it: rows per table against the manifest, and the
 * whole log against the checkpoint the backup carried (what `npx mamori log verify` does).
 * Refused before anything is written: a target that is not empty, a checksum that differs from
 * the one recorded, a wrong key or a file that is not a Mamori backup.
 */
export async function restoreNow(opts: RestoreOptions): Promise<RestoreResult> {
  const { target, onProgress } = opts;
  const dataDir = path.resolve(target.dataDir);
  const vaultKeyFile = path.resolve(target.vaultKeyFile ?? path.join(dataDir, 'keys', 'vault-kek.json'));
  if (!isEmptyDir(dataDir) || fs.existsSync(vaultKeyFile)) throw new AppError('backup.target_not_empty');
  const work = fs.mkdtempSync(path.join(opts.tmpDir ?? os.tmpdir(), 'mamori-restore-'));
  const existed = fs.existsSync(dataDir);
  const written: Written = { dataDir: false, outside: [] };
  try {
    const file = await fetchSource(opts.source, work, opts.s3, onProgress);
    if (opts.expectSha256 && (await sha256File(file)) !== opts.expectSha256.trim().toLowerCase())
      throw new AppError('backup.checksum_mismatch');
    const archive = await openArchive(file, passwordOf(opts.key));
    try {
      return await restoreArchive(
        archive.manifest,
        archive.stream,
        { ...opts, dataDir, vaultKeyFile },
        written,
      );
    } catch (e) {
      // A restore that fails half-way (an archive altered inside, a full disk) leaves the target as
      // it found it: empty. (A PostgreSQL target keeps its tables: drop and create it again.)
      if (written.dataDir) {
        if (existed)
          for (const name of fs.readdirSync(dataDir))
            fs.rmSync(path.join(dataDir, name), { recursive: true, force: true });
        else fs.rmSync(dataDir, { recursive: true, force: true });
      }
      for (const f of written.outside)
        for (const suffix of ['', '-wal', '-shm']) fs.rmSync(f + suffix, { force: true });
      throw e;
    } finally {
      await archive.close();
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** What a restore wrote so far: the data directory's content, files outside it (keys, SQLite). */
interface Written {
  dataDir: boolean;
  outside: string[];
}

async function restoreArchive(
  m: Manifest,
  stream: (entry: string) => Readable,
  opts: RestoreOptions & { dataDir: string; vaultKeyFile: string },
  written: Written,
): Promise<RestoreResult> {
  const { dataDir, vaultKeyFile, onProgress } = opts;
  const url = opts.target.databaseUrl?.trim() || undefined;
  const isPostgresUrl = !!url && /^postgres(ql)?:\/\//.test(url);
  if (m.dialect === 'postgres' && !url) throw new AppError('backup.database_url_required');
  if ((m.dialect === 'postgres') !== isPostgresUrl && url) throw new AppError('backup.dialect_mismatch');
  const sqliteFile =
    m.dialect === 'sqlite'
      ? path.resolve(url ? url.slice('sqlite:'.length) : path.join(dataDir, 'mamori.sqlite'))
      : null;
  if (sqliteFile && fs.existsSync(sqliteFile)) throw new AppError('backup.target_not_empty');
  const databaseUrl = url ?? `sqlite:${sqliteFile}`;
  const problems: string[] = [];
  const inside = (f: string) => !path.relative(dataDir, f).startsWith('..');
  const mark = (f: string) => {
    if (!inside(f)) written.outside.push(f);
  };
  const progress = (phase: BackupProgress['phase']) => {
    let done = 0;
    return (total: number) => (n: number) => {
      done += n;
      onProgress?.({ phase, done, total });
    };
  };

  // 1. The database (PostgreSQL first: its emptiness is checked before anything is written).
  let database: Database | null = null;
  try {
    if (m.database.kind === 'postgres-jsonl') {
      database = openDatabase(databaseUrl);
      written.dataDir = true;
      problems.push(
        ...(await loadPostgres(
          database,
          { tables: m.database.tables, migrations: m.migrations },
          stream,
          onProgress,
        )),
      );
      privateDir(dataDir);
    } else {
      written.dataDir = true;
      privateDir(dataDir);
      mark(sqliteFile!);
      const entry = m.database.entry;
      await writeEntry(stream(entry), sqliteFile!, progress('decrypt')(m.entries[entry]?.bytes ?? 0));
      database = openDatabase(databaseUrl);
      await migrate(database); // a backup of an earlier version reaches this version's tables
    }
    // 2. The keys, private (0600 in a 0700 folder).
    mark(vaultKeyFile);
    if (m.keys.vaultKek) await writeEntry(stream(m.keys.vaultKek), vaultKeyFile);
    if (m.keys.secretKey.source === 'file')
      await writeEntry(stream(m.keys.secretKey.entry), path.join(dataDir, 'secret.key'));
    // 3. The files under DATA_DIR.
    const files = progress('files')(m.files.length);
    for (const f of m.files) {
      await writeEntry(stream(f.entry), path.join(dataDir, safeRelative(f.path)));
      files(1);
    }
    // 4. Rows per table, compared with the manifest.
    onProgress?.({ phase: 'verify', done: 0, total: 1 });
    const counts = await countRows(database, Object.keys(m.counts));
    const mismatched = Object.keys(m.counts).filter((t) => counts[t] !== m.counts[t]);
    for (const t of mismatched)
      problems.push(`backup.counts_mismatch: ${t} has ${counts[t] ?? 'no table'}, the backup ${m.counts[t]}`);
    await database.close();
    database = null;
    // 5. The log, as `npx mamori log verify` checks it, against the backup's checkpoint.
    const secretKey = opts.target.secretKey ?? process.env.MAMORI_SECRET_KEY;
    let logVerified = false;
    if (m.keys.secretKey.source === 'environment' && !secretKey) {
      problems.push(
        'backup.secret_key_missing: the backup was made with MAMORI_SECRET_KEY; give it to verify the log',
      );
    } else {
      const config = loadConfig({
        DATA_DIR: dataDir,
        DATABASE_URL: databaseUrl,
        VAULT_KEY_FILE: vaultKeyFile,
        MAMORI_DEMO: '0',
        LOG_LEVEL: 'silent',
        ...(m.keys.secretKey.source === 'environment' && secretKey ? { MAMORI_SECRET_KEY: secretKey } : {}),
      });
      const log = await verifyRestored(config, m.checkpoint, (done, total) =>
        onProgress?.({ phase: 'verify', done, total }),
      );
      logVerified = log.ok;
      problems.push(...log.problems);
    }
    return {
      dialect: m.dialect,
      createdAt: m.createdAt,
      counts,
      countsMatch: mismatched.length === 0,
      logVerified,
      problems,
    };
  } finally {
    await database?.close();
  }
}
