/**
 * Encryption of held personal information (A25) and its erasure by destroying keys (A15): data keys
 * wrapped by key-encryption keys, field groups sealed under data keys, and blind indexes for
 * exact-match search. Domain-free: no database, no HTTP; the vault module builds on it.
 */
export { createMemoryKekProvider, type KekProvider, type WrappedKey } from './kek.ts';
export { createFileKekProvider, type FileKekOptions } from './kek-file.ts';
export {
  CiphertextError,
  newDataKey,
  openGroup,
  sealGroup,
  type CiphertextReason,
  type SealContext,
} from './envelope.ts';
export {
  blindIndex,
  blindIndexOfNormalised,
  indexBitsFor,
  indexKey,
  normaliseForIndex,
} from './blind-index.ts';
export { hmacSha256 } from './hmac.ts';
