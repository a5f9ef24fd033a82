import { AppError } from '../errors.ts';
import type { Executor } from '../db/index.ts';
import { ledgerRepo } from './ledger.repo.ts';
import {
  consistencyRanges,
  inclusionRanges,
  nodeKeyString,
  nodesFor,
  rangeHash,
  verifyConsistency,
  verifyInclusion,
  type Hash,
  type Range,
} from './merkle.ts';

/** An inclusion proof (RFC 9162 §2.1.3): the entry's leaf is in the tree of the checkpoint. */
export interface InclusionProof {
  leafIndex: number;
  treeSize: number;
  leafHash: Hash;
  proof: Hash[];
  rootHash: Hash;
  checkpoint: string;
}

/** A consistency proof (RFC 9162 §2.1.4): the tree of size `to` extends the tree of size `from`. */
export interface ConsistencyProof {
  from: number;
  to: number;
  proof: Hash[];
  fromRoot: Hash;
  toRoot: Hash;
  fromCheckpoint: string;
  toCheckpoint: string;
}

/** Perfect subtrees from this level up are kept in memory once a proof using them has verified. */
const CACHED_FROM_LEVEL = 8;
const MAX_CACHED = 200_000;

/**
 * The stored perfect subtrees a prover reads. A stored node never changes (an append only adds
 * nodes), and the upper levels are few and shared by every proof, so they are kept in memory
 * after a proof that used them verified against its signed checkpoint: a proof at 10 million
 * entries then reads about a dozen nodes instead of 28 (bench/proof.ts). A node altered in the
 * database later is still found by verification (verify.ts), which reads everything afresh.
 */
function createNodeReader() {
  const cache = new Map<string, Hash>();
  return {
    /** The hashes of these ranges, and a function to keep the upper nodes they used once trusted. */
    async hashesOf(db: Executor, ranges: Range[]): Promise<{ hashes: Hash[]; trust: () => void }> {
      const keys = nodesFor(ranges);
      const found = await ledgerRepo.nodes(
        db,
        keys.filter((k) => !cache.has(nodeKeyString(k))),
      );
      const hashes = ranges.map((r) =>
        rangeHash(r.start, r.end, (k) => {
          const key = nodeKeyString(k);
          const h = cache.get(key) ?? found.get(key);
          if (!h) throw new AppError('log.integrity_failure');
          return h;
        }),
      );
      const trust = () => {
        if (cache.size > MAX_CACHED) cache.clear();
        for (const k of keys)
          if (k.level >= CACHED_FROM_LEVEL) {
            const h = found.get(nodeKeyString(k));
            if (h) cache.set(nodeKeyString(k), h);
          }
      };
      return { hashes, trust };
    },
  };
}

async function checkpointAt(db: Executor, treeSize: number | undefined) {
  const row =
    treeSize === undefined
      ? await ledgerRepo.latestCheckpoint(db)
      : await ledgerRepo.checkpoint(db, treeSize);
  if (!row) throw new AppError('log.checkpoint_not_found');
  return row;
}

/**
 * The inclusion proof of a leaf against a signed checkpoint (the latest by default). The server checks
 * its own proof before answering: a stored tree that no longer matches its checkpoint is reported as
 * an integrity failure rather than handed out.
 */
export type ProveInclusion = (db: Executor, leafIndex: number, treeSize?: number) => Promise<InclusionProof>;
export type ProveConsistency = (db: Executor, from: number, to?: number) => Promise<ConsistencyProof>;

/** A prover with its own memory of trusted upper nodes (one per ledger, one per database). */
export function createProver(): { proveInclusion: ProveInclusion; proveConsistency: ProveConsistency } {
  const nodes = createNodeReader();
  return {
    /**
     * The inclusion proof of a leaf against a signed checkpoint (the latest by default). The server
     * checks its own proof before answering: a stored tree that no longer matches its checkpoint is
     * reported as an integrity failure rather than handed out.
     */
    async proveInclusion(db, leafIndex, treeSize) {
      const cp = await checkpointAt(db, treeSize);
      const size = Number(cp.tree_size);
      if (leafIndex >= size) throw new AppError('log.not_sequenced');
      // The leaf and its proof in one read.
      const { hashes, trust } = await nodes.hashesOf(db, [
        { start: leafIndex, end: leafIndex + 1 },
        ...inclusionRanges(leafIndex, size),
      ]);
      const [leafHash, ...proof] = hashes;
      if (!verifyInclusion(leafIndex, size, leafHash!, proof, cp.root_hash))
        throw new AppError('log.integrity_failure');
      trust();
      return {
        leafIndex,
        treeSize: size,
        leafHash: leafHash!,
        proof,
        rootHash: cp.root_hash,
        checkpoint: cp.note,
      };
    },

    /** The consistency proof between two signed checkpoints (to: the latest by default). */
    async proveConsistency(db, from, to) {
      const toCp = await checkpointAt(db, to);
      const toSize = Number(toCp.tree_size);
      if (from < 1 || from > toSize) throw new AppError('log.bad_range');
      const fromCp = await checkpointAt(db, from);
      const read = from === toSize ? null : await nodes.hashesOf(db, consistencyRanges(from, toSize));
      const proof = read?.hashes ?? [];
      if (!verifyConsistency(from, toSize, fromCp.root_hash, toCp.root_hash, proof))
        throw new AppError('log.integrity_failure');
      read?.trust();
      return {
        from,
        to: toSize,
        proof,
        fromRoot: fromCp.root_hash,
        toRoot: toCp.root_hash,
        fromCheckpoint: fromCp.note,
        toCheckpoint: toCp.note,
      };
    },
  };
}
