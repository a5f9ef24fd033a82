import { SqliteAdapter, type ColumnDataType, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

/** Where SQLite and PostgreSQL differ, the difference lives here and nowhere else. */
export type DialectName = 'sqlite' | 'postgres';

export const dialectOf = (db: Kysely<unknown>): DialectName =>
  db.getExecutor().adapter instanceof SqliteAdapter ? 'sqlite' : 'postgres';

/** An auto-incrementing integer primary key, for append-only sequences such as the ledger. */
export function serialKey(
  db: Kysely<unknown>,
): [ColumnDataType, (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder] {
  return dialectOf(db) === 'sqlite'
    ? ['integer', (c) => c.primaryKey().autoIncrement()]
    : ['bigserial', (c) => c.primaryKey()];
}

/** Bytes: BLOB in SQLite, BYTEA in PostgreSQL (both read back as a Buffer). */
export const blobType = (db: Kysely<unknown>): ColumnDataType =>
  dialectOf(db) === 'sqlite' ? 'blob' : 'bytea';

/** A 64-bit integer (leaf numbers beyond 2^31). */
export const bigIntType = (db: Kysely<unknown>): ColumnDataType =>
  dialectOf(db) === 'sqlite' ? 'integer' : 'bigint';
