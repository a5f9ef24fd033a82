import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { keyringProvider, later, wrappingKey, type KekProvider, type Keyring } from './kek.ts';

/**
 * The default home of the key-encryption keys (A25): a key file outside the database, created on
 * first start (directory 0700, file 0600), refused when others may read it, rotated in place.
 */
export interface FileKekOptions {
  /** At most how often (ms) the file is checked for a rotation made by another process; 1000. */
  recheckMs?: number;
  /** Create the file when absent (first start); false once wrapped keys exist, so a lost file is noticed. */
  create?: boolean;
  now?: () => number;
}

/** The key file as stored: `{ format: 1, current, keys: [{ version, key (base64 of 32 bytes), createdAt }] }`. */
interface KeyFile {
  format: 1;
  current: number;
  keys: { version: number; key: string; createdAt: string }[];
}

const refuse = (file: string, problem: string, fix: string) =>
  new Error(`Refusing to use the key-encryption key file ${file}: ${problem}. ${fix}`);
const RESTORE =
  'Restore it from a backup; do not delete or recreate it, or every stored data key becomes unreadable.';

/**
 * Validates the file's text. Messages name the path and the problem, never a value from the file:
 * JSON.parse's own message quotes the text around the error, which may be key material.
 */
function parseKeyFile(file: string, text: string): { doc: KeyFile; ring: Keyring } {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw refuse(file, 'it is not valid JSON', RESTORE);
  }
  const d = doc as Partial<KeyFile> | null;
  if (typeof d !== 'object' || d === null || d.format !== 1)
    throw refuse(file, 'its format is not 1', RESTORE);
  if (!Array.isArray(d.keys) || d.keys.length === 0) throw refuse(file, 'it holds no keys', RESTORE);
  const keys = new Map<number, Buffer>();
  d.keys.forEach((k: Partial<KeyFile['keys'][number]> | null, i) => {
    const version = k?.version;
    if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) {
      throw refuse(file, `key entry ${i + 1} has no valid version`, RESTORE);
    }
    if (keys.has(version)) throw refuse(file, `version ${version} appears twice`, RESTORE);
    const raw =
      typeof k?.key === 'string' && /^[A-Za-z0-9+/]{43}=$/.test(k.key) ? Buffer.from(k.key, 'base64') : null;
    if (!raw || raw.length !== 32)
      throw refuse(file, `the key of version ${version} is not base64 of 32 bytes`, RESTORE);
    keys.set(version, wrappingKey(raw));
  });
  if (typeof d.current !== 'number' || !keys.has(d.current)) {
    throw refuse(file, 'its current version is not among its keys', RESTORE);
  }
  return { doc: d as KeyFile, ring: { current: d.current, keys } };
}

/** Reads the file through one descriptor, so the permissions checked are those of the file read. */
function readKeyFile(file: string): { doc: KeyFile; ring: Keyring; stamp: string } {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    throw refuse(file, `it cannot be opened (${code})`, RESTORE);
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) throw refuse(file, 'it is not a regular file', RESTORE);
    if (process.platform !== 'win32' && (st.mode & 0o077) !== 0) {
      const mode = (st.mode & 0o777).toString(8).padStart(3, '0');
      throw refuse(
        file,
        `other users may access it (mode ${mode})`,
        `Run \`chmod 600 ${file}\`, and consider the keys exposed if others could read it.`,
      );
    }
    return { ...parseKeyFile(file, fs.readFileSync(fd, 'utf8')), stamp: stampOf(st) };
  } finally {
    fs.closeSync(fd);
  }
}

/** What changes when the file is replaced (rename: new inode), rewritten, touched or chmod-ed. */
const stampOf = (st: fs.Stats) => `${st.ino}:${st.size}:${st.mtimeMs}:${st.ctimeMs}`;

/**
 * Writes the file atomically: a temporary file (0600) in the same directory, flushed, then renamed
 * over it, or, when creating, hard-linked to its name (fails if another process created it first).
 * A crash leaves the old file or the new one, never a partial one.
 */
function writeKeyFile(file: string, doc: KeyFile, creating: boolean): void {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = fs.openSync(tmp, 'wx', 0o600);
  try {
    try {
      fs.fchmodSync(fd, 0o600); // the umask may have taken bits off, never added
      fs.writeFileSync(fd, JSON.stringify(doc, null, 2) + '\n');
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    if (!creating) fs.renameSync(tmp, file);
    else {
      try {
        fs.linkSync(tmp, file);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') return; // another server created it first: that one is used
        if (!fs.existsSync(file)) fs.renameSync(tmp, file); // a file system without hard links
      }
    }
    syncDir(dir);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

function syncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Not every platform can open a directory (Windows); the rename itself is still atomic.
  }
}

function createKeyFile(file: string, now: number): void {
  const dir = path.dirname(file);
  if (fs.mkdirSync(dir, { recursive: true, mode: 0o700 }) !== undefined) fs.chmodSync(dir, 0o700);
  const key = randomBytes(32);
  const createdAt = new Date(now).toISOString();
  writeKeyFile(
    file,
    { format: 1, current: 1, keys: [{ version: 1, key: key.toString('base64'), createdAt }] },
    true,
  );
  key.fill(0);
}

/**
 * Key-encryption keys in a JSON key file (mode 0600, directory 0700), created on first use.
 * Throws (refuses to start) when the file is accessible to group or others, malformed, or its
 * current version is missing; the message names the path and the fix, never key material.
 * Several servers may share the file: each re-reads it when it changed (one stat at most every
 * `recheckMs`), so `npx mamori keys rotate` on one host reaches the others without downtime.
 */
export function createFileKekProvider(file: string, opts: FileKekOptions = {}): KekProvider {
  const recheckMs = opts.recheckMs ?? 1000;
  const now = opts.now ?? Date.now;
  if (!fs.existsSync(file)) {
    if (opts.create === false) throw refuse(file, 'it does not exist', RESTORE);
    createKeyFile(file, now());
  }
  let state = readKeyFile(file);
  let checkedAt = now();

  const ring = (fresh = false): Keyring => {
    const t = now();
    if (fresh || t - checkedAt >= recheckMs) {
      checkedAt = t;
      let stamp: string;
      try {
        stamp = stampOf(fs.statSync(file));
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code ?? 'error';
        throw refuse(file, `it cannot be read (${code})`, RESTORE);
      }
      // A file that turned bad (permissions, content) fails every use until fixed, as at start.
      if (stamp !== state.stamp) state = readKeyFile(file);
    }
    return state.ring;
  };

  const rotate = () =>
    later(() => {
      // One rotation at a time across processes: a lock file beside the key file.
      const lock = `${file}.lock`;
      let lockFd: number;
      try {
        lockFd = fs.openSync(lock, 'wx', 0o600);
      } catch {
        throw new Error(
          `Another key rotation holds ${lock}; if none is running, remove that file and retry.`,
        );
      }
      try {
        const { doc } = readKeyFile(file);
        const version = Math.max(...doc.keys.map((k) => k.version)) + 1;
        const key = randomBytes(32);
        doc.keys.push({ version, key: key.toString('base64'), createdAt: new Date(now()).toISOString() });
        key.fill(0);
        writeKeyFile(file, { ...doc, current: version }, false);
        state = readKeyFile(file);
        checkedAt = now();
        return version;
      } finally {
        fs.closeSync(lockFd);
        fs.rmSync(lock, { force: true });
      }
    });

  return keyringProvider(ring, rotate);
}
