/**
 * Fresh, migrated databases for tests, on SQLite and on PostgreSQL.
 *
 *   describe.each(databases)('… on %s', (kind) => {
 *     let t: Database;
 *     beforeEach(async () => { t = await openTestDatabase(kind); });
 *     ...
 *   });
 *
 * Every database opened inside a test (or its beforeEach) is closed and deleted when that test
 * finishes; ones opened elsewhere (beforeAll) are closed by `closeAll()` or at the end of the file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import pg from 'pg';
import { afterAll, inject, onTestFinished } from 'vitest';
import { migrate, openDatabase, type Database } from '../../server/platform/db/index.ts';

export const databases = ['sqlite', 'postgres'] as const;
export type DatabaseKind = (typeof databases)[number];

export interface TestDatabaseOptions {
  /** Apply the migrations (default true). False gives an empty database. */
  migrated?: boolean;
}

type Cleanup = () => Promise<void>;
const open = new Map<Database, Cleanup>();
let sqliteDir: string | undefined;
let counter = 0;

/** Opens a new, empty-but-migrated database of the given kind, private to the caller. */
export async function openTestDatabase(
  kind: DatabaseKind,
  options: TestDatabaseOptions = {},
): Promise<Database> {
  const migrated = options.migrated ?? true;
  const { database, drop } = kind === 'sqlite' ? openSqlite() : await openPostgres(migrated);
  let closed = false;
  const cleanup: Cleanup = async () => {
    if (closed) return;
    closed = true;
    open.delete(database);
    await database.close().catch(() => undefined);
    await drop();
  };
  open.set(database, cleanup);
  try {
    onTestFinished(cleanup);
  } catch {
    // Not inside a test (e.g. beforeAll): closeAll() or the file's afterAll cleans up.
  }
  if (migrated && kind === 'sqlite') await migrate(database);
  return database;
}

/** Closes and deletes one test database early (idempotent). */
export async function closeTestDatabase(database: Database): Promise<void> {
  await open.get(database)?.();
}

/** Closes and deletes every test database still open in this file. */
export async function closeAll(): Promise<void> {
  await Promise.all([...open.values()].map((cleanup) => cleanup()));
}

afterAll(async () => {
  await closeAll();
  await closeAdmin();
  if (sqliteDir) fs.rmSync(sqliteDir, { recursive: true, force: true });
  sqliteDir = undefined;
});

function openSqlite(): { database: Database; drop: Cleanup } {
  sqliteDir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-sqlite-'));
  // A real file, not :memory:, so WAL and locking behave as in production.
  const file = path.join(sqliteDir, `t${process.pid}-${++counter}.sqlite`);
  const database = openDatabase(`sqlite:${file}`);
  const drop = () => {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
    return Promise.resolve();
  };
  return { database, drop };
}

/**
 * PostgreSQL: each worker migrates one template database once, then every test database is a
 * `CREATE DATABASE … TEMPLATE` copy of it (faster than migrating each time).
 */
async function openPostgres(migrated: boolean): Promise<{ database: Database; drop: Cleanup }> {
  const template = migrated ? await migratedTemplate() : undefined;
  const name = await createDatabase(template);
  const database = openDatabase(urlFor(name));
  const drop = () =>
    admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined);
  return { database, drop };
}

let templatePromise: Promise<string> | undefined;

function migratedTemplate(): Promise<string> {
  templatePromise ??= (async () => {
    const name = await createDatabase(undefined);
    const database = openDatabase(urlFor(name));
    try {
      await migrate(database);
    } finally {
      await database.close();
    }
    return name;
  })();
  // A failed migration should fail every test that asks, not be cached forever as success.
  templatePromise.catch(() => {
    templatePromise = undefined;
  });
  return templatePromise;
}

async function createDatabase(template: string | undefined): Promise<string> {
  const suffix = `${process.pid}_${++counter}_${crypto.randomBytes(3).toString('hex')}`;
  const name = `mamori_t_${inject('testRunId')}_${suffix}`;
  const from = template ? ` TEMPLATE "${template}"` : '';
  await admin((c) => c.query(`CREATE DATABASE "${name}"${from}`));
  return name;
}

function urlFor(name: string): string {
  const url = new URL(inject('postgresAdminUrl'));
  url.pathname = `/${name}`;
  return url.toString();
}

let adminClient: Promise<pg.Client> | undefined;

/** Runs one statement on this file's admin connection (CREATE/DROP DATABASE cannot run in a transaction). */
async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  adminClient ??= (async () => {
    const client = new pg.Client({ connectionString: inject('postgresAdminUrl') });
    await client.connect();
    return client;
  })();
  return fn(await adminClient);
}

async function closeAdmin(): Promise<void> {
  const client = adminClient;
  adminClient = undefined;
  if (client) await (await client).end();
}
