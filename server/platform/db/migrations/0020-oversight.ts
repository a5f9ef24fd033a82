import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely, Migration } from 'kysely';

type Columns = (t: CreateTableBuilder<string, never>) => CreateTableBuilder<string, never>;
/** A column naming a person of the organisation. */
const person = (c: ColumnDefinitionBuilder) => c.references('people.id');
const instant = 'varchar(30)';
const day = 'varchar(10)';
const id = 'varchar(36)';

/**
 * Oversight (issue 10): inspections by 保護管理者 and their schedule per section (A37), the yearly
 * evaluation with its decided changes (A38), the committee's meetings (A9), guidance from ministries
 * (A39), supplementary rules (A40), historical materials (A41) and the documents uploaded for them.
 * Never edit once landed.
 */
export const m0020: Migration = {
  async up(db: Kysely<unknown>) {
    const table = async (name: string, columns: Columns) => {
      await columns(db.schema.createTable(name)).execute();
    };
    // A37: how often a section is inspected (months; default 6 when no row).
    await table('oversight_inspection_schedules', (t) =>
      t
        .addColumn('section_id', id, (c) => c.primaryKey().references('sections.id'))
        .addColumn('unit_id', id, (c) => c.notNull().references('units.id'))
        .addColumn('interval_months', 'integer', (c) => c.notNull())
        .addColumn('updated_at', instant, (c) => c.notNull())
        .addColumn('updated_by', id, (c) => person(c).notNull()),
    );
    await table('oversight_inspections', (t) =>
      t
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('number', 'varchar(20)', (c) => c.notNull().unique())
        .addColumn('unit_id', id, (c) => c.notNull().references('units.id'))
        .addColumn('section_id', id, (c) => c.notNull().references('sections.id'))
        .addColumn('inspected_on', day, (c) => c.notNull())
        .addColumn('media_result', 'varchar(20)', (c) => c.notNull())
        .addColumn('media_notes', 'varchar(4000)')
        .addColumn('routes_result', 'varchar(20)', (c) => c.notNull())
        .addColumn('routes_notes', 'varchar(4000)')
        .addColumn('storage_result', 'varchar(20)', (c) => c.notNull())
        .addColumn('storage_notes', 'varchar(4000)')
        .addColumn('remarks', 'varchar(4000)')
        .addColumn('issues', 'varchar(4000)')
        .addColumn('actions', 'varchar(4000)')
        .addColumn('status', 'varchar(12)', (c) => c.notNull())
        .addColumn('inspector_id', id, (c) => person(c).notNull())
        .addColumn('created_at', instant, (c) => c.notNull())
        .addColumn('completed_at', instant)
        .addColumn('reported_at', instant)
        .addColumn('reported_to', 'text')
        .addColumn('acknowledged_at', instant)
        .addColumn('acknowledged_by', id, person)
        .addColumn('updated_at', instant, (c) => c.notNull()),
    );
    await db.schema
      .createIndex('oversight_inspections_section')
      .on('oversight_inspections')
      .columns(['section_id', 'status'])
      .execute();
    // inspection.due sent once per section and due date.
    await table('oversight_inspection_reminders', (t) =>
      t
        .addColumn('section_id', id, (c) => c.notNull().references('sections.id'))
        .addColumn('due_on', day, (c) => c.notNull())
        .addColumn('sent_at', instant, (c) => c.notNull())
        .addPrimaryKeyConstraint('oversight_inspection_reminders_pk', ['section_id', 'due_on']),
    );
    // A38: one evaluation per fiscal year and scope ('org' or the unit's id).
    await table('oversight_evaluations', (t) =>
      t
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('fiscal_year', 'integer', (c) => c.notNull())
        .addColumn('unit_id', id, (c) => c.references('units.id'))
        .addColumn('scope_key', 'varchar(50)', (c) => c.notNull())
        .addColumn('assessment', 'text')
        .addColumn('status', 'varchar(10)', (c) => c.notNull())
        .addColumn('created_by', id, (c) => person(c).notNull())
        .addColumn('created_at', instant, (c) => c.notNull())
        .addColumn('decided_at', instant)
        .addColumn('decided_by', id, person)
        .addColumn('updated_at', instant, (c) => c.notNull())
        .addUniqueConstraint('oversight_evaluations_scope', ['fiscal_year', 'scope_key']),
    );
    await table('oversight_evaluation_actions', (t) =>
      t
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('evaluation_id', id, (c) => c.notNull().references('oversight_evaluations.id'))
        .addColumn('description', 'varchar(4000)', (c) => c.notNull())
        .addColumn('feature_id', 'varchar(20)', (c) => c.notNull())
        .addColumn('owner_id', id, (c) => person(c).notNull())
        .addColumn('due_on', day, (c) => c.notNull())
        .addColumn('status', 'varchar(10)', (c) => c.notNull())
        .addColumn('note', 'varchar(4000)')
        .addColumn('done_at', instant)
        .addColumn('done_by', id, person)
        .addColumn('created_at', instant, (c) => c.notNull()),
    );
    await db.schema
      .createIndex('oversight_evaluation_actions_evaluation')
      .on('oversight_evaluation_actions')
      .columns(['evaluation_id'])
      .execute();
    // A9: the committee's meetings (agenda and decisions as JSON).
    await table('oversight_meetings', (t) =>
      t
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('number', 'varchar(20)', (c) => c.notNull().unique())
        .addColumn('held_on', day, (c) => c.notNull())
        .addColumn('time', 'varchar(5)')
        .addColumn('place', 'varchar(200)', (c) => c.notNull())
        .addColumn('agenda', 'text', (c) => c.notNull())
        .addColumn('decisions', 'text', (c) => c.notNull())
        .addColumn('minutes', 'text')
        .addColumn('status', 'varchar(10)', (c) => c.notNull())
        .addColumn('created_by', id, (c) => person(c).notNull())
        .addColumn('created_at', instant, (c) => c.notNull())
        .addColumn('recorded_by', id, person)
        .addColumn('recorded_at', instant)
        .addColumn('updated_at', instant, (c) => c.notNull()),
    );
    // A39.
    await table('oversight_guidance', (t) =>
      t
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('received_on', day, (c) => c.notNull())
        .addColumn('ministry', 'varchar(200)', (c) => c.notNull())
        .addColumn('subject', 'varchar(300)', (c) => c.notNull())
        .addColumn('summary', 'varchar(8000)', (c) => c.notNull())
        .addColumn('response', 'varchar(8000)')
        .addColumn('recorded_by', id, (c) => person(c).notNull())
        .addColumn('created_at', instant, (c) => c.notNull())
        .addColumn('updated_at', instant, (c) => c.notNull()),
    );
    // A40: unit_id null = organisation-wide (A40-1), else the unit's (A40-2).
    await table('oversight_local_rules', (t) =>
      t
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('unit_id', id, (c) => c.references('units.id'))
        .addColumn('title', 'varchar(300)', (c) => c.notNull())
        .addColumn('number', 'varchar(100)')
        .addColumn('effective_on', day, (c) => c.notNull())
        .addColumn('superseded', 'integer', (c) => c.notNull())
        .addColumn('created_by', id, (c) => person(c).notNull())
        .addColumn('created_at', instant, (c) => c.notNull())
        .addColumn('updated_at', instant, (c) => c.notNull()),
    );
    // A41: a register file marked as 歴史資料等個人情報 (the mark ends; its row stays).
    await table('oversight_historical', (t) =>
      t
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('file_id', id, (c) => c.notNull())
        .addColumn('unit_id', id, (c) => c.notNull().references('units.id'))
        .addColumn('section_id', id, (c) => c.notNull().references('sections.id'))
        .addColumn('facility_name', 'varchar(200)', (c) => c.notNull())
        .addColumn('designated_on', day, (c) => c.notNull())
        .addColumn('note', 'varchar(4000)')
        .addColumn('marked_by', id, (c) => person(c).notNull())
        .addColumn('marked_at', instant, (c) => c.notNull())
        .addColumn('unmarked_at', instant)
        .addColumn('unmarked_by', id, person)
        .addColumn('unmark_reason', 'varchar(2000)'),
    );
    await db.schema
      .createIndex('oversight_historical_file')
      .on('oversight_historical')
      .columns(['file_id'])
      .execute();
    // Documents of meetings (minutes), guidance and local rules: the latest of an owner is shown.
    await table('oversight_documents', (t) =>
      t
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('owner_kind', 'varchar(20)', (c) => c.notNull())
        .addColumn('owner_id', id, (c) => c.notNull())
        .addColumn('file_name', 'varchar(200)', (c) => c.notNull())
        .addColumn('content_type', 'varchar(120)', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
        .addColumn('stored_name', 'varchar(64)', (c) => c.notNull())
        .addColumn('uploaded_at', instant, (c) => c.notNull())
        .addColumn('uploaded_by', id, (c) => person(c).notNull()),
    );
    await db.schema
      .createIndex('oversight_documents_owner')
      .on('oversight_documents')
      .columns(['owner_kind', 'owner_id'])
      .execute();
  },
};
