import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The server's secret key and what is derived from it (node:crypto only: HKDF-SHA256, HMAC-SHA256,
 * AES-256-GCM). One master key per installation, from MAMORI_SECRET_KEY (base64 of 32 bytes) or,
 * when unset, a key file created once in DATA_DIR (mode 0600). Every server of an installation
 * must share it: signed cookies and sealed secrets made by one are read by the others.
 */
export interface Keys {
  /** A 32-byte key for one purpose, e.g. 'terminal-cookie'; different purposes never share a key. */
  derive(purpose: string): Buffer;
  /** HMAC-SHA256 of a value under the purpose's key, base64url. */
  sign(purpose: string, value: string): string;
  /** Constant-time check of a signature made by sign(). */
  verify(purpose: string, value: string, signature: string): boolean;
  /** AES-256-GCM encryption of a secret (e.g. an OIDC client secret, a TOTP seed), as text. */
  seal(purpose: string, plaintext: string): string;
  /** The plaintext of seal(); throws when the text was altered or sealed for another purpose. */
  open(purpose: string, sealed: string): string;
}

export function createKeys(master: Buffer): Keys {
  if (master.length !== 32) throw new Error('the secret key must be 32 bytes');
  const cache = new Map<string, Buffer>();
  const derive = (purpose: string) => {
    let key = cache.get(purpose);
    if (!key) {
      key = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `mamori:${purpose}`, 32));
      cache.set(purpose, key);
    }
    return key;
  };
  const sign = (purpose: string, value: string) =>
    createHmac('sha256', derive(purpose)).update(value).digest('base64url');
  return {
    derive,
    sign,
    verify(purpose, value, signature) {
      const expected = Buffer.from(sign(purpose, value));
      const given = Buffer.from(signature);
      return expected.length === given.length && timingSafeEqual(expected, given);
    },
    seal(purpose, plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', derive(`seal:${purpose}`), iv);
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return [
        'v1',
        iv.toString('base64url'),
        body.toString('base64url'),
        cipher.getAuthTag().toString('base64url'),
      ].join('.');
    },
    open(purpose, sealed) {
      const [version, iv, body, tag] = sealed.split('.');
      if (version !== 'v1' || !iv || body === undefined || !tag) throw new Error('not a sealed value');
      const decipher = createDecipheriv(
        'aes-256-gcm',
        derive(`seal:${purpose}`),
        Buffer.from(iv, 'base64url'),
      );
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    },
  };
}

/** The master key from MAMORI_SECRET_KEY, else from (or newly into) DATA_DIR/secret.key. */
export function loadMasterKey(secretKey: string | undefined, dataDir: string): Buffer {
  if (secretKey) {
    const key = Buffer.from(secretKey, 'base64');
    if (key.length !== 32) throw new Error('MAMORI_SECRET_KEY must be the base64 of 32 random bytes');
    return key;
  }
  const file = path.join(dataDir, 'secret.key');
  if (fs.existsSync(file)) return loadMasterKey(fs.readFileSync(file, 'utf8').trim(), dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  fs.writeFileSync(file, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  return key;
}
