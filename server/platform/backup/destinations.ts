import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  S3Client,
  type ListObjectsV2CommandOutput,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';
import type { BackupProgress, BackupTarget, StoredBackup } from './types.ts';

type S3Settings = Config['backup']['s3'];

/** mamori-backup-20261130T003000Z-sqlite.zip: the time (UTC) and the dialect. */
export const BACKUP_NAME = /^mamori-backup-(\d{8}T\d{6}Z)-(sqlite|postgres)\.zip$/;

export const backupName = (createdAt: Date, dialect: string) =>
  `mamori-backup-${createdAt
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')}-${dialect}.zip`;

/** The instant in a backup's name (ISO), or null for another file. */
export function instantOf(fileName: string): string | null {
  const m = BACKUP_NAME.exec(fileName);
  if (!m) return null;
  const t = m[1]!;
  return `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}T${t.slice(9, 11)}:${t.slice(11, 13)}:${t.slice(13, 15)}.000Z`;
}

/**
 * An S3 client (AWS or an S3-compatible store) from config.backup.s3; credentials from the standard
 * AWS_* environment (or a profile, an instance role). With an endpoint (MinIO, Wasabi, …) checksums
 * are sent only when an operation requires one: many compatible stores do not take the newer ones.
 */
export function s3Client(s3: S3Settings): S3Client {
  return new S3Client({
    region: s3.region,
    forcePathStyle: s3.forcePathStyle,
    ...(s3.endpoint
      ? {
          endpoint: s3.endpoint,
          requestChecksumCalculation: 'WHEN_REQUIRED',
          responseChecksumValidation: 'WHEN_REQUIRED',
        }
      : {}),
  });
}

const keyOf = (prefix: string, name: string) => (prefix ? `${prefix.replace(/\/+$/, '')}/${name}` : name);

/** Where a target is, in words (a path or s3://bucket/prefix), never a secret. */
export const describeTarget = (t: BackupTarget) =>
  t.kind === 'dir' ? t.path : `s3://${t.bucket}${t.prefix ? `/${t.prefix.replace(/\/+$/, '')}` : ''}`;

export const locationOf = (t: BackupTarget, name: string) =>
  t.kind === 'dir' ? path.join(t.path, name) : `s3://${t.bucket}/${keyOf(t.prefix, name)}`;

/**
 * A directory destination is created (0700) when missing but its parent exists; when the parent is
 * missing too (an unmounted disk, a mistyped path) the destination fails: a backup never lands on
 * the wrong disk silently.
 */
function ensureDir(dir: string): void {
  if (fs.existsSync(dir)) return;
  if (!fs.existsSync(path.dirname(dir))) throw new AppError('backup.destination_unwritable');
  fs.mkdirSync(dir, { mode: 0o700 });
}

/** Copies the archive to a destination: atomically (temporary name, then rename) into a directory. */
export async function deliver(
  file: string,
  name: string,
  target: BackupTarget,
  s3: S3Settings,
  onProgress?: (p: BackupProgress) => void,
): Promise<string> {
  const total = fs.statSync(file).size;
  if (target.kind === 'dir') {
    ensureDir(target.path);
    const final = path.join(target.path, name);
    const tmp = path.join(target.path, `.${name}.tmp`);
    try {
      await pipeline(fs.createReadStream(file), fs.createWriteStream(tmp, { mode: 0o600 }));
      const fd = fs.openSync(tmp, 'r');
      fs.fsyncSync(fd);
      fs.closeSync(fd);
      fs.renameSync(tmp, final);
    } catch (e) {
      fs.rmSync(tmp, { force: true });
      throw e;
    }
    onProgress?.({ phase: 'upload', done: total, total });
    return final;
  }
  const upload = new Upload({
    client: s3Client(s3),
    params: { Bucket: target.bucket, Key: keyOf(target.prefix, name), Body: fs.createReadStream(file) },
  });
  upload.on('httpUploadProgress', (p) => onProgress?.({ phase: 'upload', done: p.loaded ?? 0, total }));
  await upload.done();
  return locationOf(target, name);
}

/** The backups kept at a destination, newest first (files named like a backup only). */
export async function listAt(target: BackupTarget, s3: S3Settings): Promise<StoredBackup[]> {
  const out: StoredBackup[] = [];
  if (target.kind === 'dir') {
    if (!fs.existsSync(target.path)) return [];
    for (const name of fs.readdirSync(target.path)) {
      const createdAt = instantOf(name);
      if (!createdAt) continue;
      const st = fs.statSync(path.join(target.path, name));
      if (st.isFile())
        out.push({ location: path.join(target.path, name), fileName: name, bytes: st.size, createdAt });
    }
  } else {
    const client = s3Client(s3);
    const prefix = target.prefix ? `${target.prefix.replace(/\/+$/, '')}/` : '';
    let token: string | undefined;
    do {
      const page: ListObjectsV2CommandOutput = await client.send(
        new ListObjectsV2Command({
          Bucket: target.bucket,
          Prefix: prefix || undefined,
          ContinuationToken: token,
        }),
      );
      for (const o of page.Contents ?? []) {
        const name = (o.Key ?? '').slice(prefix.length);
        const createdAt = instantOf(name);
        if (createdAt && !name.includes('/'))
          out.push({ location: locationOf(target, name), fileName: name, bytes: o.Size ?? 0, createdAt });
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.fileName.localeCompare(a.fileName));
}

export async function removeAt(target: BackupTarget, fileName: string, s3: S3Settings): Promise<void> {
  if (target.kind === 'dir') fs.rmSync(path.join(target.path, fileName), { force: true });
  else
    await s3Client(s3).send(
      new DeleteObjectCommand({ Bucket: target.bucket, Key: keyOf(target.prefix, fileName) }),
    );
}

/** Brings a backup (a path or an s3:// URL) to a local file; returns its path. */
export async function fetchSource(
  source: string,
  tmpDir: string,
  s3: S3Settings | undefined,
  onProgress?: (p: BackupProgress) => void,
): Promise<string> {
  if (!source.startsWith('s3://')) {
    if (!fs.existsSync(source) || !fs.statSync(source).isFile()) throw new AppError('backup.not_found');
    return path.resolve(source);
  }
  const [bucket = '', ...rest] = source.slice(5).split('/');
  const key = rest.join('/');
  const client = s3Client(s3 ?? { endpoint: undefined, region: 'ap-northeast-1', forcePathStyle: false });
  let got;
  try {
    got = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  } catch (e) {
    const name = (e as { name?: string }).name;
    if (name === 'NoSuchKey' || name === 'NotFound' || name === 'NoSuchBucket')
      throw new AppError('backup.not_found');
    throw e;
  }
  const file = path.join(tmpDir, 'source.zip');
  const total = Number(got.ContentLength ?? 0);
  let done = 0;
  const body = got.Body as Readable;
  body.on('data', (c: Buffer) => {
    done += c.length;
    onProgress?.({ phase: 'download', done, total });
  });
  await pipeline(body, fs.createWriteStream(file, { mode: 0o600 }));
  return file;
}
