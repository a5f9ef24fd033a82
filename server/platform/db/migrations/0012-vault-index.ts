import { sql, type Kysely, type Migration } from 'kysely';
import { dialectOf } from '../dialect.ts';

/**
 * The vault's blind index, rebuilt for writing (issue 6, A25; ADR 0007). Never edit once landed.
 *
 * - A prefix index keeps one row per value, for its first two characters (record-crypto.ts,
 *   PREFIX_LENGTH), instead of one per length 1–4: rows of the other lengths are no longer looked
 *   up, and a blind index nobody uses is only something to leak, so they go.
 * - Each record names its own index rows (`vault_records.index_keys`, JSON `[[field, value], …]`),
 *   so they are replaced by primary key and `vault_index` needs neither a second B-tree on
 *   record_id nor a per-row foreign key: every index row cost three B-tree insertions in scattered
 *   order and a lookup, most of a bulk import's writing (docs/benchmarks.md). On SQLite the table
 *   is clustered on its key (WITHOUT ROWID): one B-tree in all.
 * - Changes are found by record (is a change waiting for this record?), which every view of a
 *   record asks: without an index that read every change of every file.
 */
const keysOfRecord = (dialect: 'sqlite' | 'postgres') =>
  dialect === 'sqlite'
    ? sql`(select json_group_array(json_array(i.field, i.value)) from vault_index i where i.record_id = vault_records.id)`
    : sql`(select json_agg(json_build_array(i.field, i.value))::text from vault_index i where i.record_id = vault_records.id)`;

async function createIndexTable(db: Kysely<unknown>, name: string, key: string, withForeignKey: boolean) {
  const sqlite = dialectOf(db) === 'sqlite';
  let t = db.schema
    .createTable(name)
    .addColumn('file_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('field', 'varchar(48)', (c) => c.notNull())
    .addColumn('value', 'integer', (c) => c.notNull())
    .addColumn('record_id', 'varchar(36)', (c) =>
      withForeignKey ? c.notNull().references('vault_records.id') : c.notNull(),
    )
    .addPrimaryKeyConstraint(key, ['file_id', 'field', 'value', 'record_id']);
  if (sqlite && !withForeignKey) t = t.modifyEnd(sql`without rowid`);
  await t.execute();
}

/**
 * Moves the rows into a table of the new shape, then gives it the old one's name. The primary key's
 * name differs from the old table's: on PostgreSQL it names an index, unique in the schema.
 */
async function rebuild(db: Kysely<unknown>, key: string, withForeignKey: boolean) {
  await createIndexTable(db, 'vault_index_next', key, withForeignKey);
  await sql`insert into vault_index_next (file_id, field, value, record_id) select file_id, field, value, record_id from vault_index`.execute(
    db,
  );
  await db.schema.dropTable('vault_index').execute();
  await db.schema.alterTable('vault_index_next').renameTo('vault_index').execute();
}

export const m0012: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`delete from vault_index where field like ${'%^1'} or field like ${'%^3'} or field like ${'%^4'}`.execute(
      db,
    );
    await db.schema.alterTable('vault_records').addColumn('index_keys', 'text').execute();
    await sql`update vault_records set index_keys = ${keysOfRecord(dialectOf(db))}`.execute(db);
    await rebuild(db, 'vault_index_key', false);
    await db.schema
      .createIndex('vault_changes_record')
      .on('vault_changes')
      .columns(['record_id', 'status'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    // The prefix rows removed cannot be rebuilt without the records' plain values.
    await db.schema.dropIndex('vault_changes_record').execute();
    await rebuild(db, 'vault_index_pk', true);
    await db.schema.createIndex('vault_index_record').on('vault_index').columns(['record_id']).execute();
    await db.schema.alterTable('vault_records').dropColumn('index_keys').execute();
  },
};
