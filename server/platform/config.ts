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
  };
}
