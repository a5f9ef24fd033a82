import path from 'node:path';
import { z } from 'zod';

/** Configuration from the environment, validated once at start. */
const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().optional(),
  MAMORI_DEMO: z.enum(['0', '1']).default('1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(15),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).default(12),
  LOCKOUT_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOCKOUT_MINUTES: z.coerce.number().int().min(1).default(15),
  LOGIN_SLOWDOWN_MAX_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  TRUST_PROXY: z.string().optional(),
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  PUBLIC_ORIGIN: z.url().optional(),
  MAMORI_SECRET_KEY: z.string().optional(),
  VAULT_KEY_FILE: z.string().optional(),
  LOG_ORIGIN: z
    .string()
    .regex(/^[^\s+]+$/)
    .optional(),
  LOG_WITNESS_DIR: z.string().optional(),
  LOG_WITNESS_MAIL_MINUTES: z.coerce.number().int().min(1).default(1440),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('mamori@localhost'),
  // A27 (issue 11): backups.
  BACKUP_DESTINATIONS: z.string().optional(),
  BACKUP_KEY_FILE: z.string().optional(),
  BACKUP_SCHEDULE: z.string().default('15 2 * * *'),
  BACKUP_KEEP_DAYS: z.coerce.number().int().min(1).default(30),
  BACKUP_KEEP_MIN: z.coerce.number().int().min(1).default(7),
  BACKUP_MAX_AGE_HOURS: z.coerce.number().int().min(1).default(48),
  BACKUP_S3_ENDPOINT: z.url().optional(),
  BACKUP_S3_REGION: z.string().default('ap-northeast-1'),
  BACKUP_S3_FORCE_PATH_STYLE: z.enum(['true', 'false']).default('false'),
  BACKUP_RESTORE_TEST_SCHEDULE: z.string().default('45 3 * * 0'),
  BACKUP_RESTORE_TEST_MAX_DAYS: z.coerce.number().int().min(1).default(35),
  BACKUP_RESTORE_TEST_DATABASE_URL: z.string().optional(),
  // Issue 12 (law-2022.md, 法76–107): individuals' requests and their statutory periods.
  REQUESTS_DISCLOSURE_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  REQUESTS_EXTENSION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  REQUESTS_LARGE_DAYS: z.coerce.number().int().min(1).max(365).default(60),
  REQUESTS_REMEDY_WINDOW_DAYS: z.coerce.number().int().min(1).max(365).default(90),
  REQUESTS_REMEDY_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  REQUESTS_METHOD_CHOICE_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  REQUESTS_FIRST_DAY_COUNTED: z.enum(['true', 'false']).default('false'),
  REQUESTS_ROLL_TO_BUSINESS_DAY: z.enum(['true', 'false']).default('false'),
  REQUESTS_FEE_YEN: z.coerce.number().int().min(0).max(100000).default(300),
  REQUESTS_REMIND_DAYS: z.coerce.number().int().min(0).max(60).default(7),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string;
  demo: boolean;
  logLevel: string;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  /** A21-2: failed sign-ins in a row that lock the account, and for how long. */
  lockoutFailures: number;
  lockoutMinutes: number;
  /** A21-2: the longest wait between failed sign-ins before the lock (1 s, 2 s, 4 s …); 0 = off. */
  loginSlowdownMaxSeconds: number;
  rateLimitPerMinute: number;
  trustProxy: string | boolean;
  cookieSecure: 'auto' | boolean;
  /** The address people open, e.g. https://mamori.example.ac.jp (WebAuthn RP); unset: from the request. */
  publicOrigin: string | undefined;
  /**
   * A25: the vault's key-encryption keys, outside the database (platform/crypto/kek-file.ts);
   * unset: DATA_DIR/keys/vault-kek.json. Back it up apart from the database.
   */
  vaultKeyFile: string;
  /** Base64 of 32 bytes; unset: DATA_DIR/secret.key, created once (platform/keys.ts). */
  secretKey: string | undefined;
  /** A22-2: the log's name in its checkpoints and the key name of its signature (signed-note). */
  logOrigin: string;
  /**
   * A22-2: a directory outside the database (another disk, a mounted share) that keeps checkpoints.
   * The demo, unless told otherwise, keeps one in DATA_DIR/witness so that the mechanism shows.
   */
  logWitnessDir: string | undefined;
  /** The witness directory is the demo's default (created at start). */
  logWitnessDirIsDemo: boolean;
  /** A22-2: how often the latest checkpoint is mailed to the 監査責任者 (minutes). */
  logWitnessMailMinutes: number;
  /** smtp://user:pass@host:port (or smtps://); unset: no mail is sent. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** A27: backups (issue 11; server/platform/backup, modules/facilities/backups). */
  backup: BackupConfig;
  /** Issue 12: individuals' requests (law-2022.md, 法76–107; modules/requests). */
  requests: RequestsConfig;
}

/**
 * The periods of individuals' requests (law-2022.md). Days are calendar days; the day of receipt is
 * not counted unless firstDayCounted (民法140条); days spent on 補正 are not counted (法83-1).
 */
export interface RequestsConfig {
  /** 法83-1: a disclosure is decided within this many days of receipt. */
  disclosureDays: number;
  /** 法83-2 (and 法94-2, 法102-2): the extension, with written reasons told to the requester. */
  extensionDays: number;
  /** 法84: a very large request — what can be done is decided within this many days. */
  largeDays: number;
  /** 法90-3, 法98-3: correction and suspension are requested within this many days of disclosure. */
  remedyWindowDays: number;
  /** 法94-1, 法102-1: correction and suspension are decided within this many days. */
  remedyDays: number;
  /** 法87-3: the requester chooses how disclosure is carried out within this many days of the notice. */
  methodChoiceDays: number;
  /** Count the day of receipt as day one (default false: 民法140条, the first day is not counted). */
  firstDayCounted: boolean;
  /** A period ending on a weekend, national holiday or 12/29–1/3 ends on the next working day. */
  rollToBusinessDay: boolean;
  /** 法89: the fee per request for disclosure (yen). */
  feeYen: number;
  /** Handlers are reminded this many days before a deadline. */
  remindDays: number;
}

export interface BackupConfig {
  /**
   * Where backups go: directories (absolute) and `s3://bucket/prefix` (an S3-compatible store), from
   * BACKUP_DESTINATIONS (comma-separated). Unset: none, except that the demo keeps them in
   * DATA_DIR/backups (excluded from the backups themselves) so that the mechanism shows.
   */
  destinations: string[];
  /** The destinations are the demo's default. */
  destinationsAreDemo: boolean;
  /** The key that encrypts backups (base64 of 32 bytes in a 0600 file); keep a copy apart from them. */
  keyFile: string;
  /** When the server makes a backup (cron, Asia/Tokyo). */
  schedule: string;
  /** Retention: backups younger than keepDays stay; the newest keepMin stay whatever their age. */
  keepDays: number;
  keepMin: number;
  /** A gap when the newest successful backup is older than this. */
  maxAgeHours: number;
  s3: { endpoint: string | undefined; region: string; forcePathStyle: boolean };
  /** When the server restores the newest backup into a scratch place and checks it (cron, Asia/Tokyo). */
  restoreTestSchedule: string;
  /** A gap when the newest successful restore test is older than this. */
  restoreTestMaxDays: number;
  /** A scratch PostgreSQL database for restore tests of PostgreSQL backups (emptied before each). */
  restoreTestDatabaseUrl: string | undefined;
}

/** Reads the configuration; DATABASE_URL defaults to SQLite in DATA_DIR. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const c = schema.parse(env);
  const dataDir = path.resolve(c.DATA_DIR);
  return {
    port: c.PORT,
    host: c.HOST,
    dataDir,
    databaseUrl: c.DATABASE_URL ?? `sqlite:${path.join(dataDir, 'mamori.sqlite')}`,
    demo: c.MAMORI_DEMO === '1',
    logLevel: c.LOG_LEVEL,
    sessionIdleMinutes: c.SESSION_IDLE_MINUTES,
    sessionMaxHours: c.SESSION_MAX_HOURS,
    lockoutFailures: c.LOCKOUT_FAILURES,
    lockoutMinutes: c.LOCKOUT_MINUTES,
    loginSlowdownMaxSeconds: c.LOGIN_SLOWDOWN_MAX_SECONDS,
    rateLimitPerMinute: c.RATE_LIMIT_PER_MINUTE,
    trustProxy: c.TRUST_PROXY === undefined ? false : c.TRUST_PROXY === 'true' ? true : c.TRUST_PROXY,
    cookieSecure: c.COOKIE_SECURE === 'auto' ? 'auto' : c.COOKIE_SECURE === 'true',
    publicOrigin: c.PUBLIC_ORIGIN,
    secretKey: c.MAMORI_SECRET_KEY,
    vaultKeyFile: path.resolve(c.VAULT_KEY_FILE ?? path.join(dataDir, 'keys', 'vault-kek.json')),
    logOrigin: c.LOG_ORIGIN ?? `${c.PUBLIC_ORIGIN ? new URL(c.PUBLIC_ORIGIN).host : 'localhost'}/mamori-log`,
    logWitnessDir: c.LOG_WITNESS_DIR
      ? path.resolve(c.LOG_WITNESS_DIR)
      : c.MAMORI_DEMO === '1'
        ? path.join(dataDir, 'witness')
        : undefined,
    logWitnessDirIsDemo: !c.LOG_WITNESS_DIR && c.MAMORI_DEMO === '1',
    logWitnessMailMinutes: c.LOG_WITNESS_MAIL_MINUTES,
    smtpUrl: c.SMTP_URL,
    mailFrom: c.MAIL_FROM,
    backup: {
      destinations: c.BACKUP_DESTINATIONS
        ? c.BACKUP_DESTINATIONS.split(',')
            .map((d) => d.trim())
            .filter(Boolean)
            .map((d) => (d.startsWith('s3://') ? d : path.resolve(d)))
        : c.MAMORI_DEMO === '1'
          ? [path.join(dataDir, 'backups')]
          : [],
      destinationsAreDemo: !c.BACKUP_DESTINATIONS && c.MAMORI_DEMO === '1',
      keyFile: path.resolve(c.BACKUP_KEY_FILE ?? path.join(dataDir, 'keys', 'backup.key')),
      schedule: c.BACKUP_SCHEDULE,
      keepDays: c.BACKUP_KEEP_DAYS,
      keepMin: c.BACKUP_KEEP_MIN,
      maxAgeHours: c.BACKUP_MAX_AGE_HOURS,
      s3: {
        endpoint: c.BACKUP_S3_ENDPOINT,
        region: c.BACKUP_S3_REGION,
        forcePathStyle: c.BACKUP_S3_FORCE_PATH_STYLE === 'true',
      },
      restoreTestSchedule: c.BACKUP_RESTORE_TEST_SCHEDULE,
      restoreTestMaxDays: c.BACKUP_RESTORE_TEST_MAX_DAYS,
      restoreTestDatabaseUrl: c.BACKUP_RESTORE_TEST_DATABASE_URL,
    },
    requests: {
      disclosureDays: c.REQUESTS_DISCLOSURE_DAYS,
      extensionDays: c.REQUESTS_EXTENSION_DAYS,
      largeDays: c.REQUESTS_LARGE_DAYS,
      remedyWindowDays: c.REQUESTS_REMEDY_WINDOW_DAYS,
      remedyDays: c.REQUESTS_REMEDY_DAYS,
      methodChoiceDays: c.REQUESTS_METHOD_CHOICE_DAYS,
      firstDayCounted: c.REQUESTS_FIRST_DAY_COUNTED === 'true',
      rollToBusinessDay: c.REQUESTS_ROLL_TO_BUSINESS_DAY === 'true',
      feeYen: c.REQUESTS_FEE_YEN,
      remindDays: c.REQUESTS_REMIND_DAYS,
    },
  };
}
