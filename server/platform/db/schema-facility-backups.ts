/**
 * Tables of facilities — backups and restore tests (A27) (issue 11); see migration
 * 0025-facility-backups. Instants are ISO-8601 UTC text; JSON columns hold locations, codes and
 * numbers only (never a secret, never personal data).
 */
export interface FacilityBackupRunTable {
  id: string;
  /** 'cli' | 'schedule' | 'manual' */
  trigger: string;
  /** 'running' | 'succeeded' | 'partly_failed' | 'failed' */
  status: string;
  started_at: string;
  finished_at: string | null;
  /** The person who started it (manual, CLI with an operator); null for the schedule. */
  started_by: string | null;
  file_name: string | null;
  /** bigint: PostgreSQL answers a string, SQLite a number. */
  bytes: number | string | null;
  sha256: string | null;
  dialect: string | null;
  /** JSON: [{ location, ok, error }]. */
  destinations: string;
  /** JSON: locations removed by the retention policy. */
  pruned: string;
  /** JSON: rows per table at the moment of the backup. */
  counts: string | null;
  /** 1 when a signed checkpoint of the log went with the backup. */
  checkpoint: number;
  /** A stable code when the run failed as a whole. */
  error: string | null;
  duration_ms: number | null;
}

export interface FacilityRestoreTestTable {
  id: string;
  trigger: string;
  /** 'running' | 'succeeded' | 'failed' | 'not_configured' | 'no_backup' */
  status: string;
  started_at: string;
  finished_at: string | null;
  started_by: string | null;
  run_id: string | null;
  file_name: string | null;
  /** Where the file was read from (a path or s3:// URL). */
  source: string | null;
  dialect: string | null;
  counts_match: number | null;
  log_verified: number | null;
  /** JSON: stable codes with a short English detail. */
  problems: string;
  duration_ms: number | null;
}

export interface FacilityBackupsTables {
  facility_backup_runs: FacilityBackupRunTable;
  facility_restore_tests: FacilityRestoreTestTable;
}
