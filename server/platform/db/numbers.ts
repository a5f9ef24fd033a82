import { sql } from 'kysely';
import type { DialectName } from './dialect.ts';
import type { Executor } from './index.ts';

/**
 * The next number of a series people say on the phone (R2026-000123, I2026-0001, C2026-0001): the
 * last number of the table's `number` column with the prefix, plus one, zero-padded to `width`. On
 * PostgreSQL two transactions at once would read the same last number: a transaction-scoped advisory
 * lock per table makes them draw one after the other (the column's unique key stays the last guard).
 * SQLite has one writer at a time. Call it inside the transaction that inserts the row.
 */
export async function nextNumber(
  tx: Executor,
  dialect: DialectName,
  series: { table: string; prefix: string; width: number },
): Promise<string> {
  const { table, prefix, width } = series;
  if (dialect === 'postgres')
    await sql`select pg_advisory_xact_lock(hashtext(${`number:${table}`}))`.execute(tx);
  const last = await sql<{ number: string }>`select number from ${sql.table(table)}
    where number like ${`${prefix}%`} order by number desc limit 1`.execute(tx);
  const n = last.rows[0] ? Number.parseInt(last.rows[0].number.slice(prefix.length), 10) : 0;
  return `${prefix}${String(n + 1).padStart(width, '0')}`;
}
