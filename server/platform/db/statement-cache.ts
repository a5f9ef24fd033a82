import type SQLite from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** Distinct SQL texts kept prepared; a query with a list of n parameters is one text per n. */
const KEPT = 500;

/**
 * better-sqlite3 under Kysely, with its prepared statements kept: Kysely's SQLite driver prepares
 * every query again, which was a sixth of the server's time on a vault read (docs/benchmarks.md).
 * A statement is reused by its SQL text (SQLite re-prepares it itself after a schema change); one
 * that is still being iterated (a streamed query) is not shared: the caller gets a fresh one. The
 * least recently used texts are dropped beyond KEPT.
 */
export function cachingStatements(sqlite: SQLite.Database): SqliteDatabase {
  const kept = new Map<string, SQLite.Statement>();
  return {
    close: () => {
      kept.clear();
      sqlite.close();
    },
    prepare(sql: string): SqliteStatement {
      const hit = kept.get(sql);
      if (hit && !hit.busy) {
        // Most recently used last: Map keeps insertion order.
        kept.delete(sql);
        kept.set(sql, hit);
        return hit;
      }
      const statement = sqlite.prepare(sql);
      if (hit) return statement;
      kept.set(sql, statement);
      if (kept.size > KEPT) kept.delete(kept.keys().next().value!);
      return statement;
    },
  };
}
