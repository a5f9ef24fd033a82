import path from 'node:path';
import type { Config } from '../config.ts';
import { createBackupNow } from './create.ts';
import { listAt } from './destinations.ts';
import { loadKeyFile, readKeyFile } from './key.ts';
import { restoreNow } from './restore.ts';
import { pruneBackups as prune } from './retention.ts';
import type {
  BackupResult,
  BackupTarget,
  CreateBackupOptions,
  RestoreOptions,
  RestoreResult,
  StoredBackup,
} from './types.ts';

export type * from './types.ts';
export { keyFingerprint } from './key.ts';
export { backupName, describeTarget, instantOf } from './destinations.ts';

/**
 * Backups (issue 11, A27): one encrypted archive (AES-256, WinZip AE-2, the backup key as its
 * password) of a consistent copy of the database, the keys, the log's latest checkpoint and the
 * files under DATA_DIR, copied to directories and S3-compatible stores, kept by a retention policy,
 * and restored into an empty installation that is then verified (rows and the log).
 */

/** A destination as configured: `s3://bucket/prefix` or a directory. */
export function parseDestination(value: string): BackupTarget {
  const v = value.trim();
  if (v.startsWith('s3://')) {
    const [bucket = '', ...rest] = v.slice(5).split('/');
    return { kind: 's3', bucket, prefix: rest.join('/').replace(/\/+$/, '') };
  }
  return { kind: 'dir', path: path.resolve(v) };
}

/** The backup key from config.backup.keyFile, created (0600, in a 0700 folder) when absent. */
export function loadBackupKey(config: Config): Buffer {
  return loadKeyFile(config.backup.keyFile);
}

/** Reads a backup key from a file (restore on another machine: --key-file). */
export function readBackupKey(file: string): Buffer {
  return readKeyFile(path.resolve(file));
}

export function createBackup(opts: CreateBackupOptions): Promise<BackupResult> {
  return createBackupNow(opts);
}

export function restoreBackup(opts: RestoreOptions): Promise<RestoreResult> {
  return restoreNow(opts);
}

/** The backups kept at a destination, newest first. */
export function listBackups(target: BackupTarget, config: Config): Promise<StoredBackup[]> {
  return listAt(target, config.backup.s3);
}

/**
 * Retention: at each destination, removes backups older than config.backup.keepDays while the newest
 * keepMin always stay; returns what was removed. createBackup runs it after each backup.
 */
export function pruneBackups(targets: BackupTarget[], config: Config, now?: Date): Promise<StoredBackup[]> {
  return prune(targets, config, now);
}
