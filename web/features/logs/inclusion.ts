/**
 * Checks an inclusion proof in the browser (A22-2): anyone who reads an entry can recompute its leaf
 * from the canonical bytes and walk the proof up to the root of a signed checkpoint, without trusting
 * the server's word. Port of verifyInclusion in server/platform/ledger/merkle.ts (RFC 9162 §2.1.3.2),
 * on WebCrypto SHA-256: leaf = SHA-256(0x00 || bytes), node = SHA-256(0x01 || left || right).
 */

export type Bytes = Uint8Array<ArrayBuffer>;

export function fromBase64(text: string): Bytes {
  const bin = atob(text);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

async function sha256(...parts: Uint8Array[]): Promise<Bytes> {
  const size = parts.reduce((n, p) => n + p.length, 0);
  const all = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return new Uint8Array(await crypto.subtle.digest('SHA-256', all));
}

const LEAF = new Uint8Array([0]);
const NODE = new Uint8Array([1]);

export const leafHash = (data: Uint8Array): Promise<Bytes> => sha256(LEAF, data);
export const nodeHash = (left: Uint8Array, right: Uint8Array): Promise<Bytes> => sha256(NODE, left, right);

export const equalBytes = (a: Uint8Array, b: Uint8Array): boolean =>
  a.length === b.length && a.every((v, i) => v === b[i]);

/** RFC 9162 §2.1.3.2: does this inclusion proof lead from the leaf hash to the root? */
export async function verifyInclusion(
  leafIndex: number,
  treeSize: number,
  leaf: Uint8Array,
  proof: Uint8Array[],
  root: Uint8Array,
): Promise<boolean> {
  if (leafIndex < 0 || leafIndex >= treeSize) return false;
  let fn = leafIndex;
  let sn = treeSize - 1;
  let r: Uint8Array = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = await nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = await nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && equalBytes(r, root);
}

/** What the browser found: the leaf recomputed from the entry's bytes, and the path to the root. */
export interface ProofCheck {
  /** SHA-256(0x00 || entryBytes) equals the leaf hash the server gave. */
  leafMatches: boolean;
  /** The proof leads from that leaf to the checkpoint's root. */
  pathMatches: boolean;
  ok: boolean;
}

export async function checkEntryProof(input: {
  entryBytes: string;
  leafIndex: number;
  treeSize: number;
  leafHash: string;
  proof: string[];
  rootHash: string;
}): Promise<ProofCheck> {
  const given = fromBase64(input.leafHash);
  const leafMatches = equalBytes(await leafHash(fromBase64(input.entryBytes)), given);
  const pathMatches = await verifyInclusion(
    input.leafIndex,
    input.treeSize,
    given,
    input.proof.map(fromBase64),
    fromBase64(input.rootHash),
  );
  return { leafMatches, pathMatches, ok: leafMatches && pathMatches };
}
