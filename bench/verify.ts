/**
 * (b) Full verification time against the hash-bound floor.
 *
 * A log of `entries` access entries is written by group commit and sequenced (the sequencing rate is
 * reported too). Then, in the same run:
 *   - verify: `ledger.verify(db)`, what `mamori log verify` runs: every checkpoint's signature, every
 *     leaf recomputed from its entry, the tree recomputed and compared node by node, the record index;
 *   - floor: the same leaf and node hashes computed in a tight loop over the same entries' canonical
 *     bytes already in memory (RFC 9162 leaf hash of each entry's bytes, pushed into a Frontier, which
 *     computes every interior node hash): the least work any verification must do.
 * Ratio = verify time / floor time (goal ≤ 1.5).
 *
 * Reference (SQLite): reading the same rows in leaf order, 5000 at a time, through better-sqlite3
 * directly into arrays (no query builder, no objects): the least any verification that reads the
 * entries from the database pays before it hashes anything.
 */
import SQLite from 'better-sqlite3';
import { entryBytes } from '../server/platform/ledger/entry-codec.ts';
import { CODEC_COLUMNS, ledgerRepo } from '../server/platform/ledger/ledger.repo.ts';
import { Frontier, leafHash } from '../server/platform/ledger/merkle.ts';
import {
  benchLedger,
  fmt,
  log,
  now,
  openBenchDb,
  sampleAccess,
  sampleCtx,
  settle,
  stats,
  timed,
  type BenchOptions,
} from './support.ts';

type Reader =
  'leavesFrom' | 'nodeRange' | 'recordRefs' | 'orphanRecordRefs' | 'countNodes' | 'checkpointsFrom';

/** Wraps the repo's reads to see where verification spends its wall time (restored afterwards). */
function instrument(): { spent: Map<Reader, number>; restore: () => void } {
  const spent = new Map<Reader, number>();
  const repo = ledgerRepo as unknown as Record<Reader, (...a: unknown[]) => Promise<unknown>>;
  const saved = new Map<Reader, (...a: unknown[]) => Promise<unknown>>();
  for (const name of [
    'leavesFrom',
    'nodeRange',
    'recordRefs',
    'orphanRecordRefs',
    'countNodes',
    'checkpointsFrom',
  ] as const) {
    const original = repo[name];
    if (typeof original !== 'function') continue;
    saved.set(name, original);
    repo[name] = async (...args: unknown[]) => {
      const t0 = now();
      try {
        return await original.apply(ledgerRepo, args);
      } finally {
        spent.set(name, (spent.get(name) ?? 0) + now() - t0);
      }
    };
  }
  return { spent, restore: () => saved.forEach((f, name) => (repo[name] = f)) };
}

export async function verifyBench(opts: BenchOptions) {
  const n = opts.entries ?? 200_000;
  const rounds = opts.rounds ?? 3;
  log(`\n## verify (${opts.db}): ${fmt(n)} entries, ${rounds} rounds`);
  const target = await openBenchDb(opts);
  try {
    const { database } = target;
    const ledger = benchLedger(database);
    let next = 0;
    await Promise.all(
      Array.from({ length: 5000 }, async () => {
        for (let i = next++; i < n; i = next++) await ledger.access(sampleCtx(i), sampleAccess(i));
      }),
    );
    const seq = await timed(() => ledger.sequence());
    if (seq.value !== n) throw new Error(`sequenced ${seq.value} of ${n}`);
    log(
      `sequencing: ${fmt((n / seq.ms) * 1000)} entries/s (${fmt(seq.ms)} ms wall, ${fmt(seq.cpuMs)} ms CPU)`,
    );

    // The same entries' canonical bytes, in leaf order, in memory (not timed).
    const bytes: Buffer[] = [];
    for (let from = 0; from < n;) {
      const rows = await ledgerRepo.leavesFrom(database.db, from, 20_000);
      for (const r of rows) bytes.push(entryBytes(r));
      from += rows.length;
    }
    const root = (await ledger.latestCheckpoint(database.db))!.rootHash;

    const rawRead = target.file ? rawReadMs(target.file, n) : null;
    if (rawRead !== null)
      log(
        `reference: reading the ${fmt(n)} entries' rows with the raw driver, no hashing: ${fmt(rawRead)} ms ` +
          `(${fmt((rawRead / n) * 1000, 2)} µs per entry)`,
      );
    const verifyRuns: { ms: number; cpuMs: number }[] = [];
    const floorRuns: { ms: number; cpuMs: number }[] = [];
    for (let round = 1; round <= rounds; round++) {
      settle();
      const reads = instrument();
      const v = await timed(() => ledger.verify(database.db)).finally(reads.restore);
      if (!v.value.ok || v.value.leavesChecked !== n)
        throw new Error(`verification failed: ${JSON.stringify(v.value.problems.slice(0, 3))}`);
      verifyRuns.push(v);
      settle();
      const f = await timed(() => {
        const frontier = new Frontier();
        let nodes = 0;
        for (const b of bytes) frontier.push(leafHash(b), () => (nodes += 1));
        if (!frontier.root().equals(root))
          throw new Error('the floor loop does not reach the checkpoint root');
        return Promise.resolve(nodes);
      });
      floorRuns.push(f);
      log(
        `round ${round}: verify ${fmt(v.ms)} ms wall / ${fmt(v.cpuMs)} ms CPU (${fmt((n / v.ms) * 1000)} entries/s); ` +
          `floor ${fmt(f.ms)} ms wall / ${fmt(f.cpuMs)} ms CPU (${fmt(n)} leaf + ${fmt(f.value + 1)} node hashes); ` +
          `ratio ${fmt(v.ms / f.ms, 2)} wall, ${fmt(v.cpuMs / f.cpuMs, 2)} CPU; database reads: ` +
          [...reads.spent].map(([k, ms]) => `${k} ${fmt(ms)} ms`).join(', '),
      );
    }
    const vm = stats(verifyRuns.map((r) => r.ms)).median;
    const fm = stats(floorRuns.map((r) => r.ms)).median;
    const vc = stats(verifyRuns.map((r) => r.cpuMs)).median;
    const fc = stats(floorRuns.map((r) => r.cpuMs)).median;
    log(
      `verify ${opts.db} (median of ${rounds}): verify ${fmt(vm)} ms, floor ${fmt(fm)} ms, ` +
        `ratio ${fmt(vm / fm, 2)} wall / ${fmt(vc / fc, 2)} CPU (goal ≤ 1.5)` +
        (rawRead !== null
          ? `; reading alone is ${fmt(rawRead / fm, 2)} × the floor, so even reading and hashing overlapped ` +
            `perfectly on both cores would take ${fmt((rawRead + fm) / 2 / fm, 2)} × the floor`
          : ''),
    );
    return { verifyMs: vm, floorMs: fm, ratio: vm / fm };
  } finally {
    await target.drop();
  }
}

/** Wall time to read every sequenced entry's codec columns with better-sqlite3 directly (arrays). */
function rawReadMs(file: string, n: number): number {
  const db = new SQLite(file, { readonly: true });
  try {
    const select = db
      .prepare(
        `select ${CODEC_COLUMNS.join(', ')} from ledger_entries where leaf_index >= ? order by leaf_index limit 5000`,
      )
      .raw(true);
    const runs: number[] = [];
    for (let round = 0; round < 3; round++) {
      const t0 = now();
      let read = 0;
      for (let from = 0; ;) {
        const rows = select.all(from) as unknown[][];
        if (rows.length === 0) break;
        read += rows.length;
        from = Number(rows[rows.length - 1]![CODEC_COLUMNS.indexOf('leaf_index')]) + 1;
      }
      if (read !== n) throw new Error(`read ${read} rows, not ${n}`);
      runs.push(now() - t0);
    }
    return stats(runs).median;
  } finally {
    db.close();
  }
}
