import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';
import { Migrator, sql, type Kysely } from 'kysely';
import { migrations, type Database } from '../db/index.ts';
import { AppError } from '../errors.ts';
import type { DumpedTable } from './archive.ts';
import { publicTables } from './pg-dump.ts';
import type { BackupProgress } from './types.ts';

type AnyDb = Kysely<Record<string, Record<string, unknown>>>;

/**
 * Lines of a stream (JSON lines of a dumped table); an error of the stream ends it with that error.
 * A StringDecoder keeps a character whose UTF-8 bytes are split between two chunks whole (decoding
 * each chunk on its own turned 学 into U+FFFD — Japanese text is most of what a dump holds).
 */
export async function* lines(stream: AsyncIterable<unknown> | Iterable<unknown>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  for await (const chunk of stream) {
    rest += decoder.write(Buffer.from(chunk as Uint8Array));
    let i: number;
    while ((i = rest.indexOf('\n')) >= 0) {
      yield rest.slice(0, i);
      rest = rest.slice(i + 1);
    }
  }
  rest += decoder.end();
  if (rest) yield rest;
}

const decodeValue = (v: unknown): unknown =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && typeof (v as { $b?: unknown }).$b === 'string'
    ? Buffer.from((v as { $b: string }).$b, 'base64')
    : v;

interface ForeignKey {
  child: string;
  parent: string;
  columns: string[];
  parentColumns: string[];
}

async function foreignKeys(db: AnyDb): Promise<ForeignKey[]> {
  const rows = await sql<{ child: string; parent: string; columns: string[]; parent_columns: string[] }>`
    select cl.relname as child, pcl.relname as parent,
      array(select a.attname from unnest(c.conkey) with ordinality k(n, o)
            join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by k.o)::text[] as columns,
      array(select a.attname from unnest(c.confkey) with ordinality k(n, o)
            join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n order by k.o)::text[] as parent_columns
    from pg_constraint c
    join pg_class cl on cl.oid = c.conrelid
    join pg_class pcl on pcl.oid = c.confrelid
    join pg_namespace n on n.oid = cl.relnamespace
    where c.contype = 'f' and n.nspname = 'public'`.execute(db);
  return rows.rows.map((r) => ({
    child: r.child,
    parent: r.parent,
    columns: r.columns,
    parentColumns: r.parent_columns,
  }));
}

/** Tables in an order where every table comes after the tables it refers to (self references aside). */
export function loadOrder(names: string[], fks: ForeignKey[]): string[] {
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (t: string) => {
    if (state.get(t) === 'done' || state.get(t) === 'visiting') return; // a cycle: leave it to the database
    state.set(t, 'visiting');
    for (const fk of fks)
      if (fk.child === t && fk.parent !== t && names.includes(fk.parent)) visit(fk.parent);
    state.set(t, 'done');
    order.push(t);
  };
  for (const t of [...names].sort()) visit(t);
  return order;
}

/** Rows of a self-referencing table, each after the row it refers to. */
function parentsFirst(rows: Record<string, unknown>[], selfKeys: ForeignKey[]): Record<string, unknown>[] {
  const keyOf = (r: Record<string, unknown>, cols: string[]) => JSON.stringify(cols.map((c) => r[c]));
  const out: Record<string, unknown>[] = [];
  let pending = rows;
  const placed = selfKeys.map(() => new Set<string>());
  while (pending.length > 0) {
    const next: Record<string, unknown>[] = [];
    for (const r of pending) {
      const ready = selfKeys.every((fk, i) => {
        if (fk.columns.some((c) => r[c] === null || r[c] === undefined)) return true;
        const parent = keyOf(
          Object.fromEntries(fk.columns.map((c, j) => [fk.parentColumns[j]!, r[c]])),
          fk.parentColumns,
        );
        return placed[i]!.has(parent) || parent === keyOf(r, fk.parentColumns);
      });
      if (ready) {
        out.push(r);
        selfKeys.forEach((fk, i) => placed[i]!.add(keyOf(r, fk.parentColumns)));
      } else next.push(r);
    }
    // A row whose parent is missing: let the database say so.
    if (next.length === pending.length) return [...out, ...next];
    pending = next;
  }
  return out;
}

/**
 * Restores a PostgreSQL dump into an EMPTY database (A27): migrates it to the backup's last
 * migration (the tables as they were), loads the tables in foreign-key order in one transaction,
 * resets the sequences, then migrates to this version's latest.
 */
export async function loadPostgres(
  target: Database,
  dump: { tables: DumpedTable[]; migrations: string[] },
  stream: (entry: string) => Readable,
  onProgress?: (p: BackupProgress) => void,
): Promise<string[]> {
  const db = target.db as unknown as AnyDb;
  const existing = await sql<{ n: number }>`
    select count(*)::int as n from information_schema.tables where table_schema = 'public'`.execute(db);
  if (Number(existing.rows[0]!.n) > 0) throw new AppError('backup.database_not_empty');
  const problems: string[] = [];
  const last = dump.migrations[dump.migrations.length - 1];
  const migrator = new Migrator({
    db: target.db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
  });
  if (last) {
    if (!(last in migrations))
      throw new Error(`the backup was made by a newer version of Mamori (migration ${last} is unknown here)`);
    const { error } = await migrator.migrateTo(last);
    if (error) throw error instanceof Error ? error : new Error('migration failed');
  }
  const infos = new Map((await publicTables(db)).map((t) => [t.name, t]));
  const fks = await foreignKeys(db);
  const dumped = new Map(dump.tables.map((t) => [t.name, t]));
  const total = dump.tables.reduce((a, t) => a + t.rows, 0);
  let done = 0;
  await target.transaction(async (trx) => {
    const tx = trx as unknown as AnyDb;
    const data = [...infos.keys()].filter((t) => !t.startsWith('kysely_'));
    if (data.length > 0)
      await sql`truncate table ${sql.join(data.map((t) => sql.table(t)))} restart identity cascade`.execute(
        tx,
      );
    for (const name of loadOrder([...dumped.keys()], fks)) {
      const t = dumped.get(name)!;
      if (name === 'kysely_migration_lock') continue;
      const info = infos.get(name);
      if (!info) {
        problems.push(`backup.schema_mismatch: table ${name} is not in the migrated database`);
        continue;
      }
      const known = new Set(info.columns.map((c) => c.name));
      const unknown = t.columns.filter((c) => !known.has(c));
      if (unknown.length > 0) {
        problems.push(`backup.schema_mismatch: ${name} has columns unknown here (${unknown.join(', ')})`);
        continue;
      }
      if (name === 'kysely_migration') await tx.deleteFrom('kysely_migration').execute();
      const selfKeys = fks.filter((fk) => fk.child === name && fk.parent === name);
      const perInsert = Math.max(1, Math.floor(20_000 / Math.max(1, t.columns.length)));
      let batch: Record<string, unknown>[] = [];
      const flush = async () => {
        if (batch.length === 0) return;
        for (let i = 0; i < batch.length; i += perInsert)
          await tx
            .insertInto(name)
            .values(batch.slice(i, i + perInsert))
            .execute();
        done += batch.length;
        onProgress?.({ phase: 'restore', done, total });
        batch = [];
      };
      for await (const line of lines(stream(t.entry))) {
        if (!line) continue;
        const values = JSON.parse(line) as unknown[];
        batch.push(Object.fromEntries(t.columns.map((c, i) => [c, decodeValue(values[i])])));
        if (selfKeys.length === 0 && batch.length >= perInsert * 5) await flush();
      }
      if (selfKeys.length > 0) batch = parentsFirst(batch, selfKeys);
      await flush();
    }
    // Serial columns continue after the largest value restored.
    const serials = await sql<{ table_name: string; column_name: string; seq: string }>`
      select c.table_name, c.column_name, pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) as seq
      from information_schema.columns c
      where c.table_schema = 'public' and c.column_default like 'nextval(%'`.execute(tx);
    for (const s of serials.rows) {
      if (!s.seq) continue;
      const col = sql.ref(s.column_name);
      await sql`select setval(${s.seq}::regclass, coalesce(max(${col}), 1), max(${col}) is not null) from ${sql.table(s.table_name)}`.execute(
        tx,
      );
    }
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error('migration failed');
  return problems;
}
