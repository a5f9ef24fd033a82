import { hkdfSync } from 'node:crypto';
import { hmacSha256 } from './hmac.ts';

/**
 * Blind indexes: exact-match search over fields encrypted under A25 without decrypting every row.
 * An index value is a truncated HMAC of the normalised value, deliberately short so that about
 * `matchesPerValue` rows share each one: the database then learns only "these few rows might be
 * equal", and the vault decrypts the candidates and filters them. A full-length HMAC would reveal
 * exactly which rows hold equal values (who shares a surname, an address), and small domains such as
 * student numbers or birth dates can be enumerated by anyone holding the index key, turning a long
 * index back into the plaintext; a short one only narrows it to a bucket of many.
 */

const DASHES = /[\p{Dash}\u2043\u2500\u2501]/gu;
/** Whitespace, invisible format characters (soft hyphen, zero-width space, BOM), controls, and the
 * katakana middle dot that separates given and family names (ジョン・スミス = ジョンスミス). */
const SEPARATORS = /[\s\p{Cf}\p{Cc}\u30FB]/gu;
/** WAVE DASH and FULLWIDTH TILDE are confused by Shift_JIS converters: both become '~'. */
const WAVES = /[\u301C\u3030]/g;
/** ー after a digit or a Latin letter is a dash typed with the kana keyboard (03ー1234ー5678). */
const LONG_MARK_AS_DASH = /(?<=[0-9a-z])ー+/g;
const KATAKANA = /[\u30A1-\u30F6\u30FD\u30FE]/g;

/**
 * The form a value is indexed under, so that what people type differently still matches:
 * NFKC (full-width letters and digits to ASCII, half-width katakana to full-width), separators
 * removed, lower case, katakana folded to hiragana (ァ–ヶ → ぁ–ゖ, ヽヾ → ゝゞ; ー kept), every kind of
 * hyphen and dash removed (03-1234-5678 = ０３－１２３４－５６７８ = 0312345678), and a final NFC that
 * recomposes a voiced mark left apart (か゛ = が).
 */
export function normaliseForIndex(value: string): string {
  return value
    .normalize('NFKC')
    .replace(SEPARATORS, '')
    .toLowerCase()
    .replace(KATAKANA, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60))
    .replace(WAVES, '~')
    .replace(LONG_MARK_AS_DASH, '')
    .replace(DASHES, '')
    .normalize('NFC');
}

/**
 * The index key of one field of one personal information file (HKDF-SHA256 of `master`). Its info
 * string starts with '[', so it never equals a key from Keys.derive (info `mamori:<purpose>`) or a
 * key-encryption wrapping key (`mamori:kek-wrap`). Index keys must be guarded like the key-encryption
 * key (see above: they let their holder test guesses). Throws TypeError on a short master or empty names.
 */
export function indexKey(master: Buffer, fileId: string, field: string): Buffer {
  if (!Buffer.isBuffer(master) || master.length < 32)
    throw new TypeError('the index master key must be 32 bytes or more');
  if (typeof fileId !== 'string' || fileId === '' || typeof field !== 'string' || field === '') {
    throw new TypeError('an index key needs a file id and a field name');
  }
  const info = JSON.stringify(['mamori:blind-index:v1', fileId, field]);
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), info, 32));
}

/**
 * The blind index of `value`: HMAC-SHA256 of its normalised form, truncated to its top `bits` bits
 * (1 to 32), as a non-negative integer for an integer column. Throws RangeError on other `bits`.
 */
export function blindIndex(key: Buffer, value: string, bits: number): number {
  if (!Number.isInteger(bits) || bits < 1 || bits > 32)
    throw new RangeError('blind index bits must be 1 to 32');
  if (!Buffer.isBuffer(key) || key.length < 32)
    throw new TypeError('a blind index key must be 32 bytes or more');
  return blindIndexOfNormalised(key, normaliseForIndex(value), bits);
}

/**
 * blindIndex of a value already normalised by normaliseForIndex (a caller indexing a value and its
 * prefix normalises once). Checks nothing: for callers that pass the key and bits blindIndex checked.
 */
export function blindIndexOfNormalised(key: Buffer, normalised: string, bits: number): number {
  const mac = hmacSha256(key, normalised);
  // Division, not a shift: `>>> 32` would shift by 0.
  return Math.floor(mac.readUInt32BE(0) / 2 ** (32 - bits));
}

/**
 * How many bits an index over `expectedRows` rows should keep so that about `matchesPerValue` rows
 * share each index value: round(log2(expectedRows / matchesPerValue)), clamped to 1..24.
 * E.g. 1,000 students → 7 bits (128 values, ~8 rows each); 10,000 → 10; 100 → 4.
 * The bits are fixed when an index is built and stored with it; when the population grows by an
 * order of magnitude the vault rebuilds the index rather than letting buckets grow.
 */
export function indexBitsFor(expectedRows: number, matchesPerValue = 8): number {
  if (
    !Number.isFinite(expectedRows) ||
    expectedRows < 0 ||
    !Number.isFinite(matchesPerValue) ||
    matchesPerValue <= 0
  ) {
    throw new RangeError('expected rows must be >= 0 and matches per value > 0');
  }
  // log2(0) is -Infinity: clamped to 1 like any population smaller than one bucket.
  return Math.min(24, Math.max(1, Math.round(Math.log2(expectedRows / matchesPerValue))));
}
