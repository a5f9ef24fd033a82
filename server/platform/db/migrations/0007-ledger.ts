import { sql, type Kysely, type Migration } from 'kysely';
import { blobType, bigIntType } from '../dialect.ts';

/**
 * The verifiable log (A22): leaf numbers and hashes on every entry, the Merkle tree's perfect
 * subtrees, signed checkpoints, the record index of access entries, witnesses, leases.
 * Never edit once landed.
 */
export const m0007: Migration = {
  async up(db: Kysely<unknown>) {
    const blob = blobType(db);
    const big = bigIntType(db);
    for (const [name, type] of [
      ['unit_id', 'varchar(36)'],
      ['section_id', 'varchar(36)'],
      ['purpose', 'varchar(200)'],
      ['reason', 'varchar(1000)'],
      ['leaf_index', big],
      ['leaf_hash', blob],
      ['payload_digest', blob],
      ['pruned_at', 'varchar(30)'],
    ] as const)
      await db.schema.alterTable('ledger_entries').addColumn(name, type).execute();
    await db.schema
      .alterTable('ledger_entries')
      .addColumn('outcome', 'varchar(10)', (c) => c.notNull().defaultTo('ok'))
      .execute();
    await db.schema
      .createIndex('ledger_entries_leaf')
      .on('ledger_entries')
      .column('leaf_index')
      .unique()
      .execute();
    // The sequencer's queue: entries without a leaf number (a partial index stays small).
    await db.schema
      .createIndex('ledger_entries_pending')
      .on('ledger_entries')
      .column('seq')
      .where(sql.ref('leaf_index'), 'is', null)
      .execute();
    await db.schema
      .createIndex('ledger_entries_time')
      .on('ledger_entries')
      .columns(['occurred_at'])
      .execute();
    await db.schema
      .createIndex('ledger_entries_actor')
      .on('ledger_entries')
      .columns(['actor_id', 'occurred_at'])
      .execute();

    await db.schema
      .createTable('ledger_nodes')
      .addColumn('level', 'integer', (c) => c.notNull())
      .addColumn('idx', big, (c) => c.notNull())
      .addColumn('hash', blob, (c) => c.notNull())
      .addPrimaryKeyConstraint('ledger_nodes_pk', ['level', 'idx'])
      .execute();

    await db.schema
      .createTable('ledger_checkpoints')
      .addColumn('tree_size', big, (c) => c.primaryKey())
      .addColumn('root_hash', blob, (c) => c.notNull())
      .addColumn('issued_at', 'varchar(30)', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('ledger_record_refs')
      .addColumn('entry_seq', big, (c) => c.notNull())
      .addColumn('record_id', 'varchar(64)', (c) => c.notNull())
      .addPrimaryKeyConstraint('ledger_record_refs_pk', ['record_id', 'entry_seq'])
      .execute();
    // Verification and pruning read the index by entry.
    await db.schema
      .createIndex('ledger_record_refs_entry')
      .on('ledger_record_refs')
      .column('entry_seq')
      .execute();

    await db.schema
      .createTable('ledger_witnesses')
      .addColumn('name', 'varchar(100)', (c) => c.primaryKey())
      .addColumn('kind', 'varchar(20)', (c) => c.notNull())
      .addColumn('tree_size', big)
      .addColumn('witnessed_at', 'varchar(30)')
      .addColumn('failed_at', 'varchar(30)')
      .addColumn('failure', 'varchar(1000)')
      .execute();

    await db.schema
      .createTable('leases')
      .addColumn('name', 'varchar(100)', (c) => c.primaryKey())
      .addColumn('holder', 'varchar(100)', (c) => c.notNull())
      .addColumn('expires_at', 'varchar(30)', (c) => c.notNull())
      .execute();
  },
};
