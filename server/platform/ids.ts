import { randomUUID } from 'node:crypto';

/** A new random identifier (UUID v4). */
export const newId = (): string => randomUUID();

/**
 * A new time-ordered identifier (UUID v7, RFC 9562): 48 bits of Unix milliseconds, then random bits.
 * Rows written in time order (the log) then append to their unique index instead of scattering
 * over it, which keeps group commit fast (bench/append.ts).
 */
export function newTimeOrderedId(now = Date.now()): string {
  // randomUUID draws from a cached pool of entropy (randomBytes per call costs ten times more); its
  // variant bits already say RFC 9562, and its version digit becomes 7.
  const random = randomUUID();
  const ms = now.toString(16).padStart(12, '0');
  return `${ms.slice(0, 8)}-${ms.slice(8, 12)}-7${random.slice(15)}`;
}
