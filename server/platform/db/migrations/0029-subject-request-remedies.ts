import type { CreateTableBuilder, Kysely, Migration } from 'kysely';

type Columns = (t: CreateTableBuilder<string, never>) => CreateTableBuilder<string, never>;
const instant = 'varchar(30)';
const day = 'varchar(10)';
const id = 'varchar(36)';

/**
 * Individuals' requests (issue 12) — correction (法90–97) and suspension of use (法98–103):
 * - vault_suspensions: a record's use stopped for one purpose of its file (法98-1), by a request;
 *   lifted_at set when lifted (the row stays: the history of the suspension);
 * - subject_request_remedy_items: the records concerned (a confirmed match of the parent
 *   disclosure), the fields to correct with the values asked for (sealed: keys.seal), the purposes to
 *   stop, the outcome per item, the A13 correction in handling once instructed;
 * - subject_request_recipient_notices: recipients of provided data told of the correction or the
 *   stop (法97, 法101).
 * Never edit once landed.
 */
export const m0029: Migration = {
  async up(db: Kysely<unknown>) {
    const table = async (name: string, columns: Columns) => {
      await columns(db.schema.createTable(name)).execute();
    };
    await table('vault_suspensions', (t) =>
      t
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('file_id', id, (c) => c.notNull())
        .addColumn('record_id', id, (c) => c.notNull().references('vault_records.id'))
        .addColumn('purpose_code', 'varchar(40)', (c) => c.notNull())
        // The request that stopped it (no foreign key: the vault does not depend on the requests).
        .addColumn('request_id', id, (c) => c.notNull())
        .addColumn('since', instant, (c) => c.notNull())
        .addColumn('lifted_at', instant)
        .addColumn('lifted_by', id),
    );
    await db.schema
      .createIndex('vault_suspensions_record')
      .on('vault_suspensions')
      .columns(['record_id', 'purpose_code'])
      .execute();
    await db.schema
      .createIndex('vault_suspensions_file')
      .on('vault_suspensions')
      .columns(['file_id', 'purpose_code'])
      .execute();
    await db.schema
      .createIndex('vault_suspensions_request')
      .on('vault_suspensions')
      .columns(['request_id'])
      .execute();

    await table('subject_request_remedy_items', (t) =>
      t
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('request_id', id, (c) => c.notNull().references('subject_requests.id'))
        .addColumn('match_id', id, (c) => c.notNull())
        .addColumn('file_id', id, (c) => c.notNull())
        .addColumn('record_id', id, (c) => c.notNull())
        .addColumn('field_keys', 'text', (c) => c.notNull())
        .addColumn('sealed_values', 'text')
        .addColumn('purpose_codes', 'text', (c) => c.notNull())
        .addColumn('outcome', 'varchar(10)')
        .addColumn('outcome_reason', 'varchar(2000)')
        // The A13 correction's report, sealed under the record's key before the decision's
        // transaction (the approval hook may only write), and the correction id it is bound to.
        .addColumn('report_correction_id', id)
        .addColumn('sealed_report', 'text')
        .addColumn('correction_id', id)
        .addColumn('applied_at', instant)
        .addColumn('created_at', instant, (c) => c.notNull()),
    );
    await db.schema
      .createIndex('subject_request_remedy_items_request')
      .on('subject_request_remedy_items')
      .columns(['request_id'])
      .execute();

    await table('subject_request_recipient_notices', (t) =>
      t
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('request_id', id, (c) => c.notNull().references('subject_requests.id'))
        .addColumn('provision_id', id, (c) => c.notNull())
        .addColumn('provision_number', 'varchar(40)', (c) => c.notNull())
        .addColumn('party_name', 'varchar(300)', (c) => c.notNull())
        .addColumn('status', 'varchar(20)', (c) => c.notNull())
        .addColumn('reason', 'varchar(1000)')
        .addColumn('told_on', day)
        .addColumn('recorded_by', id)
        .addColumn('recorded_at', instant)
        .addColumn('created_at', instant, (c) => c.notNull())
        .addUniqueConstraint('subject_request_recipient_notices_one', ['request_id', 'provision_id']),
    );
  },
  async down(db: Kysely<unknown>) {
    for (const name of [
      'subject_request_recipient_notices',
      'subject_request_remedy_items',
      'vault_suspensions',
    ])
      await db.schema.dropTable(name).ifExists().execute();
  },
};
