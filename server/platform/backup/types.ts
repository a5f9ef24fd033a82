import type { Config } from '../config.ts';
import type { Database } from '../db/index.ts';

/**
 * The backup engine's contract (issue 11, A27). Written by the lead; the engine's helper implements
 * it in server/platform/backup/, the backups part (modules/facilities/backups) and the CLI use it.
 */

/** Where a backup is written: a directory, or an S3-compatible bucket and key prefix. */
export type BackupTarget = { kind: 'dir'; path: string } | { kind: 's3'; bucket: string; prefix: string };

/** What a progress bar shows: the phase, and how far it is (done of total, in the phase's units). */
export interface BackupProgress {
  phase: 'database' | 'files' | 'encrypt' | 'upload' | 'download' | 'decrypt' | 'restore' | 'verify';
  done: number;
  total: number;
}

/** One destination's outcome: the location in words (a path or s3://bucket/key), never a secret. */
export interface DestinationResult {
  location: string;
  ok: boolean;
  /** A stable code when it failed (e.g. 'backup.destination_unwritable'), never personal data. */
  error: string | null;
}

export interface BackupResult {
  /** mamori-backup-<UTC yyyymmddThhmmssZ>-<dialect>.zip */
  fileName: string;
  createdAt: string;
  dialect: 'sqlite' | 'postgres';
  bytes: number;
  /** SHA-256 of the archive as written (hex): recorded, and checked again before a restore. */
  sha256: string;
  /** Rows per table at the moment of the backup (restores compare with it). */
  counts: Record<string, number>;
  /** The latest signed checkpoint of the log at that moment (a C2SP signed note), if any. */
  checkpoint: string | null;
  destinations: DestinationResult[];
  /** Old backups removed by the retention policy, per destination (locations). */
  pruned: string[];
}

export interface RestoreResult {
  dialect: 'sqlite' | 'postgres';
  createdAt: string;
  /** Rows per table after the restore; equal to the backup's counts when it is whole. */
  counts: Record<string, number>;
  countsMatch: boolean;
  /** The log verified after the restore (every entry, the tree and the backup's checkpoint). */
  logVerified: boolean;
  /** What went wrong, as stable codes with a short English detail (no personal data). */
  problems: string[];
}

export interface CreateBackupOptions {
  config: Config;
  database: Database;
  /** The backup key (32 bytes), from loadBackupKey(). */
  key: Buffer;
  destinations: BackupTarget[];
  onProgress?: (p: BackupProgress) => void;
  /** The moment of the backup (its name and createdAt; retention counts from it); default: now. */
  now?: () => Date;
  /** Where the archive is built before it is copied (default: the system's temporary folder). */
  tmpDir?: string;
  /** false: leave old backups at the destinations (default: prune by config.backup.keepDays/keepMin). */
  prune?: boolean;
}

export interface RestoreOptions {
  /** A backup file's path, or an s3:// URL of one (needs config.backup.s3). */
  source: string;
  key: Buffer;
  /** Where to restore: an empty data directory; for PostgreSQL also an empty database. */
  target: {
    dataDir: string;
    databaseUrl?: string;
    vaultKeyFile?: string;
    /**
     * The installation's secret key (base64) when it came from MAMORI_SECRET_KEY (the manifest then
     * says 'environment' and the backup does not hold it); default: process.env.MAMORI_SECRET_KEY.
     */
    secretKey?: string;
  };
  /** S3 settings when the source is s3:// (config.backup.s3). */
  s3?: Config['backup']['s3'];
  /** The SHA-256 recorded at backup time, when known: a mismatch refuses the restore. */
  expectSha256?: string;
  onProgress?: (p: BackupProgress) => void;
  /** Where a download from S3 is kept while it is read (default: the system's temporary folder). */
  tmpDir?: string;
}

/** A backup seen at a destination (for retention, restore tests and listings). */
export interface StoredBackup {
  location: string;
  fileName: string;
  bytes: number;
  createdAt: string;
}
