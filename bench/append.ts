/**
 * (a) Durable appends per second with group commit, against plain batched INSERTs of the same rows.
 *
 * Group commit: `concurrency` callers each call `ledger.access(ctx, event)` and, once it resolves
 * (the entry is committed: durable), the next one, until `entries` entries are written. The sequencer
 * is not running (appending is what is measured; sequencing is measured by the verify benchmark).
 *
 * Baseline (the goal's ratio), same run: plain batched INSERTs of the same rows. The same events
 * with the same request contexts become rows through the same code (`accessRow`, rows.ts) and go
 * into a fresh database 5000 to a transaction (the appender's largest batch) through the same
 * insert (`database.insertRows`): what group commit does, minus the queue, the shared promise and
 * the thousands of waiting callers. Ratio = group commit rate / baseline rate.
 *
 * References, same run: the very rows the group commit wrote, read back (already built, so no
 * building, no garbage collection of young rows) and inserted the same way; and (SQLite) the same
 * rows through better-sqlite3 prepared statements directly, without the database layer.
 */
import SQLite from 'better-sqlite3';
import type { Database } from '../server/platform/db/index.ts';
import type { EntryInsert } from '../server/platform/ledger/ledger.repo.ts';
import { accessRow } from '../server/platform/ledger/rows.ts';
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

/** The goal's baseline: the same events made into rows by the same code, inserted 5000 to a transaction. */
async function plainBatchedInserts(opts: BenchOptions, n: number) {
  const target = await openBenchDb(opts);
  const ctxs = Array.from({ length: n }, (_, i) => sampleCtx(i));
  const events = Array.from({ length: n }, (_, i) => sampleAccess(i));
  settle();
  const { ms, cpuMs } = await timed(async () => {
    for (let i = 0; i < n; i += BASELINE_BATCH) {
      const rows: EntryInsert[] = [];
      for (let k = i; k < Math.min(n, i + BASELINE_BATCH); k++)
        rows.push(accessRow(ctxs[k]!, new Date(), events[k]!));
      await target.database.transaction((tx) => target.database.insertRows(tx, 'ledger_entries', rows));
    }
  });
  const written = Number(
    (
      await target.database.db
        .selectFrom('ledger_entries')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  await target.drop();
  if (written !== n) throw new Error(`the baseline wrote ${written} rows, not ${n}`);
  return { ms, cpuMs, transactions: Math.ceil(n / BASELINE_BATCH) };
}

/** Reference: the rows the group commit wrote, read back (already built) and inserted the same way. */
async function prebuiltInserts(opts: BenchOptions, source: Database) {
  const entries = await source.db.selectFrom('ledger_entries').selectAll().orderBy('seq').execute();
  const target = await openBenchDb(opts);
  const batches: { rows: typeof entries }[] = [];
  for (let i = 0; i < entries.length; i += BASELINE_BATCH)
    batches.push({ rows: entries.slice(i, i + BASELINE_BATCH) });
  settle();
  const { ms, cpuMs } = await timed(async () => {
    for (const b of batches)
      await target.database.transaction((tx) => target.database.insertRows(tx, 'ledger_entries', b.rows));
  });
  await target.drop();
  const raw = opts.db === 'sqlite' ? await rawDriverInserts(opts, batches) : null;
  return { ms, cpuMs, rows: entries.length, raw };
}

/**
 * Reference only (SQLite): the same batches through better-sqlite3 directly, one cached prepared
 * statement per table, no query builder: what SQLite itself costs for these rows and indexes.
 */
async function rawDriverInserts(opts: BenchOptions, batches: { rows: Record<string, unknown>[] }[]) {
  const target = await openBenchDb(opts);
  await target.database.close();
  const db = new SQLite(target.file!);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  const columns = Object.keys(batches[0]!.rows[0]!);
  const insertEntry = db.prepare(
    `insert into ledger_entries (${columns.join(', ')}) values (${columns.map((c) => `@${c}`).join(', ')})`,
  );
  const write = db.transaction((b: (typeof batches)[number]) => {
    for (const r of b.rows) insertEntry.run(r);
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
  const results: { gc: number; base: number; ratio: number; cpuRatio: number; prebuilt: number }[] = [];
  for (let round = 1; round <= rounds; round++) {
    // Alternate which runs first, so that neither always meets the machine in the same state.
    const baseFirst = round % 2 === 0;
    const base0 = baseFirst ? await plainBatchedInserts(opts, n) : null;
    const gc = await groupCommit(opts, n, concurrency);
    const base = base0 ?? (await plainBatchedInserts(opts, n));
    const pre = await prebuiltInserts(opts, gc.target.database);
    await gc.target.drop();
    const rate = (count: number, ms: number) => (count / ms) * 1000;
    const r = {
      gc: rate(n, gc.ms),
      base: rate(n, base.ms),
      ratio: base.ms / gc.ms,
      cpuRatio: base.cpuMs / gc.cpuMs,
      prebuilt: rate(pre.rows, pre.ms),
    };
    results.push(r);
    log(
      `round ${round}: group commit ${fmt(r.gc)} entries/s (${fmt(gc.ms)} ms wall, ${fmt(gc.cpuMs)} ms CPU, ` +
        `${fmt(gc.transactions)} transactions, mean batch ${fmt(n / gc.transactions)}); ` +
        `plain batched INSERTs of the same rows ${fmt(r.base)} rows/s (${fmt(base.ms)} ms wall, ${fmt(base.cpuMs)} ms CPU, ` +
        `${fmt(base.transactions)} transactions); ratio ${fmt(r.ratio, 2)} wall, ${fmt(r.cpuRatio, 2)} CPU; ` +
        `[references: the written rows read back and inserted again ${fmt(r.prebuilt)} rows/s (${fmt(pre.ms)} ms), ` +
        `ratio ${fmt(r.gc / r.prebuilt, 2)}` +
        (pre.raw
          ? `; raw better-sqlite3 prepared statements ${fmt(rate(pre.rows, pre.raw.ms))} rows/s (${fmt(pre.raw.ms)} ms)`
          : '') +
        ']',
    );
  }
  const median = (f: (r: (typeof results)[number]) => number) => stats(results.map(f)).median;
  log(
    `append ${opts.db} (median of ${rounds}): group commit ${fmt(median((r) => r.gc))} entries/s, ` +
      `plain batched INSERTs ${fmt(median((r) => r.base))} rows/s, ratio ${fmt(
        median((r) => r.ratio),
        2,
      )} wall / ${fmt(
        median((r) => r.cpuRatio),
        2,
      )} CPU (goal ≥ 0.80${opts.db === 'sqlite' ? ' and ≥ 50,000 entries/s' : ''}); ` +
      `reference: rows read back ${fmt(median((r) => r.prebuilt))} rows/s, ratio ${fmt(
        median((r) => r.gc / r.prebuilt),
        2,
      )}`,
  );
  return results;
}
