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

/** The hashes of these ranges, from stored perfect subtrees in one or two reads. */
async function hashesOf(db: Executor, ranges: Range[]): Promise<Hash[]> {
  const keys = nodesFor(ranges);
  const found = await ledgerRepo.nodes(db, keys);
  return ranges.map((r) =>
    rangeHash(r.start, r.end, (k) => {
      const h = found.get(nodeKeyString(k));
      if (!h) throw new AppError('log.integrity_failure');
      return h;
    }),
  );
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
export async function proveInclusion(
  db: Executor,
  leafIndex: number,
  treeSize?: number,
): Promise<InclusionProof> {
  const cp = await checkpointAt(db, treeSize);
  const size = Number(cp.tree_size);
  if (leafIndex >= size) throw new AppError('log.not_sequenced');
  const [leafHash] = await hashesOf(db, [{ start: leafIndex, end: leafIndex + 1 }]);
  const proof = await hashesOf(db, inclusionRanges(leafIndex, size));
  if (!verifyInclusion(leafIndex, size, leafHash!, proof, cp.root_hash))
    throw new AppError('log.integrity_failure');
  return {
    leafIndex,
    treeSize: size,
    leafHash: leafHash!,
    proof,
    rootHash: cp.root_hash,
    checkpoint: cp.note,
  };
}

/** The consistency proof between two signed checkpoints (to: the latest by default). */
export async function proveConsistency(db: Executor, from: number, to?: number): Promise<ConsistencyProof> {
  const toCp = await checkpointAt(db, to);
  const toSize = Number(toCp.tree_size);
  if (from < 1 || from > toSize) throw new AppError('log.bad_range');
  const fromCp = await checkpointAt(db, from);
  const proof = from === toSize ? [] : await hashesOf(db, consistencyRanges(from, toSize));
  if (!verifyConsistency(from, toSize, fromCp.root_hash, toCp.root_hash, proof))
    throw new AppError('log.integrity_failure');
  return {
    from,
    to: toSize,
    proof,
    fromRoot: fromCp.root_hash,
    toRoot: toCp.root_hash,
    fromCheckpoint: fromCp.note,
    toCheckpoint: toCp.note,
  };
}
