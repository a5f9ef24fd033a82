import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/**
 * Checkpoints as C2SP signed notes (c2sp.org/signed-note) carrying a c2sp.org/tlog-checkpoint body:
 *
 *   <origin>\n<tree size>\n<base64 root hash>\ntime <ISO-8601 UTC>\n
 *   \n
 *   — <key name> <base64(4-byte key id || Ed25519 signature)>\n
 *
 * so that third-party tools (Go's golang.org/x/mod/sumdb/note, transparency-dev) can check them.
 * The time is an extension line (allowed by tlog-checkpoint after the root hash).
 */
export interface Checkpoint {
  origin: string;
  treeSize: number;
  rootHash: Buffer;
  issuedAt: string;
}

const ED25519 = 0x01;
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** An Ed25519 signer for notes, from a 32-byte seed kept outside the database. */
export interface NoteSigner {
  name: string;
  /** The verifier key in the signed-note text form `<name>+<hex key id>+<base64(0x01 || key)>`. */
  verifierKey: string;
  publicKey: Buffer;
  keyId: Buffer;
  sign(text: string): string;
}

const keyIdOf = (name: string, publicKey: Buffer) =>
  createHash('sha256')
    .update(Buffer.concat([Buffer.from(`${name}\n`, 'utf8'), Buffer.from([ED25519]), publicKey]))
    .digest()
    .subarray(0, 4);

export function createNoteSigner(name: string, seed: Buffer): NoteSigner {
  if (seed.length !== 32) throw new Error('an Ed25519 seed is 32 bytes');
  if (!/^[^\s+]+$/.test(name)) throw new Error('a key name has no spaces or plus signs');
  const privateKey = createPrivateKey({
    key: Buffer.concat([PKCS8_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  const publicKey = createPublicKey(privateKey).export({ format: 'der', type: 'spki' }).subarray(-32);
  const keyId = keyIdOf(name, publicKey);
  return {
    name,
    publicKey,
    keyId,
    verifierKey: `${name}+${keyId.toString('hex')}+${Buffer.concat([Buffer.from([ED25519]), publicKey]).toString('base64')}`,
    sign(text) {
      const signature = sign(null, Buffer.from(text, 'utf8'), privateKey);
      return `${text}\n— ${name} ${Buffer.concat([keyId, signature]).toString('base64')}\n`;
    },
  };
}

/**
 * Strict standard base64 (null when not canonical): Node's decoder skips characters outside the
 * alphabet, so without this a signature line with inserted garbage would still verify.
 */
const decodeBase64 = (text: string): Buffer | null => {
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : null;
};

export interface NoteVerifier {
  name: string;
  keyId: Buffer;
  key: KeyObject;
}

/** Parses a verifier key `<name>+<hex id>+<base64(0x01 || key)>`; throws on anything else. */
export function parseVerifierKey(text: string): NoteVerifier {
  // Split at the first two plus signs only: the base64 key may itself contain '+'.
  const m = /^([^+\s]+)\+([0-9a-fA-F]{8})\+(\S+)$/.exec(text.trim());
  if (!m) throw new Error('not a verifier key');
  const [name, idHex, keyB64] = [m[1]!, m[2]!, m[3]!];
  const raw = decodeBase64(keyB64);
  if (!raw) throw new Error('not a verifier key');
  if (raw.length !== 33 || raw[0] !== ED25519) throw new Error('not an Ed25519 verifier key');
  const publicKey = raw.subarray(1);
  const keyId = keyIdOf(name, publicKey);
  if (keyId.toString('hex') !== idHex.toLowerCase()) throw new Error('the key id does not match the key');
  const key = createPublicKey({
    key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), publicKey]),
    format: 'der',
    type: 'spki',
  });
  return { name, keyId, key };
}

/**
 * The text of a signed note if one of its signatures is by the verifier and valid; otherwise throws
 * with the reason (malformed, unsigned by this key, bad signature).
 */
export function openNote(note: string, verifier: NoteVerifier): string {
  const split = note.lastIndexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) throw new Error('malformed note: no signature block');
  const text = note.slice(0, split + 1);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0009\u000b-\u001f]/.test(note)) throw new Error('malformed note: control characters');
  const lines = note.slice(split + 2, -1).split('\n');
  let found = false;
  for (const line of lines) {
    const m = /^— (\S+) (\S+)$/.exec(line);
    if (!m) throw new Error('malformed note: bad signature line');
    const blob = decodeBase64(m[2]!);
    if (!blob) throw new Error('malformed note: bad signature line');
    if (m[1] !== verifier.name || blob.length < 4 || !blob.subarray(0, 4).equals(verifier.keyId)) continue;
    if (!verify(null, Buffer.from(text, 'utf8'), verifier.key, blob.subarray(4)))
      throw new Error('the signature does not verify');
    found = true;
  }
  if (!found) throw new Error('the note is not signed by this key');
  return text;
}

/** The note text of a checkpoint (tlog-checkpoint body with a time extension line). */
export const checkpointText = (c: Checkpoint) =>
  `${c.origin}\n${c.treeSize}\n${c.rootHash.toString('base64')}\ntime ${c.issuedAt}\n`;

/** Parses the body of a checkpoint note (already verified by openNote); throws on a malformed one. */
export function parseCheckpointText(text: string): Checkpoint {
  const lines = text.split('\n');
  const [origin, size, root] = lines;
  if (!origin || !size || !root || !/^\d+$/.test(size)) throw new Error('malformed checkpoint');
  const rootHash = decodeBase64(root);
  if (rootHash?.length !== 32) throw new Error('malformed checkpoint: root hash');
  const time = lines.slice(3).find((l) => l.startsWith('time '));
  return { origin, treeSize: Number(size), rootHash, issuedAt: time ? time.slice(5) : '' };
}

/** A signed checkpoint note. */
export const signCheckpoint = (signer: NoteSigner, c: Checkpoint) => signer.sign(checkpointText(c));
