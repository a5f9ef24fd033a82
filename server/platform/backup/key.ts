import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The backup key (A27): 32 random bytes, base64 in a file of mode 0600 inside a folder of mode 0700,
 * created on first use. It is the password of every backup archive (AES-256, WinZip AE-2), so a
 * backup read without it is noise. Keep a copy apart from the backups (`npx mamori backup key
 * --export --yes` prints it once); it is never put into a backup.
 */
export function loadKeyFile(file: string): Buffer {
  if (!fs.existsSync(file)) {
    const dir = path.dirname(file);
    if (fs.mkdirSync(dir, { recursive: true, mode: 0o700 }) !== undefined) fs.chmodSync(dir, 0o700);
    const key = randomBytes(32);
    try {
      fs.writeFileSync(file, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
      return key;
    } catch (e) {
      // Another process created it first: that one is used.
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  return readKeyFile(file);
}

/** Reads a key file (restore on another machine: --key-file); refuses one others may read. */
export function readKeyFile(file: string): Buffer {
  let text: string;
  try {
    const st = fs.statSync(file);
    if (process.platform !== 'win32' && (st.mode & 0o077) !== 0)
      throw new Error(
        `Refusing to use the backup key file ${file}: other users may access it (mode ${(st.mode & 0o777).toString(8)}). Run \`chmod 600 ${file}\`.`,
      );
    text = fs.readFileSync(file, 'utf8').trim();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      throw new Error(`The backup key file ${file} does not exist.`);
    throw e;
  }
  const key = /^[A-Za-z0-9+/]{43}=$/.test(text) ? Buffer.from(text, 'base64') : null;
  // The message names the file, never its content (which may be key material).
  if (!key || key.length !== 32)
    throw new Error(`The backup key file ${file} does not hold base64 of 32 bytes.`);
  return key;
}

/** What identifies a key without revealing it: the first 16 bytes of its SHA-256, in groups. */
export const keyFingerprint = (key: Buffer) =>
  createHash('sha256')
    .update('mamori-backup-key:')
    .update(key)
    .digest('hex')
    .slice(0, 32)
    .match(/.{4}/g)!
    .join(':');

/** The archive's password: the key as base64 (an operator can open an archive in 7-Zip with it). */
export const passwordOf = (key: Buffer) => {
  if (key.length !== 32) throw new Error('the backup key must be 32 bytes');
  return key.toString('base64');
};
