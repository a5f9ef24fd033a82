/**
 * (c) Inclusion-proof time at 10 million entries.
 *
 * Building: a migrated SQLite database is filled directly (appending 10 M entries through group
 * commit and the sequencer would take long and is measured elsewhere): real access entries with
 * sequential ids, each given its leaf number and its RFC 9162 leaf hash of the canonical bytes
 * (entryLeafHash, as the sequencer does), the perfect subtrees computed by the same Frontier the
 * sequencer uses, and one checkpoint signed by the log's note signer, all bulk-inserted through raw
 * better-sqlite3 prepared statements in transactions of 100,000 entries (synchronous=OFF while
 * building only). Every index of the schema stays in place. With --dir the database is kept and
 * reused by later runs of the same size.
 *
 * Timing: the database is then opened as the server opens it (WAL, synchronous=FULL) and
 * `ledger.proveInclusion(db, leaf)` — checkpoint read, proof nodes read, proof checked against the
 * checkpoint's root before answering — is timed for `samples` random leaves after a warm-up.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { migrate, openDatabase } from '../server/platform/db/index.ts';
import { CONTENT_COLUMNS, entryLeafHash, type EntryColumns } from '../server/platform/ledger/entry-codec.ts';
import { Frontier, verifyInclusion } from '../server/platform/ledger/merkle.ts';
import { checkpointText, createNoteSigner } from '../server/platform/ledger/note.ts';
import { createProver } from '../server/platform/ledger/proofs.ts';
import { fmt, log, now, stats, timed, uuidFrom, type BenchOptions } from './support.ts';

const ORIGIN = 'bench.mamori.example/log';
const CHUNK = 100_000;
const COLUMNS = [...CONTENT_COLUMNS, 'leaf_index', 'leaf_hash'] as const;

function entry(i: number): EntryColumns {
  const start = Date.UTC(2026, 3, 1);
  return {
    id: uuidFrom(i),
    kind: 'access',
    type: 'vault.record.read',
    occurred_at: new Date(start + i * 1000).toISOString(),
    actor_id: uuidFrom(100_000_000 + (i % 500)),
    actor_label: `P${String(i % 500).padStart(6, '0')}`,
    request_id: null,
    ip: '10.0.0.1',
    terminal_id: null,
    unit_id: uuidFrom(200_000_000 + (i % 51)),
    section_id: uuidFrom(300_000_000 + (i % 400)),
    purpose: '学籍管理',
    subject_type: 'file',
    subject_id: uuidFrom(400_000_000 + (i % 1000)),
    outcome: 'ok',
    reason: null,
    payload: '{"records":[],"fields":null,"myNumber":false}',
    payload_digest: null,
    pruned_at: null,
  };
}

async function build(file: string, n: number): Promise<void> {
  const database = openDatabase(`sqlite:${file}`);
  await migrate(database);
  await database.close();
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  // Secondary indexes the proofs do not use are dropped while loading and recreated at the end (a
  // sorted build is much faster than 10 M random inserts); the schema ends up exactly as migrated.
  const secondary = db
    .prepare<[], { name: string; sql: string }>(
      `select name, sql from sqlite_master where type = 'index' and tbl_name = 'ledger_entries'
       and name in ('ledger_entries_time', 'ledger_entries_actor', 'ledger_entries_subject')`,
    )
    .all();
  for (const ix of secondary) db.exec(`drop index ${ix.name}`);
  const insertEntry = db.prepare(
    `insert into ledger_entries (${COLUMNS.join(', ')}) values (${COLUMNS.map(() => '?').join(', ')})`,
  );
  const insertNode = db.prepare('insert into ledger_nodes (level, idx, hash) values (?, ?, ?)');
  const frontier = new Frontier();
  const t0 = now();
  for (let from = 0; from < n; from += CHUNK) {
    const to = Math.min(n, from + CHUNK);
    db.transaction(() => {
      for (let i = from; i < to; i++) {
        const e = entry(i);
        const leaf = entryLeafHash(e);
        insertEntry.run(...CONTENT_COLUMNS.map((c) => e[c]), i, leaf);
        frontier.push(leaf, (k, h) => insertNode.run(k.level, k.index, h));
      }
    })();
    if ((to / CHUNK) % 10 === 0 || to === n)
      log(`  built ${fmt(to)} entries (${fmt(((now() - t0) / 1000) * (n / to - 1))} s to go)`);
  }
  const signer = createNoteSigner(ORIGIN, crypto.randomBytes(32));
  const checkpoint = {
    origin: ORIGIN,
    treeSize: n,
    rootHash: frontier.root(),
    issuedAt: new Date().toISOString(),
  };
  db.prepare(
    'insert into ledger_checkpoints (tree_size, root_hash, issued_at, note) values (?, ?, ?, ?)',
  ).run(n, checkpoint.rootHash, checkpoint.issuedAt, signer.sign(checkpointText(checkpoint)));
  for (const ix of secondary) db.exec(ix.sql);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('analyze');
  db.close();
  log(`  built in ${fmt((now() - t0) / 1000)} s; database ${fmt(fs.statSync(file).size / 2 ** 20)} MiB`);
}

export async function proofBench(opts: BenchOptions) {
  const n = opts.entries ?? 10_000_000;
  const samples = opts.samples ?? 2000;
  log(
    `\n## proof (${opts.db}): inclusion proofs in a tree of ${fmt(n)} entries, ${fmt(samples)} random leaves`,
  );
  if (opts.db !== 'sqlite') {
    log('skipped: the 10 M-entry tree is built on SQLite only (see docs/benchmarks.md)');
    return null;
  }
  const file = path.join(opts.dir, `proof-${n}.sqlite`);
  const ready = fs.existsSync(file) && fs.existsSync(`${file}.done`);
  if (ready) log(`  reusing ${file}`);
  else {
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    await build(file, n);
    fs.writeFileSync(`${file}.done`, '');
  }

  const database = openDatabase(`sqlite:${file}`);
  await migrate(database); // a tree kept from an earlier run gets the current schema
  try {
    const { db } = database;
    const { proveInclusion } = createProver(); // as the ledger holds it
    const leaves = Array.from({ length: samples }, () => crypto.randomInt(0, n));
    for (const leaf of leaves.slice(0, 100)) await proveInclusion(db, leaf); // warm-up
    const times: number[] = [];
    let proofLength = 0;
    const all = await timed(async () => {
      for (const leaf of leaves) {
        const t0 = now();
        const p = await proveInclusion(db, leaf);
        times.push(now() - t0);
        proofLength = p.proof.length;
      }
    });
    // Each proof checks out against the checkpoint (not timed).
    const p = await proveInclusion(db, leaves[0]!);
    if (!verifyInclusion(p.leafIndex, p.treeSize, p.leafHash, p.proof, p.rootHash))
      throw new Error('an inclusion proof did not verify');
    const s = stats(times);
    log(
      `inclusion proof ${opts.db} at ${fmt(n)}: median ${fmt(s.median, 3)} ms, p90 ${fmt(s.p90, 3)} ms, ` +
        `p99 ${fmt(s.p99, 3)} ms, max ${fmt(s.max, 3)} ms, mean ${fmt(s.mean, 3)} ms ` +
        `(${fmt(proofLength)} hashes per proof; ${fmt(all.cpuMs / samples, 3)} ms CPU each) (goal < 1 ms)`,
    );
    return { ...s };
  } finally {
    await database.close();
  }
}
