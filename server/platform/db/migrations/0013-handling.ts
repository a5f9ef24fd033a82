import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely, Migration } from 'kysely';

type Columns = (t: CreateTableBuilder<string, never>) => CreateTableBuilder<string, never>;
/** A column naming a person of the organisation. */
const person = (c: ColumnDefinitionBuilder) => c.references('people.id');

/**
 * Approvals and the handling of held information (issue 7; A12–A17, A17の2, A24の2; ADR 0008).
 * One engine of requests and their steps (approval_requests, approval_events), deputies who stand in
 * for an absent manager, rules per file of which acts need approval, an in-app inbox, and the acts'
 * own records: exports and their deletion, media and their movements, corrections (sealed before and
 * after), disposals and their certificates, the usage ledger's signed reviews, and A17-4's
 * restriction of out-of-purpose internal use. No column holds personal data in plain text.
 * Never edit once landed.
 */
export const m0013: Migration = {
  async up(db: Kysely<unknown>) {
    const table = async (name: string, columns: Columns) => {
      await columns(db.schema.createTable(name)).execute();
    };
    await table('approval_requests', (t) =>
      t
        .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
        .addColumn('number', 'varchar(20)', (c) => c.notNull().unique())
        .addColumn('kind', 'varchar(30)', (c) => c.notNull())
        .addColumn('unit_id', 'varchar(36)', (c) => c.notNull().references('units.id'))
        .addColumn('section_id', 'varchar(36)', (c) => c.notNull().references('sections.id'))
        .addColumn('file_id', 'varchar(36)', (c) => c.references('register_files.id'))
        .addColumn('record_ids', 'text')
        .addColumn('reason', 'varchar(2000)', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('level', 'varchar(30)', (c) => c.notNull())
        .addColumn('status', 'varchar(12)', (c) => c.notNull())
        .addColumn('requested_by', 'varchar(36)', (c) => person(c).notNull())
        .addColumn('requested_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('decided_by', 'varchar(36)', person)
        .addColumn('acting_for', 'varchar(36)', person)
        .addColumn('decided_at', 'varchar(30)')
        .addColumn('decision_comment', 'varchar(2000)')
        .addColumn('expires_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('done_at', 'varchar(30)')
        .addColumn('revision', 'integer', (c) => c.notNull()),
    );
    await db.schema
      .createIndex('approval_requests_route')
      .on('approval_requests')
      .columns(['status', 'unit_id', 'section_id'])
      .execute();
    await db.schema
      .createIndex('approval_requests_requester')
      .on('approval_requests')
      .columns(['requested_by', 'requested_at'])
      .execute();
    await db.schema
      .createIndex('approval_requests_file')
      .on('approval_requests')
      .columns(['file_id', 'requested_at'])
      .execute();

    await table('approval_events', (t) =>
      t
        .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
        .addColumn('request_id', 'varchar(36)', (c) => c.notNull().references('approval_requests.id'))
        .addColumn('action', 'varchar(20)', (c) => c.notNull())
        .addColumn('actor_id', 'varchar(36)', person)
        .addColumn('acting_for', 'varchar(36)', person)
        .addColumn('comment', 'varchar(2000)')
        .addColumn('at', 'varchar(30)', (c) => c.notNull()),
    );
    await db.schema
      .createIndex('approval_events_request')
      .on('approval_events')
      .columns(['request_id'])
      .execute();

    await table('approval_deputies', (t) =>
      t
        .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
        .addColumn('deputy_id', 'varchar(36)', (c) => person(c).notNull())
        .addColumn('level', 'varchar(30)', (c) => c.notNull())
        .addColumn('unit_id', 'varchar(36)', (c) => c.notNull().references('units.id'))
        .addColumn('section_id', 'varchar(36)', (c) => c.references('sections.id'))
        .addColumn('valid_from', 'varchar(10)', (c) => c.notNull())
        .addColumn('valid_until', 'varchar(10)', (c) => c.notNull())
        .addColumn('reason', 'varchar(1000)', (c) => c.notNull())
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('created_by', 'varchar(36)', person)
        .addColumn('revoked_at', 'varchar(30)')
        .addColumn('revoked_by', 'varchar(36)', person),
    );
    await db.schema
      .createIndex('approval_deputies_deputy')
      .on('approval_deputies')
      .columns(['deputy_id'])
      .execute();

    await table('handling_rules', (t) =>
      t
        .addColumn('scope', 'varchar(60)', (c) => c.primaryKey())
        .addColumn('rules', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_by', 'varchar(36)', person),
    );

    await table('notifications', (t) =>
      t
        .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
        .addColumn('person_id', 'varchar(36)', (c) => person(c).notNull())
        .addColumn('request_id', 'varchar(36)', (c) => c.references('approval_requests.id'))
        .addColumn('kind', 'varchar(40)', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('read_at', 'varchar(30)')
        .addColumn('mailed_at', 'varchar(30)'),
    );
    await db.schema
      .createIndex('notifications_person')
      .on('notifications')
      .columns(['person_id', 'read_at'])
      .execute();

    await table('handling_exports', (t) =>
      t
        .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
        .addColumn('request_id', 'varchar(36)', (c) => c.notNull().references('approval_requests.id'))
        .addColumn('file_id', 'varchar(36)', (c) => c.notNull().references('register_files.id'))
        .addColumn('person_id', 'varchar(36)', (c) => person(c).notNull())
        .addColumn('format', 'varchar(10)', (c) => c.notNull())
        .addColumn('stored_name', 'varchar(100)')
        .addColumn('records', 'integer', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('expires_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('deleted_at', 'varchar(30)')
        .addColumn('deleted_why', 'varchar(20)')
        .addColumn('downloaded_at', 'varchar(30)')
        .addColumn('local_deleted_at', 'varchar(30)'),
    );
    await db.schema
      .createIndex('handling_exports_file')
      .on('handling_exports')
      .columns(['file_id'])
      .execute();

    await table('handling_media', (t) =>
      t
        .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
        .addColumn('unit_id', 'varchar(36)', (c) => c.notNull().references('units.id'))
        .addColumn('section_id', 'varchar(36)', (c) => c.notNull().references('sections.id'))
        .addColumn('label', 'varchar(200)', (c) => c.notNull())
        .addColumn('kind', 'varchar(30)', (c) => c.notNull())
        .addColumn('storage_place', 'varchar(300)', (c) => c.notNull())
        .addColumn('file_ids', 'text', (c) => c.notNull())
        .addColumn('status', 'varchar(12)', (c) => c.notNull())
        .addColumn('registered_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('registered_by', 'varchar(36)', person)
        .addColumn('disposed_at', 'varchar(30)')
        .addColumn('disposal_method', 'varchar(40)')
        .addColumn('disposal_witness', 'varchar(36)', person)
        .addColumn('disposal_request_id', 'varchar(36)', (c) => c.references('approval_requests.id')),
    );

    await table('handling_movements', (t) =>
      t
        .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
        .addColumn('request_id', 'varchar(36)', (c) => c.notNull().references('approval_requests.id'))
        .addColumn('kind', 'varchar(12)', (c) => c.notNull())
        .addColumn('file_id', 'varchar(36)', (c) => c.notNull().references('register_files.id'))
        .addColumn('medium_id', 'varchar(36)', (c) => c.references('handling_media.id'))
        .addColumn('recipient', 'varchar(300)', (c) => c.notNull())
        .addColumn('means', 'varchar(40)', (c) => c.notNull())
        .addColumn('planned_at', 'varchar(10)', (c) => c.notNull())
        .addColumn('due_back', 'varchar(10)')
        .addColumn('done_at', 'varchar(30)')
        .addColumn('done_by', 'varchar(36)', person)
        .addColumn('returned_at', 'varchar(30)')
        .addColumn('returned_by', 'varchar(36)', person),
    );
    await db.schema
      .createIndex('handling_movements_file')
      .on('handling_movements')
      .columns(['file_id'])
      .execute();

    await table('handling_corrections', (t) =>
      t
        .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
        .addColumn('file_id', 'varchar(36)', (c) => c.notNull().references('vault_files.file_id'))
        .addColumn('record_id', 'varchar(36)', (c) => c.notNull().references('vault_records.id'))
        .addColumn('fields', 'text', (c) => c.notNull())
        .addColumn('sealed_report', 'text')
        .addColumn('status', 'varchar(12)', (c) => c.notNull())
        .addColumn('reported_by', 'varchar(36)', (c) => person(c).notNull())
        .addColumn('reported_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('request_id', 'varchar(36)', (c) => c.references('approval_requests.id'))
        .addColumn('sealed_before', 'text')
        .addColumn('sealed_after', 'text')
        .addColumn('corrected_by', 'varchar(36)', person)
        .addColumn('corrected_at', 'varchar(30)'),
    );
    await db.schema
      .createIndex('handling_corrections_file')
      .on('handling_corrections')
      .columns(['file_id', 'status'])
      .execute();

    await table('handling_disposals', (t) =>
      t
        .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
        .addColumn('number', 'varchar(20)', (c) => c.notNull().unique())
        .addColumn('request_id', 'varchar(36)', (c) => c.notNull().references('approval_requests.id'))
        .addColumn('kind', 'varchar(10)', (c) => c.notNull())
        .addColumn('file_id', 'varchar(36)', (c) => c.references('register_files.id'))
        .addColumn('medium_id', 'varchar(36)', (c) => c.references('handling_media.id'))
        .addColumn('records', 'integer', (c) => c.notNull())
        .addColumn('method', 'varchar(40)', (c) => c.notNull())
        .addColumn('witness_id', 'varchar(36)', person)
        .addColumn('executed_by', 'varchar(36)', (c) => person(c).notNull())
        .addColumn('executed_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('certificate_sha256', 'varchar(64)'),
    );

    await table('handling_reviews', (t) =>
      t
        .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
        .addColumn('file_id', 'varchar(36)', (c) => c.notNull().references('register_files.id'))
        .addColumn('period_from', 'varchar(10)', (c) => c.notNull())
        .addColumn('period_to', 'varchar(10)', (c) => c.notNull())
        .addColumn('signed_by', 'varchar(36)', (c) => person(c).notNull())
        .addColumn('signed_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('comment', 'varchar(2000)', (c) => c.notNull()),
    );

    await table('handling_restrictions', (t) =>
      t
        .addColumn('unit_id', 'varchar(36)', (c) => c.primaryKey().references('units.id'))
        .addColumn('person_ids', 'text', (c) => c.notNull())
        .addColumn('reason', 'varchar(1000)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_by', 'varchar(36)', person),
    );
  },
  async down(db: Kysely<unknown>) {
    for (const name of [
      'handling_restrictions',
      'handling_reviews',
      'handling_disposals',
      'handling_corrections',
      'handling_movements',
      'handling_media',
      'handling_exports',
      'notifications',
      'handling_rules',
      'approval_deputies',
      'approval_events',
      'approval_requests',
    ])
      await db.schema.dropTable(name).execute();
  },
};
