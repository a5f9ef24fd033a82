import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  consistencyRanges,
  emptyRoot,
  Frontier,
  inclusionRanges,
  leafHash,
  nodeHash,
  nodeKeyString,
  nodesFor,
  perfectParts,
  rangeHash,
  verifyConsistency,
  verifyInclusion,
  type Hash,
  type NodeKey,
  type Range,
} from './merkle.ts';

/**
 * A22: the log must show any alteration, so the tree has to be exactly RFC 9162's (third-party tools
 * check our checkpoints and proofs). Known answers come from Google's reference vectors; properties
 * compare against a naive MTH written straight from RFC 9162 §2.1.1.
 */

const hex = (h: Hash) => h.toString('hex');
const h = (s: string) => Buffer.from(s, 'hex');

// Known-answer vectors of RFC 6962 trees, as published by transparency-dev/merkle (formerly
// certificate-transparency-go merkle): testonly/constants.go (LeafInputs, NodeHashes, RootHashes)
// and proof/verify_test.go (inclusionProofs, consistencyProofs; leaf numbers there are 1-based).
const LEAF_INPUTS = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
];
const NODE_HASHES = [
  [
    '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
    '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
    '0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7',
    '07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7',
    'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    '4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658',
    'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
    '46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1',
  ],
  [
    'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
    '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
    '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
    'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
  ],
  [
    'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
  ],
  ['5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328'],
];
const ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
/** [leaf index (0-based), tree size, proof]. */
const INCLUSION_VECTORS: [number, number, string[]][] = [
  [
    0,
    8,
    [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  ],
  [
    5,
    8,
    [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  ],
  [2, 3, ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125']],
  [
    1,
    5,
    [
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  ],
  [0, 1, []],
];
/** [size 1, size 2, proof]. */
const CONSISTENCY_VECTORS: [number, number, string[]][] = [
  [1, 1, []],
  [
    1,
    8,
    [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  ],
  [
    6,
    8,
    [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  ],
  [
    2,
    5,
    [
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  ],
  [
    6,
    7,
    [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  ],
];

/** The vectors' stored perfect subtrees, as the sequencer would hold them. */
const vectorLookup = (k: NodeKey): Hash => {
  const hash = NODE_HASHES[k.level]?.[k.index];
  if (!hash) throw new Error(`no stored node ${nodeKeyString(k)}`);
  return h(hash);
};
const proofOf = (ranges: Range[], lookup: (k: NodeKey) => Hash) =>
  ranges.map((r) => rangeHash(r.start, r.end, lookup));

/** MTH straight from RFC 9162 §2.1.1, with no shortcut shared with merkle.ts. */
function naiveRoot(leaves: Hash[]): Hash {
  if (leaves.length === 0) return createHash('sha256').digest();
  if (leaves.length === 1) return leaves[0]!;
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  const left = naiveRoot(leaves.slice(0, k));
  const right = naiveRoot(leaves.slice(k));
  return createHash('sha256')
    .update(Buffer.from([1]))
    .update(left)
    .update(right)
    .digest();
}

/** Distinct leaves (a repeated leaf would let a proof for one index pass for another). */
const leavesOf = (n: number, salt: string) =>
  Array.from({ length: n }, (_, i) => leafHash(Buffer.from(`${salt}/${i}`)));

/** A lookup over naive perfect-subtree hashes that refuses any node not complete in a tree of size n. */
const naiveLookup = (leaves: Hash[], n: number) => (k: NodeKey) => {
  const start = k.index * 2 ** k.level;
  const end = (k.index + 1) * 2 ** k.level;
  if (end > n) throw new Error(`node ${nodeKeyString(k)} is not complete in a tree of size ${n}`);
  return naiveRoot(leaves.slice(start, end));
};

const flip = (b: Hash, bit = 3) => {
  const c = Buffer.from(b);
  c[0] = c[0]! ^ (1 << bit);
  return c;
};
const SOME_HASH = h('abacaba000000000000000000000000000000000000000000060061e00123456');

describe('RFC 6962 known answers (transparency-dev/merkle vectors)', () => {
  const leaves = LEAF_INPUTS.map((x) => leafHash(h(x)));

  it('hashes the eight reference leaves and every complete subtree like the reference', () => {
    expect(leaves.map(hex)).toEqual(NODE_HASHES[0]);
    for (let level = 1; level < NODE_HASHES.length; level++)
      NODE_HASHES[level]!.forEach((want, index) =>
        expect(
          hex(
            nodeHash(
              vectorLookup({ level: level - 1, index: 2 * index }),
              vectorLookup({ level: level - 1, index: 2 * index + 1 }),
            ),
          ),
        ).toBe(want),
      );
  });

  it('gives the reference root for every size 0..8, by Frontier and by rangeHash over stored nodes', () => {
    expect(hex(emptyRoot())).toBe(ROOTS[0]);
    const frontier = new Frontier();
    expect(hex(frontier.root())).toBe(ROOTS[0]);
    leaves.forEach((leaf, i) => {
      frontier.push(leaf);
      expect(hex(frontier.root())).toBe(ROOTS[i + 1]);
      expect(hex(rangeHash(0, i + 1, vectorLookup))).toBe(ROOTS[i + 1]);
    });
  });

  it.each(INCLUSION_VECTORS)(
    'builds and verifies the reference inclusion proof of leaf %i in size %i',
    (m, n, want) => {
      const proof = proofOf(inclusionRanges(m, n), vectorLookup);
      expect(proof.map(hex)).toEqual(want);
      const root = h(ROOTS[n]!);
      const leaf = leaves[m]!;
      expect(verifyInclusion(m, n, leaf, proof, root)).toBe(true);

      // The corruptions of transparency-dev's verifierCheck: all must be refused.
      const probes: [number, number, Hash, Hash[], Hash][] = [
        [m - 1, n, leaf, proof, root],
        [m + 1, n, leaf, proof, root],
        [m ^ 2, n, leaf, proof, root],
        [m, n * 2, leaf, proof, root],
        [m, Math.floor(n / 2), leaf, proof, root],
        [m, n, Buffer.from('WrongLeaf'), proof, root],
        [m, n, leaf, proof, emptyRoot()],
        [m, n, leaf, proof, SOME_HASH],
        [m, n, leaf, [...proof, Buffer.alloc(0)], root],
        [m, n, leaf, [...proof, root], root],
        [m, n, leaf, [Buffer.alloc(0), ...proof], root],
        [m, n, leaf, [root, ...proof], root],
        ...proof.map((_, i): [number, number, Hash, Hash[], Hash] => [
          m,
          n,
          leaf,
          proof.map((p, j) => (j === i ? flip(p) : p)),
          root,
        ]),
      ];
      if (proof.length > 0) probes.push([m, n, leaf, proof.slice(0, -1), root]);
      if (proof.length > 1) probes.push([m, n, leaf, [proof[0]!, SOME_HASH, ...proof.slice(1)], root]);
      for (const [pm, pn, pl, pp, pr] of probes) expect(verifyInclusion(pm, pn, pl, pp, pr)).toBe(false);
    },
  );

  it.each(CONSISTENCY_VECTORS)(
    'builds and verifies the reference consistency proof from %i to %i',
    (m, n, want) => {
      const proof = proofOf(consistencyRanges(m, n), vectorLookup);
      expect(proof.map(hex)).toEqual(want);
      const root1 = h(ROOTS[m]!);
      const root2 = h(ROOTS[n]!);
      expect(verifyConsistency(m, n, root1, root2, proof)).toBe(true);
      if (proof.length === 0) return;

      // The corruptions of transparency-dev's verifierConsistencyCheck: all must be refused.
      const probes: [number, number, Hash, Hash, Hash[]][] = [
        [m - 1, n, root1, root2, proof],
        [m + 1, n, root1, root2, proof],
        [m ^ 2, n, root1, root2, proof],
        [m, n * 2, root1, root2, proof],
        [m, Math.floor(n / 2), root1, root2, proof],
        [m, n, Buffer.from('WrongRoot'), root2, proof],
        [m, n, root1, Buffer.from('WrongRoot'), proof],
        [m, n, root2, root1, proof],
        [m, n, root1, root2, []],
        [m, n, root1, root2, [...proof, Buffer.alloc(0)]],
        [m, n, root1, root2, [...proof, root1]],
        [m, n, root1, root2, [...proof, root2]],
        [m, n, root1, root2, [Buffer.alloc(0), ...proof]],
        [m, n, root1, root2, [root1, ...proof]],
        [m, n, root1, root2, [root2, ...proof]],
        [m, n, root1, root2, [proof[0]!, ...proof]],
        [m, n, root1, root2, proof.slice(0, -1)],
        ...proof.map((_, i): [number, number, Hash, Hash, Hash[]] => [
          m,
          n,
          root1,
          root2,
          proof.map((p, j) => (j === i ? flip(p, 4) : p)),
        ]),
      ];
      for (const [pm, pn, r1, r2, pp] of probes) expect(verifyConsistency(pm, pn, r1, r2, pp)).toBe(false);
    },
  );

  it('refuses the degenerate consistency cases of transparency-dev TestVerifyConsistency', () => {
    const r1 = Buffer.from("don't care 1");
    const r2 = Buffer.from("don't care 2");
    expect(verifyConsistency(1, 1, r1, r2, [])).toBe(false); // same size, different roots
    expect(verifyConsistency(1, 1, r2, r2, [])).toBe(true);
    expect(verifyConsistency(1, 0, r1, r2, [])).toBe(false); // time travel
    expect(verifyConsistency(2, 1, r1, r2, [])).toBe(false);
    expect(verifyConsistency(1, 2, r1, r2, [])).toBe(false); // empty proof
    expect(verifyConsistency(1, 1, emptyRoot(), emptyRoot(), [emptyRoot()])).toBe(false); // proof not empty
    // Size 0 is never a checkpoint here: the log refuses it rather than accepting anything.
    expect(verifyConsistency(0, 1, r1, r2, [])).toBe(false);
  });

  it('refuses inclusion in an empty tree or past the end, and the single-leaf special cases', () => {
    const leaf = leafHash(Buffer.from('data'));
    expect(verifyInclusion(0, 1, leaf, [], leaf)).toBe(true);
    expect(verifyInclusion(0, 1, Buffer.alloc(0), [], leaf)).toBe(false);
    expect(verifyInclusion(0, 1, leaf, [], Buffer.alloc(0))).toBe(false);
    for (const [m, n] of [
      [0, 0],
      [1, 0],
      [2, 1],
      [-1, 1],
    ] as const)
      expect(verifyInclusion(m, n, SOME_HASH, [], emptyRoot())).toBe(false);
    expect(() => inclusionRanges(1, 1)).toThrow(RangeError);
    expect(() => inclusionRanges(-1, 4)).toThrow(RangeError);
    expect(() => consistencyRanges(0, 4)).toThrow(RangeError);
    expect(() => consistencyRanges(5, 4)).toThrow(RangeError);
  });
});

describe('perfect subtrees (what the sequencer stores)', () => {
  it('splits a range into aligned perfect subtrees that cover it exactly, left to right', () => {
    expect(perfectParts(0, 7)).toEqual([
      { level: 2, index: 0 },
      { level: 1, index: 2 },
      { level: 0, index: 6 },
    ]);
    expect(perfectParts(0, 0)).toEqual([]);
    fc.assert(
      fc.property(fc.nat(300), fc.nat(300), (a, len) => {
        let pos = a;
        for (const k of perfectParts(a, a + len)) {
          const size = 2 ** k.level;
          expect(k.index * size).toBe(pos);
          pos += size;
        }
        expect(pos).toBe(a + len);
      }),
    );
  });

  it('nodesFor names each needed subtree once, and only subtrees complete in the tree', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.nat(), fc.nat(), (n, a, b) => {
        const m = (a % n) + 1;
        const keys = nodesFor([...inclusionRanges(b % n, n), ...consistencyRanges(m, n)]);
        expect(new Set(keys.map(nodeKeyString)).size).toBe(keys.length);
        for (const k of keys) expect((k.index + 1) * 2 ** k.level).toBeLessThanOrEqual(n);
      }),
    );
  });
});

describe('properties against a naive RFC 9162 tree (A22: alteration is detected)', () => {
  it('Frontier.root equals the naive MTH for every size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 260 }), fc.string(), (n, salt) => {
        const leaves = leavesOf(n, salt);
        const frontier = new Frontier();
        for (const leaf of leaves) frontier.push(leaf);
        expect(frontier.size).toBe(n);
        expect(hex(frontier.root())).toBe(hex(naiveRoot(leaves)));
      }),
      { numRuns: 60 },
    );
  });

  it('a Frontier resumed from stored subtrees continues like one that never stopped', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 130 }), fc.integer({ min: 0, max: 130 }), (a, more) => {
        const leaves = leavesOf(a + more, 'resume');
        const lookup = naiveLookup(leaves, a);
        const resumed = new Frontier(a, Frontier.keysFor(a).map(lookup));
        expect(hex(resumed.root())).toBe(hex(naiveRoot(leaves.slice(0, a))));
        for (const leaf of leaves.slice(a)) resumed.push(leaf);
        expect(hex(resumed.root())).toBe(hex(naiveRoot(leaves)));
      }),
      { numRuns: 60 },
    );
    expect(() => new Frontier(3, [SOME_HASH])).toThrow();
  });

  it('Frontier.push reports exactly the perfect subtrees of level ≥ 1 that the new leaf completes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), (n) => {
        const leaves = leavesOf(n, 'nodes');
        const frontier = new Frontier();
        const seen = new Set<string>();
        leaves.forEach((leaf, i) => {
          const got: string[] = [];
          frontier.push(leaf, (k, hash) => {
            expect(hex(hash)).toBe(
              hex(naiveRoot(leaves.slice(k.index * 2 ** k.level, (k.index + 1) * 2 ** k.level))),
            );
            got.push(nodeKeyString(k));
          });
          // The subtrees ending exactly after leaf i: levels 1..(trailing one bits of i).
          const want: string[] = [];
          for (let level = 1; (i + 1) % 2 ** level === 0; level++)
            want.push(nodeKeyString({ level, index: (i + 1) / 2 ** level - 1 }));
          expect(got).toEqual(want);
          for (const g of got) {
            expect(seen.has(g)).toBe(false);
            seen.add(g);
          }
        });
        // Together: every complete perfect subtree of level ≥ 1 in a tree of size n.
        let total = 0;
        for (let level = 1; 2 ** level <= n; level++) total += Math.floor(n / 2 ** level);
        expect(seen.size).toBe(total);
      }),
      { numRuns: 60 },
    );
  });

  it('every inclusion proof verifies, and fails when a proof element, the leaf, the index or the root changes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.nat(),
        fc.nat(),
        fc.nat(),
        fc.nat(255),
        (n, a, b, c, bit) => {
          const m = a % n;
          const leaves = leavesOf(n, 'incl');
          const root = naiveRoot(leaves);
          const proof = proofOf(inclusionRanges(m, n), naiveLookup(leaves, n));
          const leaf = leaves[m]!;
          expect(verifyInclusion(m, n, leaf, proof, root)).toBe(true);

          const flipBit = (x: Hash) => {
            const y = Buffer.from(x);
            y[bit >> 3] = y[bit >> 3]! ^ (1 << (bit & 7));
            return y;
          };
          if (proof.length > 0) {
            const i = b % proof.length;
            expect(
              verifyInclusion(
                m,
                n,
                leaf,
                proof.map((p, j) => (j === i ? flipBit(p) : p)),
                root,
              ),
            ).toBe(false);
            expect(verifyInclusion(m, n, leaf, proof.slice(0, -1), root)).toBe(false);
          }
          expect(verifyInclusion(m, n, leaf, [...proof, SOME_HASH], root)).toBe(false);
          expect(verifyInclusion(m, n, flipBit(leaf), proof, root)).toBe(false);
          const other = (m + 1 + (c % Math.max(1, n - 1))) % n;
          if (other !== m) {
            expect(verifyInclusion(m, n, leaves[other]!, proof, root)).toBe(false);
            expect(verifyInclusion(other, n, leaf, proof, root)).toBe(false);
          }
          expect(verifyInclusion(m + n, n, leaf, proof, root)).toBe(false);
          const longer = leavesOf(n + 1 + (c % 50), 'incl');
          expect(verifyInclusion(m, longer.length, leaf, proof, naiveRoot(longer))).toBe(false);
          expect(verifyInclusion(m, n, leaf, proof, flipBit(root))).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('every consistency proof verifies, and fails when a proof element, a size or a root changes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.nat(),
        fc.nat(),
        fc.nat(),
        fc.nat(255),
        (n, a, b, c, bit) => {
          const m = (a % n) + 1;
          const leaves = leavesOf(n, 'cons');
          const root1 = naiveRoot(leaves.slice(0, m));
          const root2 = naiveRoot(leaves);
          const proof = proofOf(consistencyRanges(m, n), naiveLookup(leaves, n));
          expect(verifyConsistency(m, n, root1, root2, proof)).toBe(true);

          const flipBit = (x: Hash) => {
            const y = Buffer.from(x);
            y[bit >> 3] = y[bit >> 3]! ^ (1 << (bit & 7));
            return y;
          };
          if (proof.length > 0) {
            const i = b % proof.length;
            expect(
              verifyConsistency(
                m,
                n,
                root1,
                root2,
                proof.map((p, j) => (j === i ? flipBit(p) : p)),
              ),
            ).toBe(false);
            expect(verifyConsistency(m, n, root1, root2, proof.slice(0, -1))).toBe(false);
          }
          expect(verifyConsistency(m, n, root1, root2, [...proof, SOME_HASH])).toBe(false);
          expect(verifyConsistency(m, n, flipBit(root1), root2, proof)).toBe(false);
          expect(verifyConsistency(m, n, root1, flipBit(root2), proof)).toBe(false);
          const otherM = ((m + (c % n)) % n) + 1;
          if (otherM !== m) expect(verifyConsistency(otherM, n, root1, root2, proof)).toBe(false);
          // Against the real root of another tree size (see the note on size binding below).
          const longer = leavesOf(n + 1 + (c % 50), 'cons');
          expect(verifyConsistency(m, longer.length, root1, naiveRoot(longer), proof)).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a proof binds the size only together with its root: verifiers take both from one signed checkpoint', () => {
    // RFC 9162 proofs (and transparency-dev's verifier alike) accept the proof from 1 to 5 as one from
    // 1 to 6 if "the root of 6" is the root of 5: no real tree of 6 leaves has that root (it would take
    // a leaf hash equal to a node hash), so callers must never mix a size and a root from different
    // checkpoints.
    const leaves = leavesOf(6, 'binding');
    const proof = proofOf(consistencyRanges(1, 5), naiveLookup(leaves, 5));
    const root5 = naiveRoot(leaves.slice(0, 5));
    expect(verifyConsistency(1, 6, leaves[0]!, root5, proof)).toBe(true);
    expect(verifyConsistency(1, 6, leaves[0]!, naiveRoot(leaves), proof)).toBe(false);
  });

  it('rangeHash of any range equals the naive MTH of that range', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.nat(), fc.nat(), (n, a, b) => {
        const leaves = leavesOf(n, 'range');
        const start = a % n;
        const end = start + 1 + (b % (n - start));
        expect(hex(rangeHash(start, end, naiveLookup(leaves, n)))).toBe(
          hex(naiveRoot(leaves.slice(start, end))),
        );
      }),
    );
    expect(() => rangeHash(3, 3, () => SOME_HASH)).toThrow();
  });
});
