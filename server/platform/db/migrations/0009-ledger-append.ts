import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The log's append path writes only what must be durable before data is served (A22-1): the lookups
 * of entries by actor and by subject, whose keys are scattered over their B-trees, are indexed once
 * an entry is sequenced (the sequencer sets leaf_index), and so is the leaf number itself. Entries
 * still waiting for the sequencer (a second or so) are found through the small pending index
 * (ledger.repo.ts). ADR 0003; figures in docs/benchmarks.md. Never edit once landed.
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
  },
  async down(db: Kysely<unknown>) {
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
