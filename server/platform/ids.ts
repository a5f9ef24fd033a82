import { randomUUID } from 'node:crypto';

/** A new random identifier (UUID v4). */
export const newId = (): string => randomUUID();

/**
 * A new time-ordered identifier (UUID v7, RFC 9562): 48 bits of Unix milliseconds, then random bits.
 * Rows written in time order (the log) then append to their unique index instead of scattering
 * over it, which keeps group commit fast (bench/append.ts).
 */
let prefixMs = Number.NaN;
let prefix = '';

export function newTimeOrderedId(now = Date.now()): string {
  // randomUUID draws from a cached pool of entropy (randomBytes per call costs ten times more); its
  // variant bits already say RFC 9562, and its version digit becomes 7. The time part is formatted
  // once per millisecond: the log writes many entries in the same one.
  if (now !== prefixMs) {
    const ms = now.toString(16).padStart(12, '0');
    prefix = `${ms.slice(0, 8)}-${ms.slice(8, 12)}-7`;
    prefixMs = now;
  }
  return flat(prefix + randomUUID().slice(15));
}

/**
 * The same string, stored flat: V8 keeps a concatenation as a pair of pieces until something reads
 * it whole, and the SQLite driver binding such strings cost more than the rest of an insert
 * (bench/append.ts). Converting to a number reads the string whole, which flattens it in place.
 */
function flat(s: string): string {
  void Number(s);
  return s;
}
