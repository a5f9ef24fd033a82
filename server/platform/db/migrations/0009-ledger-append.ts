import { sql, type Kysely, type Migration } from 'kysely';
import { dialectOf } from '../dialect.ts';

/**
 * The log's append path writes only what must be durable before data is served (A22-1): the lookups
 * of entries by actor and by subject, whose keys are scattered over their B-trees, are indexed once
 * an entry is sequenced (the sequencer sets leaf_index), and so is the leaf number itself. Entries
 * still waiting for the sequencer (a second or so) are found through the small pending index
 * (ledger.repo.ts). On SQLite the tree's nodes move into a table clustered on (level, idx) (WITHOUT
 * ROWID): a proof reads a node in one B-tree descent instead of two. ADR 0003; figures in
 * docs/benchmarks.md. Never edit once landed.
 */
const sequenced = sql.ref('leaf_index');

export const m0009: Migration = {
  async up(db: Kysely<unknown>) {
    for (const name of ['ledger_entries_actor', 'ledger_subject', 'ledger_entries_leaf'])
      await db.schema.dropIndex(name).execute();
    await db.schema
      .createIndex('ledger_entries_leaf')
      .on('ledger_entries')
      .column('leaf_index')
      .unique()
      .where(sequenced, 'is not', null)
      .execute();
    await db.schema
      .createIndex('ledger_entries_actor')
      .on('ledger_entries')
      .columns(['actor_id', 'occurred_at'])
      .where(sequenced, 'is not', null)
      .execute();
    await db.schema
      .createIndex('ledger_entries_subject')
      .on('ledger_entries')
      .columns(['subject_type', 'subject_id'])
      .where(sequenced, 'is not', null)
      .execute();
    if (dialectOf(db) === 'sqlite') await clusterNodes(db, true);
  },
  async down(db: Kysely<unknown>) {
    if (dialectOf(db) === 'sqlite') await clusterNodes(db, false);
    for (const name of ['ledger_entries_actor', 'ledger_entries_subject', 'ledger_entries_leaf'])
      await db.schema.dropIndex(name).execute();
    await db.schema
      .createIndex('ledger_entries_leaf')
      .on('ledger_entries')
      .column('leaf_index')
      .unique()
      .execute();
    await db.schema
      .createIndex('ledger_entries_actor')
      .on('ledger_entries')
      .columns(['actor_id', 'occurred_at'])
      .execute();
    await db.schema
      .createIndex('ledger_subject')
      .on('ledger_entries')
      .columns(['subject_type', 'subject_id'])
      .execute();
  },
};

/** Rebuilds ledger_nodes with or without its own rowid, keeping every node. */
async function clusterNodes(db: Kysely<unknown>, clustered: boolean) {
  await db.schema
    .createTable('ledger_nodes_rebuilt')
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('idx', 'integer', (c) => c.notNull())
    .addColumn('hash', 'blob', (c) => c.notNull())
    .addPrimaryKeyConstraint('ledger_nodes_pk', ['level', 'idx'])
    .$call((t) => (clustered ? t.modifyEnd(sql`without rowid`) : t))
    .execute();
  await sql`insert into ledger_nodes_rebuilt (level, idx, hash) select level, idx, hash from ledger_nodes`.execute(
    db,
  );
  await db.schema.dropTable('ledger_nodes').execute();
  await db.schema.alterTable('ledger_nodes_rebuilt').renameTo('ledger_nodes').execute();
}
