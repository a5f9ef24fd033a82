import { createCipheriv, createDecipheriv, randomBytes, randomFillSync } from 'node:crypto';

/**
 * A25: held personal information is encrypted according to its sensitivity. Each value is sealed
 * with AES-256-GCM under a data key per data subject (or per record); fields of the same sensitivity
 * are sealed together as one group, so a read costs one decryption per group. A15: destroying a data
 * key erases everything sealed under it, wherever copies of the ciphertext went (backups included).
 *
 * Sealed text: `v1.<nonce>.<ciphertext and tag>`, both base64url without padding. The associated data
 * is the whole SealContext, so a sealed group copied to another file, record, field group or key
 * fails to open.
 */

/** Where a sealed group belongs; every part is bound to the ciphertext as associated data. */
export interface SealContext {
  fileId: string;
  recordId: string;
  group: string;
  /** The data key's id (e.g. the data subject's key row). */
  keyId: string;
  keyVersion: number;
}

export type CiphertextReason = 'tampered' | 'malformed' | 'unsupported_version' | 'unknown_key';

const MESSAGES: Record<CiphertextReason, string> = {
  tampered: 'the ciphertext does not authenticate: wrong key, altered, or moved from where it was sealed',
  malformed: 'the ciphertext is not in the expected format',
  unsupported_version: 'the ciphertext format version is not supported',
  unknown_key: 'the ciphertext was made under a key version that is not available',
};

/**
 * Any failure to open a sealed value or a wrapped key. The message is fixed per reason and never
 * carries plaintext, key material or the ciphertext itself (they would end up in logs).
 */
export class CiphertextError extends Error {
  readonly reason: CiphertextReason;

  constructor(reason: CiphertextReason) {
    super(MESSAGES[reason]);
    this.name = 'CiphertextError';
    this.reason = reason;
  }
}

const VERSION = 'v1';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
/** Plaintexts are padded to a multiple of this, so a ciphertext's length says little about a name's. */
const PAD_TO = 32;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** A new random 32-byte data key (AES-256). Wrap it with the KekProvider before storing it. */
export const newDataKey = (): Buffer => randomBytes(32);

/**
 * The associated data: a JSON array in fixed order, so field boundaries are unambiguous
 * (`a.b`+`c` and `a`+`b.c` encode differently) and lone surrogates are escaped, not lost.
 */
export function sealAad(c: SealContext): Buffer {
  for (const k of ['fileId', 'recordId', 'group', 'keyId'] as const) {
    if (typeof c[k] !== 'string' || c[k] === '')
      throw new TypeError(`SealContext.${k} must be a non-empty string`);
  }
  if (!Number.isSafeInteger(c.keyVersion) || c.keyVersion < 0) {
    throw new TypeError('SealContext.keyVersion must be a non-negative integer');
  }
  return Buffer.from(
    JSON.stringify(['mamori:seal:v1', c.fileId, c.recordId, c.group, c.keyId, c.keyVersion]),
    'utf8',
  );
}

function checkKey(dataKey: Buffer): void {
  if (!Buffer.isBuffer(dataKey) || dataKey.length !== 32) throw new TypeError('a data key must be 32 bytes');
}

/**
 * Random nonces drawn from the system's generator a few hundred at a time: one call per nonce was a
 * large part of sealing a big import (bench/vault-import.ts). Each nonce is used once (random 96-bit
 * nonces: far below the 2^32 messages per key where GCM's collision bound starts to matter).
 */
const NONCE_POOL = Buffer.alloc(NONCE_BYTES * 512);
let poolAt = NONCE_POOL.length;
function nextNonce(): Buffer {
  if (poolAt === NONCE_POOL.length) {
    randomFillSync(NONCE_POOL);
    poolAt = 0;
  }
  // A copy: the pool is refilled in place later.
  const nonce = Buffer.from(NONCE_POOL.subarray(poolAt, poolAt + NONCE_BYTES));
  poolAt += NONCE_BYTES;
  return nonce;
}

/**
 * AES-256-GCM of `plaintext` under `key` with associated data `ad`, as `v1.<nonce>.<ciphertext+tag>`.
 * Shared by sealGroup and the key-encryption keys (kek.ts); not part of the module's public surface.
 */
export function sealBytes(key: Buffer, ad: Buffer, plaintext: Buffer): string {
  const nonce = nextNonce();
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(ad);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  return `${VERSION}.${nonce.toString('base64url')}.${body.toString('base64url')}`;
}

/** Strict base64url: decodes and re-encodes to the same text, so no two texts open to the same bytes. */
function decode(text: string): Buffer | null {
  if (!BASE64URL.test(text)) return null;
  const bytes = Buffer.from(text, 'base64url');
  return bytes.toString('base64url') === text ? bytes : null;
}

/** The plaintext of sealBytes(); throws CiphertextError, never returns unauthenticated bytes. */
export function openBytes(key: Buffer, ad: Buffer, sealed: string): Buffer {
  if (typeof sealed !== 'string') throw new CiphertextError('malformed');
  const parts = sealed.split('.');
  if (parts[0] !== VERSION) {
    const otherVersion = parts.length === 3 && /^v\d+$/.test(parts[0] ?? '');
    throw new CiphertextError(otherVersion ? 'unsupported_version' : 'malformed');
  }
  if (parts.length !== 3) throw new CiphertextError('malformed');
  const nonce = decode(parts[1] ?? '');
  const body = decode(parts[2] ?? '');
  // Nothing is ever sealed empty, so a body of the tag alone (or less) is a truncation.
  if (!nonce || nonce.length !== NONCE_BYTES || !body || body.length <= TAG_BYTES) {
    throw new CiphertextError('malformed');
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
    decipher.setAAD(ad);
    decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
    return Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]);
  } catch {
    throw new CiphertextError('tampered');
  }
}

/**
 * Seals a field group: the JSON of `values` (strings, numbers, booleans, null, arrays and plain
 * objects; a Date comes back as its ISO string, undefined fields are dropped), padded with JSON
 * whitespace to a multiple of 32 bytes, under AES-256-GCM with a fresh random 96-bit nonce.
 * Random nonces are safe below 2^32 seals per key (NIST SP 800-38D); a data key per data subject or
 * record is used a few times per update, far from it. Throws TypeError on a bad key or context.
 */
export function sealGroup(dataKey: Buffer, aad: SealContext, values: Record<string, unknown>): string {
  checkKey(dataKey);
  const ad = sealAad(aad);
  if (typeof values !== 'object' || values === null || Array.isArray(values)) {
    throw new TypeError('a field group is an object of field values');
  }
  const json = JSON.stringify(values);
  const length = Buffer.byteLength(json, 'utf8');
  // The JSON written straight into the padded plaintext (one buffer, wiped once sealed).
  const plaintext = Buffer.alloc(Math.max(1, Math.ceil(length / PAD_TO)) * PAD_TO, 0x20);
  plaintext.write(json, 0, 'utf8');
  try {
    return sealBytes(dataKey, ad, plaintext);
  } finally {
    plaintext.fill(0);
  }
}

/**
 * Opens a field group sealed by sealGroup under the same key and context.
 * Throws CiphertextError: 'unsupported_version' (another format version), 'malformed' (not a sealed
 * group, e.g. truncated), 'tampered' (wrong key, any altered byte, or sealed for another file,
 * record, group or key). Never returns unauthenticated data.
 */
export function openGroup(dataKey: Buffer, aad: SealContext, sealed: string): Record<string, unknown> {
  checkKey(dataKey);
  const plaintext = openBytes(dataKey, sealAad(aad), sealed);
  let values: unknown;
  try {
    values = JSON.parse(plaintext.toString('utf8'));
  } catch {
    // Authenticated but not JSON: sealed by something else under this key and context. The parser's
    // message would quote the plaintext, so it is dropped.
    throw new CiphertextError('malformed');
  } finally {
    plaintext.fill(0);
  }
  if (typeof values !== 'object' || values === null || Array.isArray(values)) {
    throw new CiphertextError('malformed');
  }
  return values as Record<string, unknown>;
}
