/**
 * Backups and restores (issue 11, A27): time and peak RSS of `createBackup` to one directory
 * destination and of `restoreBackup` into an empty data directory (which also counts every table
 * and verifies the whole log against the backup's checkpoint), each against a baseline measured in
 * the same run on the same data. The issue states no target; docs/benchmarks.md proposes one.
 *
 * The installation: the application's services (createServices, the log's sequencer started) over a
 * SQLite file opened as the server opens it, or a throw-away embedded PostgreSQL with durable
 * settings (support.ts), their DATA_DIR (vault key file, backup key) in the bench folder. Its data,
 * as in vault-import.ts: the tests' vault org (tests/support/vault-fixture.ts), into whose 学籍ファイル
 * a CSV of `entries` fictional students (default 100,000) is imported through the real service
 * (sealed, blind-indexed), then as many access events (one read of each record) appended to the log
 * and sequenced, so the restore has a log of about `entries` entries to verify.
 *
 * Backup: createBackup({ destinations: [one directory], prune: false }) until it resolves: the
 * consistent copy (SQLite's online backup API; PostgreSQL a JSON-lines dump of one snapshot), the
 * AES-256 archive, its SHA-256, the copy to the destination. Phases from its onProgress.
 * Baseline (SQLite): better-sqlite3's `.backup()` of the same database file to a file, alone;
 * (PostgreSQL): every table's rows read with `select *` through pg and written as JSON lines to a
 * file, one repeatable-read transaction, no encryption.
 *
 * Restore: restoreBackup({ source: the destination's archive, target: an empty directory }) until it
 * resolves: checksum, decryption to the data directory (SQLite) or load into an empty database
 * (PostgreSQL), migrations, rows per table compared, the log verified. It must report countsMatch,
 * logVerified and no problem, and the restored vault must hold `entries` records.
 * Baseline: `fs.copyFile` of the archive into an empty directory.
 *
 * Peak RSS is sampled every 100 ms during each timed phase (this process; PostgreSQL's server is
 * not in it). Ratios: backup / its baseline, restore / its baseline (wall time).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { createServices } from '../server/app.ts';
import { systemClock } from '../server/platform/clock.ts';
import { loadConfig } from '../server/platform/config.ts';
import { systemCtx } from '../server/platform/context.ts';
import {
  createBackup,
  loadBackupKey,
  parseDestination,
  restoreBackup,
  type BackupProgress,
} from '../server/platform/backup/index.ts';
import { csvText } from '../server/platform/tabular/index.ts';
import { buildVaultOrg } from '../tests/support/vault-fixture.ts';
import {
  fmt,
  log,
  now,
  openBenchDb,
  sampleAccess,
  sampleCtx,
  settle,
  stats,
  type BenchDb,
  type BenchOptions,
} from './support.ts';

const HEADER = ['学生番号', '氏名', 'フリガナ', '生年月日', '学科・学年・クラス', '電話番号', '健康上の配慮'];

/** The CSV's rows: fictional students, unique student numbers (as vault-import.ts). */
const studentRows = (n: number) =>
  Array.from({ length: n }, (_, i) => [
    `S${String(i).padStart(7, '0')}`,
    `高専 花子${i % 997}`,
    'コウセン ハナコ',
    `2008-0${(i % 9) + 1}-1${i % 10}`,
    i % 2 ? '情報工学科3年' : '機械工学科3年',
    `090-0000-${String(i % 10000).padStart(4, '0')}`,
    i % 10 === 0 ? '食物アレルギー（架空）' : '',
  ]);

const mib = (bytes: number) => fmt(bytes / 2 ** 20);
const mb = (bytes: number) => fmt(bytes / 1e6, 1);

/** Samples the process's RSS every 100 ms until stopped; its peak. */
function rssSampler() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 100);
  return () => {
    clearInterval(timer);
    return Math.max(peak, process.memoryUsage().rss);
  };
}

/** Wall time and peak RSS of a phase. */
async function measured<T>(
  fn: () => Promise<T>,
): Promise<{ value: T; ms: number; rssBefore: number; peakRss: number }> {
  settle();
  const rssBefore = process.memoryUsage().rss;
  const peak = rssSampler();
  const t0 = now();
  try {
    const value = await fn();
    return { value, ms: now() - t0, rssBefore, peakRss: peak() };
  } catch (e) {
    peak();
    throw e;
  }
}

/** First moment (ms since t0) each phase reported progress. */
function phaseClock() {
  const t0 = now();
  const first = new Map<BackupProgress['phase'], number>();
  return {
    onProgress: (p: BackupProgress) => {
      if (!first.has(p.phase)) first.set(p.phase, now() - t0);
    },
    at: (phase: BackupProgress['phase']) => first.get(phase),
  };
}

interface BackupRound {
  records: number;
  logEntries: number;
  fillMs: number;
  databaseBytes: number;
  archiveBytes: number;
  backupMs: number;
  backupPhases: { copy: number; encrypt: number; rest: number };
  backupRss: { before: number; peak: number };
  backupBaselineMs: number;
  backupBaselineRss: { before: number; peak: number };
  restoreMs: number;
  restorePhases: { extract: number; check: number };
  restoreRss: { before: number; peak: number };
  restoreBaselineMs: number;
  restoreBaselineRss: { before: number; peak: number };
  tables: number;
  restoredRows: number;
}

/** The database's size: the `.backup()` copy's bytes (SQLite), pg_database_size (PostgreSQL). */
async function pgDatabaseSize(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query<{ n: string }>('select pg_database_size(current_database()) as n');
    return Number(r.rows[0]!.n);
  } finally {
    await c.end();
  }
}

/** PostgreSQL's baseline: every table's rows, one snapshot, as JSON lines into one plain file. */
async function pgPlainDump(url: string, file: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const out = fs.createWriteStream(file);
  let rows = 0;
  try {
    await c.query('begin transaction isolation level repeatable read read only');
    const tables = await c.query<{ name: string }>(
      `select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    );
    for (const { name } of tables.rows) {
      const r = await c.query({ text: `select * from "${name.replaceAll('"', '""')}"`, rowMode: 'array' });
      for (const row of r.rows as unknown[][]) {
        rows++;
        if (!out.write(JSON.stringify(row) + '\n'))
          await new Promise<void>((res) => out.once('drain', () => res()));
      }
    }
    await c.query('commit');
  } finally {
    await new Promise<void>((res, rej) => out.end((e?: Error | null) => (e ? rej(e) : res())));
    await c.end();
  }
  return rows;
}

async function backupRound(opts: BenchOptions, n: number): Promise<BackupRound> {
  const source = await openBenchDb(opts);
  const work = fs.mkdtempSync(path.join(opts.dir, 'backup-'));
  const dataDir = path.join(work, 'data');
  const destDir = path.join(work, 'dest');
  const tmpDir = path.join(work, 'tmp');
  for (const d of [dataDir, destDir, tmpDir]) fs.mkdirSync(d, { recursive: true });
  const secretKey = crypto.randomBytes(32).toString('base64');
  const config = loadConfig({
    MAMORI_DEMO: '0',
    LOG_LEVEL: 'silent',
    MAMORI_SECRET_KEY: secretKey,
    DATA_DIR: dataDir,
  });
  const services = createServices({ config, database: source.database, clock: systemClock });
  let restoredDb: BenchDb | null = null;
  try {
    // The installation's data: n records imported into the vault, n access events in the log.
    const fill = await measured(async () => {
      const v = await buildVaultOrg(services);
      services.ledger.start();
      const ctx = systemCtx('bench');
      const bytes = Buffer.from(csvText({ header: HEADER, rows: studentRows(n) }), 'utf8');
      const p = await services.vault.import.preview(ctx, v.tokyoFile, { purpose: 'enrolment', bytes });
      if (p.valid !== n) throw new Error(`the preview found ${p.invalid} invalid rows of ${p.total}`);
      const { done } = await services.vault.import.commit(ctx, v.tokyoFile, {
        purpose: 'enrolment',
        bytes,
        mapping: p.mapping,
        digest: p.digest,
      });
      const result = await done;
      if (result.status !== 'done' || result.imported !== n)
        throw new Error(`the import ended ${result.status}, ${result.imported} imported`);
      let next = 0;
      await Promise.all(
        Array.from({ length: 2000 }, async () => {
          for (let i = next++; i < n; i = next++) await services.ledger.access(sampleCtx(i), sampleAccess(i));
        }),
      );
      return services.ledger.sequence();
    });
    const logEntries = fill.value;
    await services.ledger.stop();

    // Backup baseline: the database copied alone (SQLite: its online backup API; PostgreSQL: a
    // plain JSON-lines read of every table in one snapshot).
    const baselineFile = path.join(work, opts.db === 'sqlite' ? 'baseline.sqlite' : 'baseline.jsonl');
    const backupBaseline = await measured(async () => {
      if (source.file) {
        const db = new SQLite(source.file, { readonly: true, fileMustExist: true });
        try {
          await db.backup(baselineFile);
        } finally {
          db.close();
        }
      } else await pgPlainDump(source.url, baselineFile);
    });
    const databaseBytes = source.file ? fs.statSync(baselineFile).size : await pgDatabaseSize(source.url);
    fs.rmSync(baselineFile, { force: true });

    // The backup.
    const key = loadBackupKey(config);
    const bPhases = phaseClock();
    const backup = await measured(() =>
      createBackup({
        config,
        database: services.database,
        key,
        destinations: [parseDestination(destDir)],
        tmpDir,
        prune: false,
        onProgress: bPhases.onProgress,
      }),
    );
    const b = backup.value;
    if (!b.destinations[0]?.ok) throw new Error(`the backup failed at ${b.destinations[0]?.error}`);
    const archive = path.join(destDir, b.fileName);
    const encryptAt = bPhases.at('encrypt') ?? bPhases.at('files') ?? backup.ms;
    const filesAt = bPhases.at('files') ?? backup.ms;

    // Restore baseline: the archive copied into an empty directory.
    const copyDir = path.join(work, 'copy');
    fs.mkdirSync(copyDir);
    const restoreBaseline = await measured(() =>
      fs.promises.copyFile(archive, path.join(copyDir, b.fileName)),
    );
    fs.rmSync(copyDir, { recursive: true, force: true });

    // The restore into an empty directory (and, on PostgreSQL, an empty database).
    const target = path.join(work, 'restored');
    if (opts.db === 'postgres') restoredDb = await openBenchDb(opts, false);
    const rPhases = phaseClock();
    const restore = await measured(() =>
      restoreBackup({
        source: archive,
        key,
        target: { dataDir: target, secretKey, ...(restoredDb ? { databaseUrl: restoredDb.url } : {}) },
        expectSha256: b.sha256,
        tmpDir,
        onProgress: rPhases.onProgress,
      }),
    );
    const r = restore.value;
    if (!r.countsMatch || !r.logVerified || r.problems.length)
      throw new Error(`the restore is not whole: ${JSON.stringify(r.problems.slice(0, 3))}`);
    if (r.counts.vault_records !== n) throw new Error(`${r.counts.vault_records} records restored, not ${n}`);
    if ((r.counts.ledger_entries ?? 0) < logEntries)
      throw new Error(`${r.counts.ledger_entries} log entries restored, ${logEntries} sequenced`);
    const verifyAt = rPhases.at('verify') ?? restore.ms;

    return {
      records: n,
      logEntries,
      fillMs: fill.ms,
      databaseBytes,
      archiveBytes: b.bytes,
      backupMs: backup.ms,
      backupPhases: { copy: encryptAt, encrypt: filesAt - encryptAt, rest: backup.ms - filesAt },
      backupRss: { before: backup.rssBefore, peak: backup.peakRss },
      backupBaselineMs: backupBaseline.ms,
      backupBaselineRss: { before: backupBaseline.rssBefore, peak: backupBaseline.peakRss },
      restoreMs: restore.ms,
      restorePhases: { extract: verifyAt, check: restore.ms - verifyAt },
      restoreRss: { before: restore.rssBefore, peak: restore.peakRss },
      restoreBaselineMs: restoreBaseline.ms,
      restoreBaselineRss: { before: restoreBaseline.rssBefore, peak: restoreBaseline.peakRss },
      tables: Object.keys(r.counts).length,
      restoredRows: Object.values(r.counts).reduce((a, c) => a + c, 0),
    };
  } finally {
    await services.ledger.stop();
    await source.drop();
    await restoredDb?.drop();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

export async function backupBench(opts: BenchOptions) {
  const n = opts.entries ?? 100_000;
  const rounds = opts.rounds ?? 1;
  log(
    `\n## backup (${opts.db}): createBackup to one directory and restoreBackup into an empty one ` +
      `(rows counted, log verified) of an installation with ${fmt(n)} vault records and ${fmt(n)} access ` +
      `events in its log, vs ${opts.db === 'sqlite' ? "better-sqlite3's .backup()" : 'a plain select * of every table to JSON lines'} ` +
      `and fs.copyFile of the archive; ${rounds} round${rounds > 1 ? 's' : ''}; load average ${os
        .loadavg()
        .map((l) => fmt(l, 1))
        .join(' ')}`,
  );
  const results: BackupRound[] = [];
  for (let round = 1; round <= rounds; round++) {
    const r = await backupRound(opts, n);
    results.push(r);
    const perGb = (ms: number) => fmt(ms / 60_000 / (r.databaseBytes / 1e9), 1);
    log(
      `round ${round}: filled in ${fmt(r.fillMs / 1000, 1)} s; database ${mb(r.databaseBytes)} MB, log ${fmt(r.logEntries)} entries, ` +
        `archive ${mb(r.archiveBytes)} MB (${fmt(r.archiveBytes / r.databaseBytes, 2)} × the database)\n` +
        `  backup ${fmt(r.backupMs)} ms (copy ${fmt(r.backupPhases.copy)}, encrypt ${fmt(r.backupPhases.encrypt)}, ` +
        `keys/files/checksum/deliver ${fmt(r.backupPhases.rest)}; ${perGb(r.backupMs)} min per GB of database), ` +
        `RSS ${mib(r.backupRss.before)} → peak ${mib(r.backupRss.peak)} MiB; baseline ${fmt(r.backupBaselineMs)} ms ` +
        `(RSS ${mib(r.backupBaselineRss.before)} → ${mib(r.backupBaselineRss.peak)} MiB); ratio ${fmt(r.backupMs / r.backupBaselineMs, 2)}\n` +
        `  restore ${fmt(r.restoreMs)} ms (extract ${fmt(r.restorePhases.extract)}, count + verify log ${fmt(r.restorePhases.check)}; ` +
        `${perGb(r.restoreMs)} min per GB, ${fmt(r.restorePhases.check / 1000 / (r.logEntries / 1e6), 1)} s of checking per million log entries), ` +
        `RSS ${mib(r.restoreRss.before)} → peak ${mib(r.restoreRss.peak)} MiB; baseline copyFile ${fmt(r.restoreBaselineMs)} ms ` +
        `(RSS ${mib(r.restoreBaselineRss.before)} → ${mib(r.restoreBaselineRss.peak)} MiB); ratio ${fmt(r.restoreMs / r.restoreBaselineMs, 1)}; ` +
        `${r.tables} tables, ${fmt(r.restoredRows)} rows, counts match, log verified; load average ${fmt(os.loadavg()[0]!, 1)}`,
    );
  }
  const median = (f: (r: BackupRound) => number) => stats(results.map(f)).median;
  log(
    `backup ${opts.db}${rounds > 1 ? ` (median of ${rounds})` : ''}: backup ${fmt(median((r) => r.backupMs))} ms, ` +
      `ratio ${fmt(
        median((r) => r.backupMs / r.backupBaselineMs),
        2,
      )}; restore ${fmt(median((r) => r.restoreMs))} ms, ratio ${fmt(
        median((r) => r.restoreMs / r.restoreBaselineMs),
        1,
      )}; archive ${fmt(
        median((r) => r.archiveBytes / r.databaseBytes),
        2,
      )} × the database; peak RSS backup ${mib(median((r) => r.backupRss.peak))} MiB, restore ${mib(
        median((r) => r.restoreRss.peak),
      )} MiB (no target stated by the issue)`,
  );
  return results;
}
