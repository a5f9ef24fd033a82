/**
 * The vault's bulk import (issue 6, "Measured"): records per second of
 * `services.vault.import.commit` — the full re-check of the file (A26: every value checked as the
 * form checks it, duplicates within the file and against existing records), then every record
 * sealed as create() seals it (A25: a data key per record wrapped by the key-encryption key, the
 * values sealed by sensitivity group, the blind index rows, the scope tag) and all of them written
 * in one transaction with one audit event — until its `done` resolves. Goal: ≥ 20,000 records/s.
 *
 * The services are the application's (createServices, the log's sequencer started) over a SQLite
 * file opened as the server opens it or a throw-away embedded PostgreSQL with durable settings
 * (support.ts), with their data folder (DATA_DIR, the vault key file) in the bench folder. The data
 * are the tests' vault org (tests/support/vault-fixture.ts): 東京 教務係's 学籍ファイル, into which a
 * CSV of `entries` fictional students (default 100,000; 7 columns, one in ten with a health note) is
 * previewed (timed, not part of the rate) and then imported by the system actor.
 *
 * Baseline, same database, same run: the same records' plain values (the mapped fields as one JSON
 * text per record, with a time-ordered id and the file id) inserted into a table that the benchmark
 * creates, through database.insertRows in one transaction in batches of the import's size — no
 * check, encryption, key wrap or index row. Reported as the ratio of the import's rate to it.
 *
 * Phases, from the commit's onProgress (one report per batch sealed, then one per batch written):
 * check (commit() until it returns: the re-check), seal (until the last batch is sealed), write
 * (the transaction: the late-duplicate check, the rows, the import row and the audit event, commit).
 * Also: CPU time of this process (user + system; on PostgreSQL the server's own CPU is not in it),
 * peak RSS sampled every 100 ms, and afterwards the file's record count and a search by student
 * number that must find the imported record with its values.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { createServices } from '../server/app.ts';
import { systemClock } from '../server/platform/clock.ts';
import { loadConfig } from '../server/platform/config.ts';
import { systemCtx } from '../server/platform/context.ts';
import type { DB } from '../server/platform/db/index.ts';
import { newTimeOrderedId } from '../server/platform/ids.ts';
import { csvText } from '../server/platform/tabular/index.ts';
import { BATCH } from '../server/modules/vault/import/import-writer.ts';
import { buildVaultOrg } from '../tests/support/vault-fixture.ts';
import { fmt, log, now, openBenchDb, settle, stats, timed, type BenchOptions } from './support.ts';

const GOAL = 20_000;
const PLAIN_TABLE = 'bench_plain_records';
const HEADER = ['学生番号', '氏名', 'フリガナ', '生年月日', '学科・学年・クラス', '電話番号', '健康上の配慮'];

/** The CSV's rows: fictional students, unique student numbers. */
const studentRows = (n: number) =>
  Array.from({ length: n }, (_, i) => [
    studentNumber(i),
    `高専 花子${i % 997}`,
    'コウセン ハナコ',
    `2008-0${(i % 9) + 1}-1${i % 10}`,
    i % 2 ? '情報工学科3年' : '機械工学科3年',
    `090-0000-${String(i % 10000).padStart(4, '0')}`,
    i % 10 === 0 ? '食物アレルギー（架空）' : '',
  ]);
const studentNumber = (i: number) => `S${String(i).padStart(7, '0')}`;

const mb = (bytes: number) => fmt(bytes / 2 ** 20);

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

interface ImportRound {
  records: number;
  csvBytes: number;
  previewMs: number;
  /** commit() until done resolved. */
  importMs: number;
  importRate: number;
  importCpuMs: number;
  checkMs: number;
  sealMs: number;
  writeMs: number;
  baselineMs: number;
  baselineRate: number;
  baselineCpuMs: number;
  ratio: number;
  peakRssBytes: number;
  rssBeforeBytes: number;
  found: number;
  /** Blind index rows written (vault_index), all records together. */
  indexRows: number;
}

async function importRound(opts: BenchOptions, n: number): Promise<ImportRound> {
  const target = await openBenchDb(opts);
  const dataDir = fs.mkdtempSync(path.join(opts.dir, 'vault-import-'));
  const services = createServices({
    config: loadConfig({
      MAMORI_DEMO: '0',
      LOG_LEVEL: 'silent',
      MAMORI_SECRET_KEY: crypto.randomBytes(32).toString('base64'),
      DATA_DIR: dataDir,
    }),
    database: target.database,
    clock: systemClock,
  });
  const { database } = services;
  try {
    const v = await buildVaultOrg(services);
    services.ledger.start();
    const ctx = systemCtx('bench');
    const rows = studentRows(n);
    const bytes = Buffer.from(csvText({ header: HEADER, rows }), 'utf8');

    // The dry run the person sees before confirming: timed, not part of the rate.
    settle();
    const preview = await timed(() =>
      services.vault.import.preview(ctx, v.tokyoFile, { purpose: 'enrolment', bytes }),
    );
    const p = preview.value;
    if (p.valid !== n || p.invalid !== 0)
      throw new Error(
        `the preview found ${p.invalid} invalid rows of ${p.total}: ${JSON.stringify(p.rows[0])}`,
      );

    // Baseline: the same records' plain values, one JSON text each, into a table of our own.
    await sql`create table ${sql.table(PLAIN_TABLE)} (id text primary key, file_id text not null, data text not null)`.execute(
      database.db,
    );
    const columns = Object.entries(p.mapping).filter((e): e is [string, number] => e[1] !== null);
    settle();
    const baseline = await timed(async () => {
      const plain = rows.map((r) => ({
        id: newTimeOrderedId(),
        file_id: v.tokyoFile,
        data: JSON.stringify(Object.fromEntries(columns.map(([key, col]) => [key, r[col]]))),
      }));
      await database.transaction(async (tx) => {
        for (let i = 0; i < plain.length; i += BATCH)
          await database.insertRows(tx, PLAIN_TABLE as keyof DB, plain.slice(i, i + BATCH));
      });
    });
    const stored = await sql<{
      n: number | string;
    }>`select count(*) as n from ${sql.table(PLAIN_TABLE)}`.execute(database.db);
    if (Number(stored.rows[0]?.n) !== n) throw new Error('the baseline did not store every row');

    // The import, from the commit (its re-check included) until done.
    settle();
    const rssBefore = process.memoryUsage().rss;
    const peakRss = rssSampler();
    const sealReports = Math.ceil(n / BATCH);
    let reports = 0;
    let sealedAt = NaN;
    const cpu0 = process.cpuUsage();
    const t0 = now();
    const { done } = await services.vault.import.commit(
      ctx,
      v.tokyoFile,
      { purpose: 'enrolment', bytes, mapping: p.mapping, digest: p.digest },
      {
        onProgress: () => {
          if (++reports === sealReports) sealedAt = now();
        },
      },
    );
    const checkedAt = now();
    const result = await done;
    const t1 = now();
    const cpu = process.cpuUsage(cpu0);
    const peakRssBytes = peakRss();
    if (result.status !== 'done' || result.imported !== n)
      throw new Error(
        `the import ended ${result.status} (${result.error ?? 'no error'}), ${result.imported} imported`,
      );

    // Correctness: every record is there, and a search by the key finds one with its values.
    const counted = await database.db
      .selectFrom('vault_records')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('file_id', '=', v.tokyoFile)
      .executeTakeFirstOrThrow();
    if (Number(counted.n) !== n) throw new Error(`${counted.n} records in the file after importing ${n}`);
    const indexRows = await database.db
      .selectFrom('vault_index')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('file_id', '=', v.tokyoFile)
      .executeTakeFirstOrThrow();
    const probe = Math.min(42, n - 1);
    const found = await services.vault.records.search(ctx, v.tokyoFile, {
      purpose: 'enrolment',
      field: 'student_number',
      value: studentNumber(probe),
    });
    const hit = found.records[0] as { values?: Record<string, unknown> } | undefined;
    if (found.records.length !== 1 || hit?.values?.student_number !== studentNumber(probe))
      throw new Error(`the search for ${studentNumber(probe)} found ${found.records.length} records`);
    if (hit.values.name !== rows[probe]![1]) throw new Error('the record found has not the name imported');

    const importMs = t1 - t0;
    const importRate = n / (importMs / 1000);
    const baselineRate = n / (baseline.ms / 1000);
    return {
      records: n,
      csvBytes: bytes.length,
      previewMs: preview.ms,
      importMs,
      importRate,
      importCpuMs: (cpu.user + cpu.system) / 1000,
      checkMs: checkedAt - t0,
      sealMs: sealedAt - checkedAt,
      writeMs: t1 - sealedAt,
      baselineMs: baseline.ms,
      baselineRate,
      baselineCpuMs: baseline.cpuMs,
      ratio: importRate / baselineRate,
      peakRssBytes,
      rssBeforeBytes: rssBefore,
      found: found.records.length,
      indexRows: Number(indexRows.n),
    };
  } finally {
    await services.ledger.stop();
    await target.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function vaultImportBench(opts: BenchOptions) {
  const n = opts.entries ?? 100_000;
  const rounds = opts.rounds ?? 1;
  log(
    `\n## vault-import (${opts.db}): import of ${fmt(n)} records (check, seal, write in one transaction) ` +
      `vs a plain insert of their values, batches of ${fmt(BATCH)}, ${rounds} round${rounds > 1 ? 's' : ''}, ` +
      `a fresh database each; load average ${os
        .loadavg()
        .map((l) => fmt(l, 1))
        .join(' ')}`,
  );
  const results: ImportRound[] = [];
  for (let round = 1; round <= rounds; round++) {
    const r = await importRound(opts, n);
    results.push(r);
    const share = (ms: number) => `${fmt(ms)} ms (${fmt((100 * ms) / r.importMs)} %)`;
    log(
      `round ${round}: CSV ${fmt(r.csvBytes / 1e6, 1)} MB, preview ${fmt(r.previewMs)} ms; ` +
        `import ${fmt(r.importRate)} records/s (${fmt(r.importMs)} ms: check ${share(r.checkMs)}, ` +
        `seal ${share(r.sealMs)}, write ${share(r.writeMs)}), CPU ${fmt(r.importCpuMs)} ms ` +
        `(${fmt(n / (r.importCpuMs / 1000))} records per CPU-second of this process); ` +
        `baseline ${fmt(r.baselineRate)} records/s (${fmt(r.baselineMs)} ms, CPU ${fmt(r.baselineCpuMs)} ms); ` +
        `ratio ${fmt(r.ratio, 3)}; RSS ${mb(r.rssBeforeBytes)} MiB before, peak ${mb(r.peakRssBytes)} MiB; ` +
        `${fmt(r.indexRows / n, 1)} index rows per record; search found ${r.found} record with its values; load average ${fmt(os.loadavg()[0]!, 1)}`,
    );
  }
  const median = (f: (r: ImportRound) => number) => stats(results.map(f)).median;
  const rate = median((r) => r.importRate);
  log(
    `vault-import ${opts.db}${rounds > 1 ? ` (median of ${rounds})` : ''}: ${fmt(rate)} records/s ` +
      `(goal ≥ ${fmt(GOAL)}: ${rate >= GOAL ? 'met' : 'not met'}), baseline ${fmt(
        median((r) => r.baselineRate),
      )} records/s, ratio ${fmt(
        median((r) => r.ratio),
        3,
      )}, peak RSS ${mb(median((r) => r.peakRssBytes))} MiB`,
  );
  return results;
}
