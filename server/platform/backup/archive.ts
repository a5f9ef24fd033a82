import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { Readable, Writable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import {
  BlobReader,
  configure,
  ERR_INVALID_AUTHENTICATION_CODE,
  ERR_INVALID_PASSWORD,
  ZipReader,
  ZipWriter,
  type FileEntry,
} from '@zip.js/zip.js';
import { AppError } from '../errors.ts';

// In Node the archive is written in the caller's own thread (no web workers).
configure({ useWebWorkers: false });

/** The archive format this engine writes and reads (manifest.json `format`). */
export const FORMAT = 1;

/** One table of a PostgreSQL logical dump: JSON lines, one array of values per row, in `columns` order. */
export interface DumpedTable {
  name: string;
  entry: string;
  columns: string[];
  rows: number;
}

/**
 * manifest.json, the archive's table of contents (encrypted like every entry). Entry names are
 * neutral (`e/000001`): a ZIP's names are not encrypted, so what an entry is lives only in here.
 */
export interface Manifest {
  app: 'mamori';
  format: number;
  createdAt: string;
  dialect: 'sqlite' | 'postgres';
  /** Kysely's migrations applied to the database, by name, in order. */
  migrations: string[];
  /** Rows per table at the moment of the backup (of the consistent copy). */
  counts: Record<string, number>;
  /** The latest signed checkpoint of the log (C2SP signed note), or null before the first one. */
  checkpoint: string | null;
  database: { kind: 'sqlite-file'; entry: string } | { kind: 'postgres-jsonl'; tables: DumpedTable[] };
  keys: {
    /** The vault's key-encryption key file (A25), or null when the installation had none. */
    vaultKek: string | null;
    /** DATA_DIR/secret.key; 'environment': MAMORI_SECRET_KEY was set and is NOT in the backup. */
    secretKey: { source: 'file'; entry: string } | { source: 'environment' } | { source: 'none' };
  };
  /** Files under DATA_DIR (uploaded documents, the witness folder), by path relative to it. */
  files: { path: string; entry: string }[];
  /** SHA-256 and size of every other entry's content, checked again at restore. */
  entries: Record<string, { sha256: string; bytes: number }>;
}

export const MANIFEST = 'manifest.json';

/** A ZIP written as a stream to a file, every entry AES-256 encrypted (WinZip AE-2) with the key. */
export function archiveWriter(file: string, password: string) {
  const out = fs.createWriteStream(file, { mode: 0o600 });
  const zip = new ZipWriter(Writable.toWeb(out), {
    password,
    encryptionStrength: 3,
    // Entry times say nothing useful and would tell when each file last changed: one fixed date.
    lastModDate: new Date('2000-01-01T00:00:00Z'),
  });
  const entries: Manifest['entries'] = {};
  let n = 0;
  return {
    entries,
    /** Adds the stream's bytes under the next neutral name; returns the name. */
    async add(
      source: Readable | AsyncIterable<Uint8Array | string>,
      onBytes?: (bytes: number) => void,
    ): Promise<string> {
      const name = `e/${String(++n).padStart(6, '0')}`;
      const hash = createHash('sha256');
      let bytes = 0;
      const counted = Readable.from(
        (async function* () {
          for await (const chunk of source) {
            const b = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array);
            hash.update(b);
            bytes += b.length;
            onBytes?.(bytes);
            yield b;
          }
        })(),
      );
      await zip.add(name, Readable.toWeb(counted) as unknown as ReadableStream);
      entries[name] = { sha256: hash.digest('hex'), bytes };
      return name;
    },
    async close(manifest: Manifest): Promise<void> {
      await zip.add(
        MANIFEST,
        Readable.toWeb(Readable.from([Buffer.from(JSON.stringify(manifest))])) as unknown as ReadableStream,
      );
      await zip.close();
      if (!out.closed)
        await new Promise<void>((resolve, reject) => out.once('close', resolve).once('error', reject));
    },
    /** Abandons the archive (an error while writing): closes the file. */
    abort() {
      out.destroy();
    },
  };
}

/** Maps zip.js's errors of a wrong key or a foreign file to the stable codes. */
function mapped(e: unknown): unknown {
  if (e instanceof AppError) return e;
  const message = e instanceof Error ? e.message : '';
  if (message === ERR_INVALID_AUTHENTICATION_CODE) return new AppError('backup.checksum_mismatch');
  return new AppError('backup.key_wrong');
}

/**
 * The same while an entry is decrypted: with the right key (the manifest opened), any other failure
 * of decryption or decompression means bytes that were altered or damaged. AES-CTR passes a flipped
 * bit on to the compressed data, whose decoder may fail before the authentication code is checked.
 */
function mappedRead(e: unknown): unknown {
  if (e instanceof AppError) return e;
  const message = e instanceof Error ? e.message : '';
  if (message === ERR_INVALID_PASSWORD) return new AppError('backup.key_wrong');
  return new AppError('backup.checksum_mismatch');
}

/** Opens an archive for reading; its manifest is decrypted and checked first. */
export async function openArchive(file: string, password: string) {
  const blob = await fs.openAsBlob(file);
  const reader = new ZipReader(new BlobReader(blob), { password, checkAuthenticationCode: true });
  let list: FileEntry[];
  try {
    list = (await reader.getEntries()).filter((e): e is FileEntry => !e.directory);
  } catch (e) {
    throw mapped(e);
  }
  const byName = new Map(list.map((e) => [e.filename, e]));
  const entryStream = (name: string): Readable => {
    const entry = byName.get(name);
    if (!entry) throw new AppError('backup.key_wrong');
    const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
    const done = entry.getData(writable).catch((e: unknown) => {
      throw mappedRead(e);
    });
    const stream = Readable.fromWeb(readable as unknown as NodeReadableStream<Uint8Array>);
    // A failure of decryption (wrong key, altered bytes) ends the stream with that error.
    done.catch((e: unknown) => stream.destroy(e as Error));
    return stream;
  };
  const readAll = async (name: string) => {
    const chunks: Buffer[] = [];
    try {
      for await (const c of entryStream(name)) chunks.push(Buffer.from(c as Uint8Array));
    } catch (e) {
      throw mapped(e);
    }
    return Buffer.concat(chunks);
  };
  if (!byName.has(MANIFEST)) {
    await reader.close();
    throw new AppError('backup.key_wrong');
  }
  let manifest: Manifest;
  try {
    manifest = JSON.parse((await readAll(MANIFEST)).toString('utf8')) as Manifest;
  } catch (e) {
    await reader.close();
    throw isAppErrorLike(e) ? e : new AppError('backup.key_wrong');
  }
  if (manifest.app !== 'mamori' || manifest.format !== FORMAT) {
    await reader.close();
    throw new AppError('backup.key_wrong');
  }
  /**
   * An entry's bytes as a stream whose end checks their SHA-256 against the manifest (an altered
   * archive that somehow decrypts is refused all the same).
   */
  const stream = (name: string): Readable => {
    const expected = manifest.entries[name];
    if (!expected) throw new AppError('backup.key_wrong');
    const source = entryStream(name);
    return Readable.from(
      (async function* () {
        const hash = createHash('sha256');
        try {
          for await (const chunk of source) {
            hash.update(chunk as Uint8Array);
            yield chunk as Uint8Array;
          }
        } catch (e) {
          throw mappedRead(e);
        }
        if (hash.digest('hex') !== expected.sha256) throw new AppError('backup.checksum_mismatch');
      })(),
    );
  };
  return { manifest, stream, close: () => reader.close() };
}

const isAppErrorLike = (e: unknown) => e instanceof AppError;

/** SHA-256 of a file, hex. */
export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
