import { createHash, hash } from 'node:crypto';

/**
 * The Merkle tree of RFC 9162 (Certificate Transparency 2.0) §2.1: SHA-256, leaves prefixed 0x00,
 * interior nodes 0x01. Proofs are built from "perfect" subtrees — complete subtrees of 2^level
 * leaves starting at a multiple of 2^level — which the sequencer stores; every other subtree a proof
 * needs (the right edge) is computed from them. Pure functions: no database here.
 */
export type Hash = Buffer;

const LEAF = Buffer.from([0]);
const NODE = Buffer.from([1]);

// One-shot hashing (crypto.hash, Node ≥ 20.12) costs a fraction of a Hash object per call.
export const leafHash = (data: Uint8Array): Hash => hash('sha256', Buffer.concat([LEAF, data]), 'buffer');
export const nodeHash = (left: Hash, right: Hash): Hash =>
  hash('sha256', Buffer.concat([NODE, left, right], 65), 'buffer');
/** The root of the empty tree: SHA-256 of the empty string. */
export const emptyRoot = (): Hash => createHash('sha256').digest();

/** A perfect subtree: 2^level leaves from index << level. Level 0 is a leaf. */
export interface NodeKey {
  level: number;
  index: number;
}
export type NodeLookup = (key: NodeKey) => Hash;
export const nodeKeyString = (k: NodeKey) => `${k.level}:${k.index}`;

/** The largest power of two strictly below n (n ≥ 2). */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

const isPowerOfTwo = (n: number) => n > 0 && 2 ** Math.round(Math.log2(n)) === n;

/** The perfect subtrees that make up the range [start, end) as RFC 9162 splits it, left to right. */
export function perfectParts(start: number, end: number): NodeKey[] {
  const size = end - start;
  if (size <= 0) return [];
  if (isPowerOfTwo(size) && start % size === 0) return [{ level: Math.log2(size), index: start / size }];
  const k = splitPoint(size);
  return [...perfectParts(start, start + k), ...perfectParts(start + k, end)];
}

/** MTH(D[start:end]) from stored perfect subtrees. */
export function rangeHash(start: number, end: number, lookup: NodeLookup): Hash {
  const size = end - start;
  if (size <= 0) throw new Error('empty range');
  if (isPowerOfTwo(size) && start % size === 0)
    return lookup({ level: Math.log2(size), index: start / size });
  const k = splitPoint(size);
  return nodeHash(rangeHash(start, start + k, lookup), rangeHash(start + k, end, lookup));
}

/** A range of leaves [start, end) whose hash is one element of a proof. */
export interface Range {
  start: number;
  end: number;
}

/** RFC 9162 §2.1.3.1 PATH(m, D[n]): the ranges whose hashes form the inclusion proof, leaf upward. */
export function inclusionRanges(m: number, n: number): Range[] {
  if (m < 0 || m >= n) throw new RangeError(`leaf ${m} is not in a tree of size ${n}`);
  const out: Range[] = [];
  const walk = (m: number, start: number, end: number) => {
    const size = end - start;
    if (size <= 1) return;
    const k = splitPoint(size);
    if (m < k) {
      walk(m, start, start + k);
      out.push({ start: start + k, end });
    } else {
      walk(m - k, start + k, end);
      out.push({ start, end: start + k });
    }
  };
  walk(m, 0, n);
  return out;
}

/** RFC 9162 §2.1.4.1 PROOF(m, D[n]): the ranges of the consistency proof from size m to size n. */
export function consistencyRanges(m: number, n: number): Range[] {
  if (m < 1 || m > n) throw new RangeError(`no consistency proof from ${m} to ${n}`);
  const out: Range[] = [];
  const sub = (m: number, start: number, end: number, b: boolean) => {
    const size = end - start;
    if (m === size) {
      if (!b) out.push({ start, end });
      return;
    }
    const k = splitPoint(size);
    if (m <= k) {
      sub(m, start, start + k, b);
      out.push({ start: start + k, end });
    } else {
      sub(m - k, start + k, end, false);
      out.push({ start, end: start + k });
    }
  };
  sub(m, 0, n, true);
  return out;
}

/** Every perfect subtree needed to compute the hashes of these ranges (for one batched read). */
export const nodesFor = (ranges: Range[]): NodeKey[] => {
  const seen = new Map<string, NodeKey>();
  for (const r of ranges) for (const k of perfectParts(r.start, r.end)) seen.set(nodeKeyString(k), k);
  return [...seen.values()];
};

/** RFC 9162 §2.1.3.2: does this inclusion proof lead from the leaf to the root? */
export function verifyInclusion(
  leafIndex: number,
  treeSize: number,
  leaf: Hash,
  proof: Hash[],
  root: Hash,
): boolean {
  if (leafIndex < 0 || leafIndex >= treeSize) return false;
  let fn = leafIndex;
  let sn = treeSize - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && r.equals(root);
}

/** RFC 9162 §2.1.4.2: does the tree of size n with root2 extend the tree of size m with root1? */
export function verifyConsistency(m: number, n: number, root1: Hash, root2: Hash, proof: Hash[]): boolean {
  if (m < 1 || m > n) return false;
  if (m === n) return proof.length === 0 && root1.equals(root2);
  const path = isPowerOfTwo(m) ? [root1, ...proof] : [...proof];
  if (path.length === 0) return false;
  let fn = m - 1;
  let sn = n - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && fr.equals(root1) && sr.equals(root2);
}

/**
 * The right edge of a growing tree: the perfect subtrees of [0, size) (largest first). Adding leaves
 * one by one yields each perfect subtree as it completes, so the sequencer can store them and
 * verification can recompute them, in one pass and O(log n) memory.
 */
export class Frontier {
  /** Hashes of the perfect subtrees of [0, size), largest (leftmost) first, with their levels. */
  private readonly stack: { level: number; hash: Hash }[];
  size: number;

  constructor(size = 0, parts: Hash[] = []) {
    this.size = size;
    const keys = perfectParts(0, size);
    if (keys.length !== parts.length) throw new Error('frontier does not match the tree size');
    this.stack = keys.map((k, i) => ({ level: k.level, hash: parts[i]! }));
  }

  /** The perfect subtrees a frontier of this size is made of (what to read to resume). */
  static keysFor(size: number): NodeKey[] {
    return perfectParts(0, size);
  }

  /** Adds a leaf; calls onNode for every perfect subtree of level ≥ 1 that it completes. */
  push(leaf: Hash, onNode?: (key: NodeKey, hash: Hash) => void): void {
    let level = 0;
    let hash = leaf;
    let index = this.size;
    while (this.stack.length > 0 && this.stack[this.stack.length - 1]!.level === level) {
      const left = this.stack.pop()!;
      hash = nodeHash(left.hash, hash);
      level += 1;
      index = Math.floor(index / 2);
      onNode?.({ level, index }, hash);
    }
    this.stack.push({ level, hash });
    this.size += 1;
  }

  /** The root of the tree of the current size (RFC 9162 MTH). */
  root(): Hash {
    if (this.stack.length === 0) return emptyRoot();
    let hash = this.stack[this.stack.length - 1]!.hash;
    for (let i = this.stack.length - 2; i >= 0; i--) hash = nodeHash(this.stack[i]!.hash, hash);
    return hash;
  }
}
