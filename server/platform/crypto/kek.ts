import { hkdfSync, randomBytes } from 'node:crypto';
import { CiphertextError, openBytes, sealBytes } from './envelope.ts';

/**
 * Key-encryption keys (A25). Data keys are stored in the database only wrapped (AES-256-GCM) by a
 * key-encryption key that lives outside it, so a copy of the database alone reveals nothing.
 * A15: a data key destroyed in the database stays destroyed; the key-encryption key never held it.
 */

/** A wrapped data key, as stored beside the data (text, fits a column). */
export interface WrappedKey {
  kekVersion: number;
  wrapped: string;
}

/**
 * Where key-encryption keys live. `context` (e.g. `vault:file:<id>:subject:<id>`) is bound to the
 * wrapped key as associated data: a wrapped key copied to another row does not unwrap there.
 * Unwrap and rewrap throw CiphertextError ('tampered', 'malformed', 'unknown_key').
 *
 * A KMS provider implements the same interface: `wrap` is the KMS's Encrypt (or a wrap-key call)
 * with `context` as its encryption context / additional authenticated data and the KMS key version
 * recorded in `kekVersion`; `unwrap` is Decrypt with the same context; `rewrap` is ReEncrypt where
 * the KMS has it (the data key never leaves the KMS), else unwrap then wrap; `rotate` asks the KMS
 * for a new key version; `current` and `versions` report what the KMS holds. The key then never
 * exists on the application servers at all.
 */
export interface KekProvider {
  /** The version new wraps use. */
  current(): { version: number };
  wrap(dataKey: Buffer, context: string): Promise<WrappedKey>;
  unwrap(w: WrappedKey, context: string): Promise<Buffer>;
  /** The same data key wrapped under the current version (`w` itself when it already is). */
  rewrap(w: WrappedKey, context: string): Promise<WrappedKey>;
  /** Adds a new version and makes it current; older versions stay, so existing wraps still unwrap. */
  rotate(): Promise<number>;
  /** Every version held, ascending. */
  versions(): number[];
}

/** The versions held (wrapping keys derived from them) and the current one. */
export interface Keyring {
  current: number;
  keys: Map<number, Buffer>;
}

/** Runs a synchronous step as a promise: its throw becomes a rejection. */
export const later = <T>(step: () => T): Promise<T> => new Promise<T>((resolve) => resolve(step()));

/** The wrapping key of one key-encryption key version; the raw key has no other use. */
export const wrappingKey = (raw: Buffer): Buffer =>
  Buffer.from(hkdfSync('sha256', raw, Buffer.alloc(0), 'mamori:kek-wrap', 32));

const wrapAad = (version: number, context: string): Buffer =>
  Buffer.from(JSON.stringify(['mamori:kek-wrap:v1', version, context]), 'utf8');

function checkContext(context: string): void {
  if (typeof context !== 'string' || context === '')
    throw new TypeError('a wrap context must be a non-empty string');
}

function checkWrapped(w: WrappedKey): void {
  if (
    typeof w !== 'object' ||
    w === null ||
    !Number.isSafeInteger(w.kekVersion) ||
    typeof w.wrapped !== 'string'
  ) {
    throw new CiphertextError('malformed');
  }
}

/**
 * The provider methods over a keyring. `ring(fresh)` returns the keyring, re-read first when `fresh`
 * (an unknown version may come from a rotation another server just made).
 */
export function keyringProvider(
  ring: (fresh?: boolean) => Keyring,
  rotate: () => Promise<number>,
): KekProvider {
  const wrapSync = (dataKey: Buffer, context: string): WrappedKey => {
    checkContext(context);
    if (!Buffer.isBuffer(dataKey) || dataKey.length !== 32)
      throw new TypeError('a data key must be 32 bytes');
    const { current, keys } = ring();
    const key = keys.get(current);
    if (!key) throw new Error(`the current key-encryption key version ${current} is missing`);
    return { kekVersion: current, wrapped: sealBytes(key, wrapAad(current, context), dataKey) };
  };
  const unwrapSync = (w: WrappedKey, context: string): Buffer => {
    checkContext(context);
    checkWrapped(w);
    const key = ring().keys.get(w.kekVersion) ?? ring(true).keys.get(w.kekVersion);
    if (!key) throw new CiphertextError('unknown_key');
    const dataKey = openBytes(key, wrapAad(w.kekVersion, context), w.wrapped);
    if (dataKey.length !== 32) throw new CiphertextError('malformed');
    return dataKey;
  };
  return {
    current: () => ({ version: ring().current }),
    versions: () => [...ring().keys.keys()].sort((a, b) => a - b),
    wrap: (dataKey, context) => later(() => wrapSync(dataKey, context)),
    unwrap: (w, context) => later(() => unwrapSync(w, context)),
    rewrap: (w, context) =>
      later(() => {
        checkWrapped(w);
        if (w.kekVersion === ring().current) return w;
        const dataKey = unwrapSync(w, context);
        try {
          return wrapSync(dataKey, context);
        } finally {
          dataKey.fill(0);
        }
      }),
    rotate,
  };
}

/** Key-encryption keys held in memory only, for tests. */
export function createMemoryKekProvider(): KekProvider {
  const state: Keyring = { current: 1, keys: new Map([[1, wrappingKey(randomBytes(32))]]) };
  return keyringProvider(
    () => state,
    () =>
      later(() => {
        state.current = Math.max(...state.keys.keys()) + 1;
        state.keys.set(state.current, wrappingKey(randomBytes(32)));
        return state.current;
      }),
  );
}
