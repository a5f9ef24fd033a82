/**
 * (a) Durable appends per second with group commit, against plain batched INSERTs of the same rows.
 *
 * Group commit: `concurrency` callers each call `ledger.access(ctx, event)` and, once it resolves
 * (the entry is committed: durable), the next one, until `entries` entries are written. The sequencer
 * is not running (appending is what is measured; sequencing is measured by the verify benchmark).
 *
 * Baseline, same run: the very rows the group commit wrote (read back, with their seq and their
 * record index rows) are inserted into a fresh database by plain batched INSERTs through the same
 * database layer (Kysely, 1000 rows per statement), one transaction per 5000 rows (the appender's
 * largest batch), with no promises per entry and no queue. Ratio = group commit rate / baseline rate.
 * For reference (SQLite), the same batches also go through better-sqlite3 prepared statements directly.
 */
import SQLite from 'better-sqlite3';
import type { Database } from '../server/platform/db/index.ts';
import {
  benchLedger,
  fmt,
  log,
  openBenchDb,
  stats,
  timed,
  sampleAccess,
  sampleCtx,
  settle,
  type BenchOptions,
} from './support.ts';

const BASELINE_BATCH = 5000;

function counting(database: Database) {
  const counter = { transactions: 0 };
  const wrapped: Database = {
    ...database,
    transaction: (fn) => {
      counter.transactions += 1;
      return database.transaction(fn);
    },
  };
  return { wrapped, counter };
}

async function groupCommit(opts: BenchOptions, n: number, concurrency: number) {
  const target = await openBenchDb(opts);
  const { wrapped, counter } = counting(target.database);
  const ledger = benchLedger(wrapped);
  const ctxs = Array.from({ length: n }, (_, i) => sampleCtx(i));
  const events = Array.from({ length: n }, (_, i) => sampleAccess(i));
  settle();
  let next = 0;
  const { ms, cpuMs } = await timed(() =>
    Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let i = next++; i < n; i = next++) await ledger.access(ctxs[i]!, events[i]!);
      }),
    ),
  );
  if (ledger.health().writer.failing) throw new Error('the writer failed during the benchmark');
  return { target, ms, cpuMs, transactions: counter.transactions };
}

async function plainInserts(opts: BenchOptions, source: Database) {
  const entries = await source.db.selectFrom('ledger_entries').selectAll().orderBy('seq').execute();
  const refs = await source.db.selectFrom('ledger_record_refs').selectAll().orderBy('entry_seq').execute();
  const target = await openBenchDb(opts);
  const refsBySeq = new Map<number, typeof refs>();
  for (const r of refs) {
    const list = refsBySeq.get(Number(r.entry_seq));
    if (list) list.push(r);
    else refsBySeq.set(Number(r.entry_seq), [r]);
  }
  const batches: { rows: typeof entries; refs: typeof refs }[] = [];
  for (let i = 0; i < entries.length; i += BASELINE_BATCH) {
    const rows = entries.slice(i, i + BASELINE_BATCH);
    batches.push({ rows, refs: rows.flatMap((r) => refsBySeq.get(Number(r.seq)) ?? []) });
  }
  settle();
  const { ms, cpuMs } = await timed(async () => {
    for (const b of batches)
      // The same insert the group commit uses (prepared statements on SQLite, multi-row on PostgreSQL);
      // the record index is not on the append path (the sequencer fills it), so there are no refs here.
      await target.database.transaction(async (tx) => {
        await target.database.insertRows(tx, 'ledger_entries', b.rows);
        if (b.refs.length) await target.database.insertRows(tx, 'ledger_record_refs', b.refs);
      });
  });
  await target.drop();
  const raw = opts.db === 'sqlite' ? await rawDriverInserts(opts, batches) : null;
  return { ms, cpuMs, rows: entries.length, refs: refs.length, transactions: batches.length, raw };
}

/**
 * Reference only (SQLite): the same batches through better-sqlite3 directly, one cached prepared
 * statement per table, no query builder: what SQLite itself costs for these rows and indexes.
 */
async function rawDriverInserts(
  opts: BenchOptions,
  batches: { rows: Record<string, unknown>[]; refs: { entry_seq: number; record_id: string }[] }[],
) {
  const target = await openBenchDb(opts);
  await target.database.close();
  const db = new SQLite(target.file!);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  const columns = Object.keys(batches[0]!.rows[0]!);
  const insertEntry = db.prepare(
    `insert into ledger_entries (${columns.join(', ')}) values (${columns.map((c) => `@${c}`).join(', ')})`,
  );
  const insertRef = db.prepare(
    'insert into ledger_record_refs (entry_seq, record_id) values (@entry_seq, @record_id)',
  );
  const write = db.transaction((b: (typeof batches)[number]) => {
    for (const r of b.rows) insertEntry.run(r);
    for (const r of b.refs) insertRef.run(r);
  });
  settle();
  const { ms, cpuMs } = await timed(() => {
    for (const b of batches) write(b);
    return Promise.resolve();
  });
  db.close();
  await target.drop();
  return { ms, cpuMs };
}

export async function appendBench(opts: BenchOptions) {
  const n = opts.entries ?? 200_000;
  const concurrency = opts.concurrency ?? 5000;
  const rounds = opts.rounds ?? 3;
  log(
    `\n## append (${opts.db}): ${fmt(n)} access entries, ${fmt(concurrency)} concurrent callers, ${rounds} rounds`,
  );
  const results: { gc: number; base: number; ratio: number; cpuRatio: number; gcPerCpuS: number }[] = [];
  for (let round = 1; round <= rounds; round++) {
    const gc = await groupCommit(opts, n, concurrency);
    const base = await plainInserts(opts, gc.target.database);
    await gc.target.drop();
    const gcRate = (n / gc.ms) * 1000;
    const baseRate = (base.rows / base.ms) * 1000;
    const r = {
      gc: gcRate,
      base: baseRate,
      ratio: gcRate / baseRate,
      cpuRatio: base.cpuMs / base.rows / (gc.cpuMs / n),
      gcPerCpuS: (n / gc.cpuMs) * 1000,
    };
    results.push(r);
    log(
      `round ${round}: group commit ${fmt(gcRate)} entries/s (${fmt(gc.ms)} ms wall, ${fmt(gc.cpuMs)} ms CPU, ` +
        `${fmt(gc.transactions)} transactions, mean batch ${fmt(n / gc.transactions)}); ` +
        `plain batched INSERTs ${fmt(baseRate)} rows/s (${fmt(base.ms)} ms wall, ${fmt(base.cpuMs)} ms CPU, ` +
        `${fmt(base.transactions)} transactions, ${fmt(base.refs)} record-index rows); ` +
        (base.raw
          ? `[reference: raw better-sqlite3 prepared statements ${fmt((base.rows / base.raw.ms) * 1000)} rows/s, ` +
            `${fmt(base.raw.ms)} ms wall, ${fmt(base.raw.cpuMs)} ms CPU]; `
          : '') +
        `ratio ${fmt(r.ratio, 2)} wall, ${fmt(r.cpuRatio, 2)} CPU`,
    );
  }
  const median = (f: (r: (typeof results)[number]) => number) => stats(results.map(f)).median;
  log(
    `append ${opts.db} (median of ${rounds}): group commit ${fmt(median((r) => r.gc))} entries/s ` +
      `(${fmt(median((r) => r.gcPerCpuS))} per CPU-second), baseline ${fmt(median((r) => r.base))} rows/s, ` +
      `ratio ${fmt(
        median((r) => r.ratio),
        2,
      )} wall / ${fmt(
        median((r) => r.cpuRatio),
        2,
      )} CPU` +
      ` (goal ≥ 0.80${opts.db === 'sqlite' ? ' and ≥ 50,000 entries/s' : ''})`,
  );
  return results;
}
