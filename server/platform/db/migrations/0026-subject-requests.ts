import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely, Migration } from 'kysely';

type Columns = (t: CreateTableBuilder<string, never>) => CreateTableBuilder<string, never>;
/** A column naming a person of the organisation. */
const person = (c: ColumnDefinitionBuilder) => c.references('people.id');
const instant = 'varchar(30)';
const day = 'varchar(10)';
const id = 'varchar(36)';

/**
 * Individuals' requests (issue 12; law-2022.md, 法76–107): disclosure, correction and suspension of
 * use, received at the office the register names, with the identity check, the fee, 補正 (pauses
 * of the clock), extension and the large-request case. The requester's particulars and what they
 * ask for are sealed (keys.seal): never plain in the database, the log or a URL. Never edit once
 * landed.
 */
export const m0026: Migration = {
  async up(db: Kysely<unknown>) {
    const table = async (name: string, columns: Columns) => {
      await columns(db.schema.createTable(name)).execute();
    };
    await table('subject_requests', (t) =>
      t
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('number', 'varchar(20)', (c) => c.notNull().unique())
        .addColumn('kind', 'varchar(12)', (c) => c.notNull())
        .addColumn('parent_id', id, (c) => c.references('subject_requests.id'))
        .addColumn('unit_id', id, (c) => c.notNull().references('units.id'))
        .addColumn('section_id', id, (c) => c.references('sections.id'))
        .addColumn('status', 'varchar(12)', (c) => c.notNull())
        .addColumn('channel', 'varchar(10)', (c) => c.notNull())
        .addColumn('received_on', day, (c) => c.notNull())
        .addColumn('requester_kind', 'varchar(24)', (c) => c.notNull())
        .addColumn('sealed_requester', 'text', (c) => c.notNull())
        .addColumn('sealed_content', 'text', (c) => c.notNull())
        .addColumn('file_ids', 'text', (c) => c.notNull())
        .addColumn('identity_method', 'varchar(30)', (c) => c.notNull())
        .addColumn('identity_checked_by', id, (c) => person(c).notNull())
        .addColumn('identity_checked_at', instant, (c) => c.notNull())
        .addColumn('fee_yen', 'integer', (c) => c.notNull())
        .addColumn('fee_method', 'varchar(20)', (c) => c.notNull())
        .addColumn('fee_paid_on', day)
        .addColumn('preferred_method', 'varchar(20)')
        .addColumn('base_days', 'integer', (c) => c.notNull())
        .addColumn('due_on', day)
        .addColumn('extended_days', 'integer')
        .addColumn('extension_reason', 'text')
        .addColumn('extension_notified_on', day)
        .addColumn('large', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('large_reason', 'text')
        .addColumn('large_rest_due_on', day)
        .addColumn('large_notified_on', day)
        .addColumn('approval_id', id)
        .addColumn('decision', 'varchar(20)')
        .addColumn('decided_on', day)
        .addColumn('notice_sent_on', day)
        .addColumn('method_chosen', 'varchar(20)')
        .addColumn('method_chosen_on', day)
        .addColumn('carried_out_on', day)
        .addColumn('closed_on', day)
        .addColumn('withdrawn_reason', 'text')
        .addColumn('created_by', id, (c) => person(c).notNull())
        .addColumn('created_at', instant, (c) => c.notNull())
        .addColumn('updated_at', instant, (c) => c.notNull()),
    );
    await db.schema
      .createIndex('subject_requests_status')
      .on('subject_requests')
      .columns(['status', 'due_on'])
      .execute();
    await db.schema
      .createIndex('subject_requests_unit')
      .on('subject_requests')
      .columns(['unit_id'])
      .execute();
    await db.schema
      .createIndex('subject_requests_parent')
      .on('subject_requests')
      .columns(['parent_id'])
      .execute();
    await table('subject_request_pauses', (t) =>
      t
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('request_id', id, (c) => c.notNull().references('subject_requests.id'))
        .addColumn('asked_on', day, (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('answered_on', day)
        .addColumn('asked_by', id, (c) => person(c).notNull())
        .addColumn('created_at', instant, (c) => c.notNull()),
    );
    await db.schema
      .createIndex('subject_request_pauses_request')
      .on('subject_request_pauses')
      .columns(['request_id'])
      .execute();
    // Reminders told to the handlers (due_soon, overdue): one per request, kind and due date.
    await table('subject_request_reminders', (t) =>
      t
        .addColumn('request_id', id, (c) => c.notNull().references('subject_requests.id'))
        .addColumn('kind', 'varchar(12)', (c) => c.notNull())
        .addColumn('due_on', day, (c) => c.notNull())
        .addColumn('sent_at', instant, (c) => c.notNull())
        .addPrimaryKeyConstraint('subject_request_reminders_pk', ['request_id', 'kind', 'due_on']),
    );
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('subject_request_reminders').execute();
    await db.schema.dropTable('subject_request_pauses').execute();
    await db.schema.dropTable('subject_requests').execute();
  },
};
