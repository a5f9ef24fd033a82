import type { Config } from '../config.ts';
import type {
  BackupResult,
  BackupTarget,
  CreateBackupOptions,
  RestoreOptions,
  RestoreResult,
  StoredBackup,
} from './types.ts';

export type * from './types.ts';

/**
 * Backups (issue 11, A27). Skeleton of the engine's public surface — the engine's helper replaces
 * each body; the names and signatures stay.
 */
export function parseDestination(value: string): BackupTarget {
  if (value.startsWith('s3://')) {
    const [bucket = '', ...rest] = value.slice(5).split('/');
    return { kind: 's3', bucket, prefix: rest.join('/') };
  }
  return { kind: 'dir', path: value };
}

/** The backup key from config.backup.keyFile, created (0600, in a 0700 folder) when absent. */
export function loadBackupKey(config: Config): Buffer {
  void config;
  throw new Error('not yet built');
}

/** Reads a backup key from a file (restore on another machine: --key-file). */
export function readBackupKey(file: string): Buffer {
  void file;
  throw new Error('not yet built');
}

export function createBackup(opts: CreateBackupOptions): Promise<BackupResult> {
  void opts;
  return Promise.reject(new Error('not yet built'));
}

export function restoreBackup(opts: RestoreOptions): Promise<RestoreResult> {
  void opts;
  return Promise.reject(new Error('not yet built'));
}

/** The backups kept at a destination, newest first. */
export function listBackups(target: BackupTarget, config: Config): Promise<StoredBackup[]> {
  void target;
  void config;
  return Promise.resolve([]);
}
