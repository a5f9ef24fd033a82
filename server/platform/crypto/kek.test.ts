/**
 * A25: data keys are stored only wrapped by a key-encryption key kept outside the database, in a
 * key file only its owner can read; the file is created once, refused when exposed or damaged, and
 * rotated without downtime (other servers notice). Error messages never carry key material.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CiphertextError, newDataKey } from './envelope.ts';
import { createMemoryKekProvider, type KekProvider } from './kek.ts';
import { createFileKekProvider } from './kek-file.ts';

const posix = process.platform !== 'win32';
const subject = 'vault:file:file-students:subject:subject-0001';
const dirs: string[] = [];

/** A key file path in a fresh directory that does not exist yet (so its creation is tested too). */
function keyFilePath(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-kek-'));
  dirs.push(root);
  return path.join(root, 'keys', 'kek.json');
}

afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const mode = (p: string) => fs.statSync(p).mode & 0o777;
const storedKeys = (file: string) =>
  (JSON.parse(fs.readFileSync(file, 'utf8')) as { keys: { key: string }[] }).keys.map((k) => k.key);

async function rejection(promise: Promise<unknown>): Promise<CiphertextError> {
  const e: unknown = await promise.then(
    () => new Error('expected a rejection'),
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(CiphertextError);
  return e as CiphertextError;
}

/** The message of what `run` throws. */
function thrown(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error');
}

describe.each([
  ['memory', () => createMemoryKekProvider()],
  ['file', () => createFileKekProvider(keyFilePath())],
] as const)('key-encryption keys (%s)', (_name, make: () => KekProvider) => {
  it('a wrapped data key unwraps only with the same context', async () => {
    const kek = make();
    const dataKey = newDataKey();
    const w = await kek.wrap(dataKey, subject);
    expect(w.kekVersion).toBe(1);
    expect(w.wrapped).not.toContain(dataKey.toString('base64url'));
    expect((await kek.unwrap(w, subject)).equals(dataKey)).toBe(true);
    expect((await rejection(kek.unwrap(w, `${subject}x`))).reason).toBe('tampered');
    expect((await rejection(kek.unwrap({ ...w, wrapped: w.wrapped.slice(0, -2) }, subject))).reason).toMatch(
      /tampered|malformed/,
    );
    expect((await rejection(kek.unwrap({ ...w, kekVersion: 7 }, subject))).reason).toBe('unknown_key');
  });

  it('rotation makes a new version current; old wraps still unwrap and rewrap moves them', async () => {
    const kek = make();
    const dataKey = newDataKey();
    const old = await kek.wrap(dataKey, subject);
    expect(await kek.rotate()).toBe(2);
    expect(kek.current().version).toBe(2);
    expect(kek.versions()).toEqual([1, 2]);
    expect((await kek.unwrap(old, subject)).equals(dataKey)).toBe(true);
    const moved = await kek.rewrap(old, subject);
    expect(moved.kekVersion).toBe(2);
    expect((await kek.unwrap(moved, subject)).equals(dataKey)).toBe(true);
    expect(await kek.rewrap(moved, subject)).toBe(moved);
    expect((await kek.wrap(newDataKey(), subject)).kekVersion).toBe(2);
    await rejection(kek.rewrap(old, `${subject}x`));
  });
});

describe('the key-encryption key file', () => {
  it.skipIf(!posix)('is created 0600 in a 0700 directory on first start and reused on the next', async () => {
    const file = keyFilePath();
    const first = createFileKekProvider(file);
    expect(mode(file)).toBe(0o600);
    expect(mode(path.dirname(file))).toBe(0o700);
    const text = fs.readFileSync(file, 'utf8');
    expect(JSON.parse(text)).toMatchObject({ format: 1, current: 1, keys: [{ version: 1 }] });
    const dataKey = newDataKey();
    const w = await first.wrap(dataKey, subject);
    const second = createFileKekProvider(file);
    expect((await second.unwrap(w, subject)).equals(dataKey)).toBe(true);
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['kek.json']);
  });

  it('never holds the data keys it wraps', async () => {
    const file = keyFilePath();
    const kek = createFileKekProvider(file);
    const dataKeys = Array.from({ length: 20 }, newDataKey);
    for (const k of dataKeys) await kek.wrap(k, subject);
    await kek.rotate();
    const text = fs.readFileSync(file, 'utf8');
    for (const k of dataKeys) {
      for (const encoding of ['base64', 'base64url', 'hex'] as const) {
        expect(text).not.toContain(k.toString(encoding).slice(0, 16));
      }
    }
  });

  it.skipIf(!posix)('refuses to start when group or others may read it, naming the file and the fix', () => {
    const file = keyFilePath();
    createFileKekProvider(file);
    const [key] = storedKeys(file);
    for (const loose of [0o640, 0o604, 0o660]) {
      fs.chmodSync(file, loose);
      const message = thrown(() => createFileKekProvider(file));
      expect(message).toContain(file);
      expect(message).toContain('chmod 600');
      expect(message).not.toContain(key!.slice(0, 12));
    }
  });

  it('refuses to start when malformed or its current version is missing, without quoting it', () => {
    const file = keyFilePath();
    createFileKekProvider(file);
    const good = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    const [key] = storedKeys(file);
    const bad: [string, RegExp][] = [
      [fs.readFileSync(file, 'utf8').slice(0, 80), /not valid JSON/],
      [`{"format":1,"current":1,"keys":[{"version":1,"key":"${key}" oops}]}`, /not valid JSON/],
      [JSON.stringify({ ...good, format: 2 }), /format/],
      [JSON.stringify({ ...good, keys: [] }), /no keys/],
      [JSON.stringify({ ...good, keys: [{ version: 1, key: key!.slice(0, 20) }] }), /not base64 of 32 bytes/],
      [JSON.stringify({ ...good, keys: [{ version: 0, key }] }), /no valid version/],
      [JSON.stringify({ ...good, current: 2 }), /current version/],
    ];
    for (const [text, problem] of bad) {
      fs.writeFileSync(file, text, { mode: 0o600 });
      const message = thrown(() => createFileKekProvider(file));
      expect(message).toContain(file);
      expect(message).toMatch(problem);
      expect(message).not.toContain(key!.slice(0, 12));
    }
  });

  it('is not silently recreated when told it must exist', () => {
    const file = keyFilePath();
    expect(thrown(() => createFileKekProvider(file, { create: false }))).toContain(file);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('rotation rewrites it atomically: still 0600, no temporary or lock file left, old keys kept', async () => {
    const file = keyFilePath();
    const kek = createFileKekProvider(file);
    const [first] = storedKeys(file);
    await kek.rotate();
    await kek.rotate();
    expect(storedKeys(file)).toHaveLength(3);
    expect(storedKeys(file)[0]).toBe(first);
    if (posix) expect(mode(file)).toBe(0o600);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['kek.json']);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({ current: 3 });
  });

  it('a second server on the same file sees a rotation after its recheck interval', async () => {
    const file = keyFilePath();
    let t = 0;
    const one = createFileKekProvider(file, { recheckMs: 1000, now: () => t });
    const two = createFileKekProvider(file, { recheckMs: 1000, now: () => t });
    expect(two.current().version).toBe(1);
    await one.rotate();
    t += 500;
    expect(two.current().version).toBe(1); // not re-read yet: at most one stat per interval
    // …but a key wrapped by the rotated server unwraps at once: an unknown version forces a re-read.
    const dataKey = newDataKey();
    const w = await one.wrap(dataKey, subject);
    expect(w.kekVersion).toBe(2);
    expect((await two.unwrap(w, subject)).equals(dataKey)).toBe(true);
    await one.rotate();
    t += 1001;
    expect(two.current().version).toBe(3);
    expect(two.versions()).toEqual([1, 2, 3]);
  });

  it.skipIf(!posix)('a file made readable by others while running stops being used', async () => {
    const file = keyFilePath();
    const kek = createFileKekProvider(file, { recheckMs: 0 });
    const w = await kek.wrap(newDataKey(), subject);
    fs.chmodSync(file, 0o644);
    await expect(kek.unwrap(w, subject)).rejects.toThrow(/other users/);
    fs.chmodSync(file, 0o600);
    expect((await kek.unwrap(w, subject)).length).toBe(32);
  });

  it('a rotation already in progress (lock file present) is refused', async () => {
    const file = keyFilePath();
    const kek = createFileKekProvider(file);
    fs.writeFileSync(`${file}.lock`, '');
    await expect(kek.rotate()).rejects.toThrow(/Another key rotation/);
    expect(kek.current().version).toBe(1);
  });
});
