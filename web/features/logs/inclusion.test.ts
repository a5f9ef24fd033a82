import { describe, expect, it } from 'vitest';
import {
  inclusionRanges,
  leafHash as serverLeafHash,
  nodeHash as serverNodeHash,
  splitPoint,
} from '../../../server/platform/ledger/merkle.ts';
import { checkEntryProof, fromBase64, leafHash, toBase64, verifyInclusion } from './inclusion.ts';

/**
 * A22-2: the entry page checks the inclusion proof in the browser. The port must agree with the
 * server's RFC 9162 tree: proofs built from the server's hashing verify here, and any change to the
 * entry, the proof or the root fails.
 */

const leaves = Array.from({ length: 20 }, (_, i) => new TextEncoder().encode(`entry ${i}`));

/** MTH of RFC 9162 §2.1.1, written naively with the server's hashes. */
function mth(items: Uint8Array[]): Buffer {
  if (items.length === 1) return serverLeafHash(items[0]!);
  const k = splitPoint(items.length);
  return serverNodeHash(mth(items.slice(0, k)), mth(items.slice(k)));
}

function proofFor(m: number, n: number): Buffer[] {
  return inclusionRanges(m, n).map((r) => mth(leaves.slice(r.start, r.end)));
}

describe('inclusion proofs checked in the browser (A22-2, RFC 9162 §2.1.3.2)', () => {
  it('hashes a leaf as SHA-256(0x00 || bytes), like the server', async () => {
    for (const leaf of leaves.slice(0, 3))
      expect(Buffer.from(await leafHash(leaf)).equals(serverLeafHash(leaf))).toBe(true);
  });

  it('accepts every proof the server would build, for every leaf of trees of 1 to 20 leaves', async () => {
    for (let n = 1; n <= leaves.length; n++) {
      const root = mth(leaves.slice(0, n));
      for (let m = 0; m < n; m++)
        expect(await verifyInclusion(m, n, serverLeafHash(leaves[m]!), proofFor(m, n), root)).toBe(true);
    }
  });

  it('rejects a wrong leaf number, tree size, proof hash or root', async () => {
    const n = 13;
    const m = 6;
    const root = mth(leaves.slice(0, n));
    const leaf = serverLeafHash(leaves[m]!);
    const proof = proofFor(m, n);
    expect(await verifyInclusion(m + 1, n, leaf, proof, root)).toBe(false);
    expect(await verifyInclusion(m, 8, leaf, proof, root)).toBe(false);
    expect(await verifyInclusion(n, n, leaf, proof, root)).toBe(false);
    expect(await verifyInclusion(m, n, leaf, proof.slice(1), root)).toBe(false);
    const bent = proof.map((p, i) => (i === 1 ? Buffer.from(p.map((b) => b ^ 1)) : p));
    expect(await verifyInclusion(m, n, leaf, bent, root)).toBe(false);
    expect(await verifyInclusion(m, n, leaf, proof, mth(leaves.slice(0, n - 1)))).toBe(false);
  });

  it('checks the entry bytes against the leaf hash, then the path (as the entry page does)', async () => {
    const n = 9;
    const m = 4;
    const input = {
      entryBytes: toBase64(leaves[m]!),
      leafIndex: m,
      treeSize: n,
      leafHash: serverLeafHash(leaves[m]!).toString('base64'),
      proof: proofFor(m, n).map((p) => p.toString('base64')),
      rootHash: mth(leaves.slice(0, n)).toString('base64'),
    };
    expect(await checkEntryProof(input)).toEqual({ leafMatches: true, pathMatches: true, ok: true });
    const altered = await checkEntryProof({ ...input, entryBytes: toBase64(leaves[m + 1]!) });
    expect(altered).toEqual({ leafMatches: false, pathMatches: true, ok: false });
    expect(Array.from(fromBase64(input.rootHash))).toEqual(Array.from(mth(leaves.slice(0, n))));
  });
});
