import { z } from 'zod';

/**
 * The HTTP contract of facilities — backups (A27) (issue 11): inputs (zod) and views.
 *
 * A27: the data are backed up, kept in more than one place (destinations), and the backups are
 * shown to restore (restore tests). Organisation-wide; the システム管理者 runs a backup now or a
 * restore test now; the システム管理者, 総括管理者 and 監査責任者 read everything here.
 *
 * Routes (all under /api/facilities/backups):
 * - GET  /                         listQuery → backupsOverview (settings without secrets, runs, tests)
 * - POST /runs                     (no body) → 202 startedView (the run's id; poll GET /runs/:id)
 * - GET  /runs/:id                 → backupRunView
 * - POST /restore-tests            (no body) → 202 startedView (the test's id; poll GET /restore-tests/:id)
 * - GET  /restore-tests/:id        → restoreTestView
 *
 * Never in any view: the backup key, S3 credentials, database passwords (a URL's user and password
 * are removed). The key shows as its fingerprint only (SHA-256 of the key, first 16 hex).
 */
const id = z.uuid();

/** Who started a backup or a restore test: the command line, the server's schedule, or a person now. */
export const BACKUP_TRIGGERS = ['cli', 'schedule', 'manual'] as const;
export type BackupTrigger = (typeof BACKUP_TRIGGERS)[number];

/**
 * A backup run: running until it ends; succeeded (every destination written), partly_failed (some
 * destination failed — A27 wants more than one place), failed (none written, or the snapshot failed).
 */
export const BACKUP_RUN_STATUSES = ['running', 'succeeded', 'partly_failed', 'failed'] as const;
export type BackupRunStatus = (typeof BACKUP_RUN_STATUSES)[number];

/**
 * A restore test: running until it ends; succeeded (restored, counts match, log verified), failed,
 * not_configured (a PostgreSQL backup and no scratch database: BACKUP_RESTORE_TEST_DATABASE_URL), or
 * no_backup (no successful backup recorded to test).
 */
export const RESTORE_TEST_STATUSES = [
  'running',
  'succeeded',
  'failed',
  'not_configured',
  'no_backup',
] as const;
export type RestoreTestStatus = (typeof RESTORE_TEST_STATUSES)[number];

export const BACKUP_DIALECTS = ['sqlite', 'postgres'] as const;

// ───────────────────────────── inputs ─────────────────────────────

/** Paging of the overview's lists (newest first); each list pages on its own. */
export const backupsListQuery = z
  .object({
    runsPage: z.coerce.number().int().min(1).max(10_000).default(1),
    testsPage: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(5).max(100).default(20),
  })
  .strict();
/** What a caller passes (each field optional; numbers, not the strings of a URL). */
export type BackupsListQuery = Partial<z.output<typeof backupsListQuery>>;

// ───────────────────────────── views ─────────────────────────────

export const backupPersonRef = z.object({ id, name: z.string(), employeeNumber: z.string().nullable() });
export type BackupPersonRef = z.infer<typeof backupPersonRef>;

/** A destination as a location in words: a directory path or s3://bucket/prefix; never a secret. */
export const backupLocationView = z.object({
  location: z.string(),
  kind: z.enum(['dir', 's3']),
});
export type BackupLocationView = z.infer<typeof backupLocationView>;

/** One destination's outcome in a run (error: a stable code such as backup.destination_unwritable). */
export const backupDestinationResultView = z.object({
  location: z.string(),
  ok: z.boolean(),
  error: z.string().nullable(),
});
export type BackupDestinationResultView = z.infer<typeof backupDestinationResultView>;

export const backupRunView = z.object({
  id,
  trigger: z.enum(BACKUP_TRIGGERS),
  status: z.enum(BACKUP_RUN_STATUSES),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** The person who started it (manual, or the CLI's operator when known); null for the schedule. */
  startedBy: backupPersonRef.nullable(),
  /** mamori-backup-<UTC>-<dialect>.zip, once written. */
  fileName: z.string().nullable(),
  bytes: z.number().int().nullable(),
  /** SHA-256 of the archive (hex), checked again before a restore. */
  sha256: z.string().nullable(),
  dialect: z.enum(BACKUP_DIALECTS).nullable(),
  destinations: z.array(backupDestinationResultView),
  /** Old backups removed by the retention policy (locations). */
  pruned: z.array(z.string()),
  /** Tables and rows in the backup (a summary; the counts per table stay in the archive). */
  tables: z.number().int().nullable(),
  rows: z.number().int().nullable(),
  /** Whether a signed checkpoint of the log went with it. */
  checkpoint: z.boolean(),
  /** Why it failed, as a stable code (e.g. backup.snapshot_failed); null when it did not. */
  error: z.string().nullable(),
  /** Milliseconds, once finished. */
  durationMs: z.number().int().nullable(),
});
export type BackupRunView = z.infer<typeof backupRunView>;

export const restoreTestView = z.object({
  id,
  trigger: z.enum(BACKUP_TRIGGERS),
  status: z.enum(RESTORE_TEST_STATUSES),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  startedBy: backupPersonRef.nullable(),
  /** The backup run it restored (null when none was found). */
  runId: id.nullable(),
  fileName: z.string().nullable(),
  /** Where the file was read from (the first reachable destination). */
  source: z.string().nullable(),
  dialect: z.enum(BACKUP_DIALECTS).nullable(),
  /** Rows per table after the restore equal the backup's. */
  countsMatch: z.boolean().nullable(),
  /** The log verified after the restore (entries, tree, the backup's checkpoint). */
  logVerified: z.boolean().nullable(),
  /** Stable codes with a short English detail (no personal data). */
  problems: z.array(z.string()),
  durationMs: z.number().int().nullable(),
});
export type RestoreTestView = z.infer<typeof restoreTestView>;

/** The settings, without secrets (A27: where, when, how long; restore tests). */
export const backupSettingsView = z.object({
  destinations: z.array(backupLocationView),
  /** The destinations are the demo's default (DATA_DIR/backups). */
  destinationsAreDemo: z.boolean(),
  /** cron in Asia/Tokyo, e.g. 「15 2 * * *」. */
  schedule: z.string(),
  keepDays: z.number().int(),
  keepMin: z.number().int(),
  maxAgeHours: z.number().int(),
  restoreTestSchedule: z.string(),
  restoreTestMaxDays: z.number().int(),
  /** A scratch PostgreSQL database for restore tests is set (its address is not shown). */
  restoreTestDatabaseSet: z.boolean(),
  /** The database in use: restore tests of PostgreSQL backups need the scratch database. */
  dialect: z.enum(BACKUP_DIALECTS),
  /** SHA-256 of the backup key, first 16 hex; null when the key cannot be read. Never the key. */
  keyFingerprint: z.string().nullable(),
});
export type BackupSettingsView = z.infer<typeof backupSettingsView>;

export const backupsOverview = z.object({
  settings: backupSettingsView,
  /** The newest successful backup (every destination written) and the newest successful restore test. */
  lastSuccessfulRunAt: z.string().nullable(),
  lastSuccessfulRestoreTestAt: z.string().nullable(),
  /** A run or a restore test is going on now (the buttons wait). */
  running: z.object({ runId: id.nullable(), restoreTestId: id.nullable() }),
  runs: z.object({
    rows: z.array(backupRunView),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  }),
  restoreTests: z.object({
    rows: z.array(restoreTestView),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  }),
});
export type BackupsOverview = z.infer<typeof backupsOverview>;

/** 202 answer of POST /runs and POST /restore-tests: poll GET /runs/:id (or /restore-tests/:id). */
export const backupStartedView = z.object({ id });
export type BackupStartedView = z.infer<typeof backupStartedView>;
