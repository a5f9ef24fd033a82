import type { Executor } from '../db/index.ts';
import { entryLeafHash } from './entry-codec.ts';
import { ledgerRepo, type CodecRow } from './ledger.repo.ts';
import { Frontier, type Hash } from './merkle.ts';
import { recordsNamed } from './sequencer.ts';
import { openNote, parseCheckpointText, type NoteVerifier } from './note.ts';

/** One thing that does not match, located: which entry, leaf, tree node or checkpoint. */
export interface VerifyProblem {
  kind:
    | 'checkpoint_signature'
    | 'checkpoint_root'
    | 'entry_altered'
    | 'leaf_missing'
    | 'leaf_beyond_checkpoint'
    | 'node_altered'
    | 'node_extra'
    | 'record_index'
    | 'pruned_early'
    | 'witness';
  message: string;
  leafIndex?: number;
  entryId?: string;
  treeSize?: number;
  node?: { level: number; index: number; firstLeaf: number; lastLeaf: number };
}

export interface VerifyResult {
  ok: boolean;
  /** The size of the latest stored checkpoint. */
  treeSize: number;
  leavesChecked: number;
  checkpointsChecked: number;
  /** Entries written but not yet sequenced (not an error: the sequencer places them within seconds). */
  pending: number;
  problems: VerifyProblem[];
}

export interface VerifyOptions {
  verifier: NoteVerifier;
  origin: string;
  /** Checkpoint notes kept outside the database (witnesses, --against): the log must extend them. */
  against?: { label: string; note: string }[];
  onProgress?: (done: number, total: number) => void;
  chunk?: number;
  maxProblems?: number;
}

interface Target {
  root: Hash;
  label: string;
  witness: boolean;
}

/**
 * Recomputes every leaf from the entries and the whole tree from the leaves, compares each with what
 * is stored (leaf hashes, perfect subtrees, the record index) and each signed checkpoint with the
 * recomputed root at its size (A22-2). Nothing stored is trusted: checkpoints count only if their
 * Ed25519 signature verifies with a key kept outside the database. Streams in chunks (O(log n) memory
 * for the tree).
 */
export async function verifyLog(db: Executor, opts: VerifyOptions): Promise<VerifyResult> {
  const maxProblems = opts.maxProblems ?? 100;
  const chunk = opts.chunk ?? 5000;
  const problems: VerifyProblem[] = [];
  const report = (p: VerifyProblem) => {
    if (problems.length < maxProblems) problems.push(p);
  };

  // 1. Checkpoints: each must be signed by the log's key and say what its row says.
  const targets = new Map<number, Target[]>();
  const addTarget = (size: number, t: Target) => targets.set(size, [...(targets.get(size) ?? []), t]);
  let latest = 0;
  let checkpointsChecked = 0;
  for (let from = 0; ;) {
    const rows = await ledgerRepo.checkpointsFrom(db, from, 1000);
    for (const row of rows) {
      const size = Number(row.tree_size);
      latest = Math.max(latest, size);
      checkpointsChecked += 1;
      try {
        const cp = parseCheckpointText(openNote(row.note, opts.verifier));
        if (cp.origin !== opts.origin) throw new Error(`origin is ${cp.origin}, not ${opts.origin}`);
        if (cp.treeSize !== size || !cp.rootHash.equals(row.root_hash) || cp.issuedAt !== row.issued_at)
          throw new Error('the stored columns differ from the signed note');
        addTarget(size, { root: cp.rootHash, label: `checkpoint ${size}`, witness: false });
      } catch (e) {
        report({
          kind: 'checkpoint_signature',
          treeSize: size,
          message: `checkpoint of tree size ${size}: ${(e as Error).message}`,
        });
      }
    }
    if (rows.length < 1000) break;
    from = Number(rows[rows.length - 1]!.tree_size) + 1;
  }
  let witnessedSize = 0;
  let widest = '';
  for (const w of opts.against ?? []) {
    try {
      const cp = parseCheckpointText(openNote(w.note, opts.verifier));
      if (cp.origin !== opts.origin) throw new Error(`origin is ${cp.origin}, not ${opts.origin}`);
      addTarget(cp.treeSize, { root: cp.rootHash, label: w.label, witness: true });
      if (cp.treeSize > witnessedSize) widest = w.label;
      witnessedSize = Math.max(witnessedSize, cp.treeSize);
    } catch (e) {
      report({ kind: 'witness', message: `${w.label}: ${(e as Error).message}` });
    }
  }

  // 2. Entries in leaf order: recompute leaves, the tree, and compare.
  const frontier = new Frontier();
  const total = Math.max(latest, witnessedSize);
  const prunedMax = new Map<string, { at: string; id: string }>();
  const pruneCutoffs = new Map<string, string>();
  let expected = 0;
  for (;;) {
    const rows = await ledgerRepo.leavesFrom(db, expected, chunk);
    if (rows.length === 0) break;
    const computed: { level: number; index: number; hash: Hash }[] = [];
    const refsWanted: { seq: number; id: string; leaf: number; records: string[] }[] = [];
    for (const row of rows) {
      const leaf = Number(row.leaf_index);
      if (leaf !== expected) {
        report({
          kind: 'leaf_missing',
          leafIndex: expected,
          message: `leaves ${expected}–${leaf - 1} are missing (entries deleted)`,
        });
        expected = leaf;
      }
      if (leaf >= latest && leaf >= witnessedSize)
        report({
          kind: 'leaf_beyond_checkpoint',
          leafIndex: leaf,
          entryId: row.id,
          message: `entry ${row.id} claims leaf ${leaf}, beyond the latest signed checkpoint (${latest})`,
        });
      let hash: Hash;
      try {
        hash = entryLeafHash(row);
      } catch (e) {
        hash = Buffer.alloc(32);
        report({ kind: 'entry_altered', leafIndex: leaf, entryId: row.id, message: (e as Error).message });
      }
      if (!row.leaf_hash || !hash.equals(row.leaf_hash))
        report({
          kind: 'entry_altered',
          leafIndex: leaf,
          entryId: row.id,
          message: `entry ${row.id} at leaf ${leaf} does not match its leaf hash (altered)`,
        });
      noteRetention(row, prunedMax, pruneCutoffs);
      const records = recordsNamed(row)?.sort() ?? null;
      if (records) refsWanted.push({ seq: Number(row.seq), id: row.id, leaf, records });
      frontier.push(hash, (k, h) => computed.push({ level: k.level, index: k.index, hash: h }));
      for (const t of targets.get(frontier.size) ?? [])
        if (!frontier.root().equals(t.root))
          report({
            kind: t.witness ? 'witness' : 'checkpoint_root',
            treeSize: frontier.size,
            message: `${t.label}: the entries up to leaf ${frontier.size - 1} do not give its root hash`,
          });
      expected = leaf + 1;
    }
    await compareNodes(db, computed, report);
    await compareRefs(db, refsWanted, report);
    opts.onProgress?.(Math.min(expected, total), total);
  }
  if (frontier.size < total)
    report({
      kind: frontier.size < latest ? 'leaf_missing' : 'witness',
      leafIndex: frontier.size,
      treeSize: total,
      message: `the log has ${frontier.size} leaves but ${witnessedSize > latest ? widest : `checkpoint ${latest}`} covers ${total}: entries from leaf ${frontier.size} were removed`,
    });
  const orphans = await ledgerRepo.orphanRecordRefs(db);
  if (orphans > 0)
    report({
      kind: 'record_index',
      message: `the record index has ${orphans} rows for entries that do not exist`,
    });
  for (const level of await ledgerRepo.countNodes(db)) {
    const expectedCount = Math.floor(frontier.size / 2 ** level.level);
    if (Number(level.n) > expectedCount)
      report({
        kind: 'node_extra',
        message: `level ${level.level} has ${Number(level.n)} stored nodes; the entries make ${expectedCount}`,
      });
  }
  for (const [kind, max] of prunedMax) {
    const cutoff = pruneCutoffs.get(kind);
    if (!cutoff || max.at >= cutoff)
      report({
        kind: 'pruned_early',
        entryId: max.id,
        message: `entry ${max.id} (${kind}, ${max.at}) was emptied without a pruning record that covers it`,
      });
  }
  return {
    ok: problems.length === 0,
    treeSize: latest,
    leavesChecked: frontier.size,
    checkpointsChecked,
    pending: await ledgerRepo.count(db, { pending: true }),
    problems,
  };
}

/** Retention (A22-1): pruned entries, and the pruning records (themselves entries) that allow them. */
function noteRetention(
  row: CodecRow,
  prunedMax: Map<string, { at: string; id: string }>,
  pruneCutoffs: Map<string, string>,
) {
  if (row.pruned_at !== null) {
    const cur = prunedMax.get(row.kind);
    if (!cur || row.occurred_at > cur.at) prunedMax.set(row.kind, { at: row.occurred_at, id: row.id });
    return;
  }
  if (row.type !== 'log.pruned') return;
  try {
    const p = JSON.parse(row.payload) as { kind?: string; before?: string };
    if (p.kind && p.before && p.before > (pruneCutoffs.get(p.kind) ?? '')) pruneCutoffs.set(p.kind, p.before);
  } catch {
    // an altered payload is reported by its leaf hash
  }
}

async function compareNodes(
  db: Executor,
  computed: { level: number; index: number; hash: Hash }[],
  report: (p: VerifyProblem) => void,
) {
  const byLevel = new Map<number, { index: number; hash: Hash }[]>();
  for (const c of computed) {
    const list = byLevel.get(c.level);
    if (list) list.push(c);
    else byLevel.set(c.level, [c]);
  }
  for (const [level, nodes] of byLevel) {
    const from = nodes[0]!.index;
    const to = nodes[nodes.length - 1]!.index + 1;
    const stored = new Map(
      (await ledgerRepo.nodeRange(db, level, from, to)).map((r) => [Number(r.idx), r.hash]),
    );
    for (const n of nodes) {
      const s = stored.get(n.index);
      if (!s || !s.equals(n.hash))
        report({
          kind: 'node_altered',
          node: {
            level,
            index: n.index,
            firstLeaf: n.index * 2 ** level,
            lastLeaf: (n.index + 1) * 2 ** level - 1,
          },
          message: `tree node ${level}:${n.index} (leaves ${n.index * 2 ** level}–${(n.index + 1) * 2 ** level - 1}) ${s ? 'differs from' : 'is missing for'} the entries: entries were moved, inserted or the node was altered`,
        });
    }
  }
}

async function compareRefs(
  db: Executor,
  wanted: { seq: number; id: string; leaf: number; records: string[] }[],
  report: (p: VerifyProblem) => void,
) {
  const rows = await ledgerRepo.recordRefs(
    db,
    wanted.map((w) => w.seq),
  );
  const bySeq = new Map<number, string[]>();
  for (const r of rows) {
    const list = bySeq.get(Number(r.entry_seq));
    if (list) list.push(r.record_id);
    else bySeq.set(Number(r.entry_seq), [r.record_id]);
  }
  for (const w of wanted) {
    const got = (bySeq.get(w.seq) ?? []).sort();
    if (got.join('\n') !== w.records.join('\n'))
      report({
        kind: 'record_index',
        leafIndex: w.leaf,
        entryId: w.id,
        message: `the record index of entry ${w.id} (leaf ${w.leaf}) does not list the records the entry names`,
      });
  }
}
