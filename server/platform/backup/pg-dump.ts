import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../db/index.ts';
import type { DumpedTable } from './archive.ts';
import type { BackupProgress } from './types.ts';

/**
 * A logical dump of PostgreSQL (A27), written by the engine rather than pg_dump: the server may be
 * newer than the pg_dump installed beside Mamori (pg_dump refuses a newer server), and a dump of the
 * application's own tables as JSON lines restores into any version.
 *
 * Everything is read inside ONE `repeatable read`, read-only transaction: one snapshot, so the rows
 * of every table, the counts and the log's checkpoint are of the same moment while the server keeps
 * working. Each table (of the public schema, Kysely's migration tables included) is one entry of
 * JSON lines: one array of values per row in the order of `columns`; bytea as {"$b":"<base64>"};
 * bigint and serial columns as numbers. Pages follow the primary key (or ctid without one).
 *
 * Point-in-time recovery is another matter: base backups (pg_basebackup) with WAL archiving restore
 * to any moment, not only to the last backup; docs/operations.md describes them for installations
 * that need it. This dump is what `npx mamori backup` makes and `npx mamori restore` reads.
 */

const PAGE = 2_000;

type AnyDb = Kysely<Record<string, Record<string, unknown>>>;

export interface TableInfo {
  name: string;
  columns: { name: string; type: string }[];
  primaryKey: string[];
}

/** The base tables of the public schema with their columns and primary keys. */
export async function publicTables(db: AnyDb): Promise<TableInfo[]> {
  const cols = await sql<{ table_name: string; column_name: string; data_type: string }>`
    select c.table_name, c.column_name, c.data_type
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
    order by c.table_name, c.ordinal_position`.execute(db);
  const pks = await sql<{ table_name: string; column_name: string }>`
    select cl.relname as table_name, a.attname as column_name
    from pg_index i
    join pg_class cl on cl.oid = i.indrelid
    join pg_namespace n on n.oid = cl.relnamespace
    join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
    where n.nspname = 'public' and i.indisprimary
    order by cl.relname, array_position(i.indkey::int2[], a.attnum)`.execute(db);
  const tables = new Map<string, TableInfo>();
  for (const c of cols.rows) {
    const t = tables.get(c.table_name) ?? { name: c.table_name, columns: [], primaryKey: [] };
    t.columns.push({ name: c.column_name, type: c.data_type });
    tables.set(c.table_name, t);
  }
  for (const p of pks.rows) tables.get(p.table_name)?.primaryKey.push(p.column_name);
  return [...tables.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** A value as JSON: bytes as {"$b": base64}; everything else as pg gave it. */
export function encodeValue(v: unknown): unknown {
  if (Buffer.isBuffer(v)) return { $b: v.toString('base64') };
  if (v instanceof Date) return v.toISOString();
  return v;
}

/** The rows of one table, page by page along its primary key (or ctid), as JSON lines. */
async function* tableLines(db: AnyDb, t: TableInfo, onRows: (n: number) => void): AsyncGenerator<string> {
  const table = sql.table(t.name);
  const columns = t.columns.map((c) => c.name);
  const select = sql.join(columns.map((c) => sql.ref(c)));
  let after: unknown[] | null = null;
  for (;;) {
    let page: RawBuilder<Record<string, unknown>>;
    if (t.primaryKey.length > 0) {
      const key = sql.join(t.primaryKey.map((c) => sql.ref(c)));
      const where: RawBuilder<unknown> = after ? sql`where (${key}) > (${sql.join(after)})` : sql``;
      page = sql`select ${select} from ${table} ${where} order by ${key} limit ${PAGE}`;
    } else {
      const where: RawBuilder<unknown> = after ? sql`where ctid > ${after[0]}::tid` : sql``;
      page = sql`select ctid::text as "__ctid", ${select} from ${table} ${where} order by ctid limit ${PAGE}`;
    }
    const rows = (await page.execute(db)).rows;
    if (rows.length === 0) return;
    let text = '';
    for (const r of rows) text += JSON.stringify(columns.map((c) => encodeValue(r[c]))) + '\n';
    yield text;
    onRows(rows.length);
    const last = rows[rows.length - 1]!;
    after = t.primaryKey.length > 0 ? t.primaryKey.map((c) => last[c]) : [last.__ctid];
    if (rows.length < PAGE) return;
  }
}

/** Dumps every table into the archive (through `add`) inside one snapshot; what the manifest says. */
export async function dumpPostgres(
  database: Database,
  add: (lines: AsyncIterable<string>) => Promise<string>,
  onProgress?: (p: BackupProgress) => void,
): Promise<{
  tables: DumpedTable[];
  counts: Record<string, number>;
  migrations: string[];
  checkpoint: string | null;
}> {
  return (database.db as unknown as AnyDb)
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (tx) => {
      const infos = await publicTables(tx);
      const counts: Record<string, number> = {};
      for (const t of infos)
        counts[t.name] = Number(
          (await sql<{ n: number }>`select count(*) as n from ${sql.table(t.name)}`.execute(tx)).rows[0]!.n,
        );
      const total = Object.values(counts).reduce((a, b) => a + b, 0);
      let done = 0;
      const tables: DumpedTable[] = [];
      for (const t of infos) {
        const entry = await add(
          tableLines(tx, t, (n) => {
            done += n;
            onProgress?.({ phase: 'database', done, total });
          }),
        );
        tables.push({ name: t.name, entry, columns: t.columns.map((c) => c.name), rows: counts[t.name]! });
      }
      const names = infos.map((t) => t.name);
      const migrations = names.includes('kysely_migration')
        ? (await sql<{ name: string }>`select name from kysely_migration order by name`.execute(tx)).rows.map(
            (r) => r.name,
          )
        : [];
      const checkpoint = names.includes('ledger_checkpoints')
        ? ((
            await sql<{
              note: string;
            }>`select note from ledger_checkpoints order by tree_size desc limit 1`.execute(tx)
          ).rows[0]?.note ?? null)
        : null;
      return { tables, counts, migrations, checkpoint };
    });
}
