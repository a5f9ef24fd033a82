import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import {
  Kysely,
  Migrator,
  PostgresDialect,
  SqliteDialect,
  type Insertable,
  type Migration,
  type Transaction,
} from 'kysely';
import pg from 'pg';
import type { DB } from './schema.ts';
import { m0001 } from './migrations/0001-foundation.ts';
import { m0002 } from './migrations/0002-sessions.ts';
import { m0003 } from './migrations/0003-password.ts';
import { m0004 } from './migrations/0004-mfa.ts';
import { m0005 } from './migrations/0005-sso.ts';
import { m0006 } from './migrations/0006-terminals.ts';
import { m0007 } from './migrations/0007-ledger.ts';
import { m0008 } from './migrations/0008-log-analysis.ts';
import { m0009 } from './migrations/0009-ledger-append.ts';
import { m0010 } from './migrations/0010-register.ts';
import { m0011 } from './migrations/0011-vault.ts';
import { m0012 } from './migrations/0012-vault-index.ts';
import { m0013 } from './migrations/0013-handling.ts';
import { m0014 } from './migrations/0014-incidents.ts';
import { m0015 } from './migrations/0015-provision-parties.ts';
import { m0016 } from './migrations/0016-provision-contracts.ts';
import { m0017 } from './migrations/0017-provisions.ts';
import { m0018 } from './migrations/0018-training.ts';
import { m0019 } from './migrations/0019-audits.ts';
import { m0020 } from './migrations/0020-oversight.ts';
import { m0021 } from './migrations/0021-compliance.ts';
import { m0022 } from './migrations/0022-facility-devices.ts';
import { m0023 } from './migrations/0023-facility-systems.ts';
import { m0024 } from './migrations/0024-facility-rooms.ts';
import { m0025 } from './migrations/0025-facility-backups.ts';
import { m0026 } from './migrations/0026-subject-requests.ts';
import { m0027 } from './migrations/0027-subject-request-matches.ts';
import { m0028 } from './migrations/0028-subject-request-decisions.ts';
import { m0029 } from './migrations/0029-subject-request-remedies.ts';
import { dialectOf, type DialectName } from './dialect.ts';
import { cachingStatements } from './statement-cache.ts';

export type { DB } from './schema.ts';
export type Db = Kysely<DB>;
export type Tx = Transaction<DB>;
/** Either the database or a transaction: every repo method accepts one. */
export type Executor = Kysely<DB> | Transaction<DB>;

export interface Database {
  db: Db;
  dialect: DialectName;
  /** Runs fn in one transaction: everything it writes lands together or not at all. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * Inserts rows that all have the same columns, in the caller's transaction: on SQLite through one
   * cached prepared statement per table and column list (Kysely would build and prepare a statement
   * of thousands of parameters each time), on PostgreSQL as multi-row INSERTs. For hot paths such as
   * the log's group commit; everything else uses Kysely.
   */
  insertRows<T extends keyof DB>(tx: Executor, table: T, rows: Insertable<DB[T]>[]): Promise<void>;
  /**
   * insertRows all-or-nothing on its own, in the fewest round trips: one statement without a
   * transaction around it when the rows fit in one (a statement is atomic by itself), else a
   * transaction. For the log's group commit, whose every batch waits for the database.
   */
  insertAll<T extends keyof DB>(table: T, rows: Insertable<DB[T]>[]): Promise<void>;
  close(): Promise<void>;
}

// PostgreSQL returns BIGINT (count(*), bigserial) as text; our counts fit in a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number.parseInt(v, 10));

/**
 * Opens the database named by url: `sqlite:/path/file.sqlite`, `sqlite::memory:` or `postgres://…`.
 * SQLite runs in WAL mode with foreign keys enforced and a busy timeout.
 */
export function openDatabase(url: string): Database {
  let db: Db;
  let insertRows: Database['insertRows'];
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length);
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
    const sqlite = new SQLite(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('synchronous = FULL');
    // 64 MiB of page cache instead of SQLite's 2 MiB: the vault's blind indexes are B-trees with
    // scattered keys, and a bulk import missed the small cache on most rows (bench/vault-import.ts).
    sqlite.pragma('cache_size = -65536');
    db = new Kysely<DB>({ dialect: new SqliteDialect({ database: cachingStatements(sqlite) }) });
    insertRows = sqliteInsertRows(sqlite);
  } else if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    // An idle connection that the server ends (restart, failover, admin) is dropped by the pool and
    // replaced on the next query; without a listener its 'error' event would crash the process.
    pool.on('error', () => undefined);
    db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    insertRows = async (tx, table, rows) => {
      const perStatement = rowsPerStatement(rows);
      for (let i = 0; i < rows.length; i += perStatement)
        await (tx as unknown as Kysely<Record<string, Record<string, unknown>>>)
          .insertInto(table)
          .values(rows.slice(i, i + perStatement))
          .execute();
    };
  } else {
    throw new Error('DATABASE_URL must start with sqlite: or postgres://');
  }
  const dialect = dialectOf(db as Kysely<unknown>);
  return {
    db,
    dialect,
    transaction: (fn) => db.transaction().execute(fn),
    insertRows,
    insertAll: (table, rows) =>
      dialect === 'postgres' && rows.length <= rowsPerStatement(rows)
        ? insertRows(db, table, rows)
        : db.transaction().execute((tx) => insertRows(tx, table, rows)),
    close: () => db.destroy(),
  };
}

/** PostgreSQL takes 65,535 parameters per statement at most: rows of a multi-row INSERT, kept well below. */
const rowsPerStatement = (rows: readonly object[]) =>
  Math.max(1, Math.floor(30_000 / Math.max(1, Object.keys(rows[0] ?? {}).length)));

/**
 * SQLite's insertRows: better-sqlite3 has one connection, so statements run on it directly are part
 * of the transaction Kysely opened on it (`tx` is only the proof that one is open).
 */
function sqliteInsertRows(sqlite: SQLite.Database): Database['insertRows'] {
  interface Prepared {
    one: SQLite.Statement;
    /** The same insert of CHUNK rows at once: fewer statement runs for a large batch. */
    many: SQLite.Statement;
    /** A row's values in column order, appended to `out`. */
    push: (row: object, out: unknown[]) => void;
  }
  const CHUNK = 32;
  const statements = new Map<string, Prepared>();
  return (_tx, table, rows) => {
    if (rows.length === 0) return Promise.resolve();
    const columns = Object.keys(rows[0]!);
    const key = `${table}(${columns.join(',')})`;
    let prepared = statements.get(key);
    if (!prepared) {
      if (!/^[a-z_]+$/.test(table) || !columns.every((c) => /^[a-z_][a-z_0-9]*$/.test(c)))
        throw new Error(`not a table or column name: ${key}`);
      const tuple = `(${columns.map(() => '?').join(', ')})`;
      const insert = `insert into ${table} (${columns.join(', ')}) values `;
      prepared = {
        one: sqlite.prepare(insert + tuple),
        many: sqlite.prepare(insert + Array.from({ length: CHUNK }, () => tuple).join(', ')),
        // The row's values in column order, read by name: rows of one shape make these loads
        // monomorphic, several times cheaper than reading them by a key in a loop (bench/append.ts).
        // Only the names checked just above go into the generated code.
        // eslint-disable-next-line @typescript-eslint/no-implied-eval
        push: new Function('r', 'o', columns.map((c) => `o.push(r.${c} ?? null);`).join('')) as (
          row: object,
          out: unknown[],
        ) => void,
      };
      statements.set(key, prepared);
    }
    const { one, many, push } = prepared;
    let i = 0;
    for (; i + CHUNK <= rows.length; i += CHUNK) {
      const values: unknown[] = [];
      for (let j = i; j < i + CHUNK; j++) push(rows[j]!, values);
      many.run(values);
    }
    for (; i < rows.length; i++) {
      const values: unknown[] = [];
      push(rows[i]!, values);
      one.run(values);
    }
    return Promise.resolve();
  };
}

/** Every migration, in order. Written once for both databases; never edited after landing. */
export const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-sessions': m0002,
  '0003-password': m0003,
  '0004-mfa': m0004,
  '0005-sso': m0005,
  '0006-terminals': m0006,
  '0007-ledger': m0007,
  '0008-log-analysis': m0008,
  '0009-ledger-append': m0009,
  '0010-register': m0010,
  '0011-vault': m0011,
  '0012-vault-index': m0012,
  '0013-handling': m0013,
  '0014-incidents': m0014,
  '0015-provision-parties': m0015,
  '0016-provision-contracts': m0016,
  '0017-provisions': m0017,
  '0018-training': m0018,
  '0019-audits': m0019,
  '0020-oversight': m0020,
  '0021-compliance': m0021,
  '0022-facility-devices': m0022,
  '0023-facility-systems': m0023,
  '0024-facility-rooms': m0024,
  '0025-facility-backups': m0025,
  '0026-subject-requests': m0026,
  '0027-subject-request-matches': m0027,
  '0028-subject-request-decisions': m0028,
  '0029-subject-request-remedies': m0029,
};

/** Applies pending migrations; returns the names applied. Throws on the first failure. */
export async function migrate(database: Database): Promise<string[]> {
  const migrator = new Migrator({
    db: database.db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error('migration failed');
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
