import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely, Migration } from 'kysely';

type Columns = (t: CreateTableBuilder<string, never>) => CreateTableBuilder<string, never>;
/** A column naming a person of the organisation. */
const person = (c: ColumnDefinitionBuilder) => c.references('people.id');
const instant = 'varchar(30)';
const id = 'varchar(36)';

/**
 * Incidents (issue 8; rule 65 A34–A35, 個人情報保護法68条): the report (A34-1) with 知った日時, its
 * timeline, the dated steps of the chain and the law's reports (A34-3, -4, -6, -7, 法68①), links to
 * the files, records, log entries and requests involved (A34-3), recurrence-prevention measures
 * (A34-5), the configurable deadlines and the reminders sent. Never edit once landed.
 */
export const m0014: Migration = {
  async up(db: Kysely<unknown>) {
    const table = async (name: string, columns: Columns) => {
      await columns(db.schema.createTable(name)).execute();
    };
    await table('incidents', (t) =>
      t
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('number', 'varchar(20)', (c) => c.notNull().unique())
        .addColumn('unit_id', id, (c) => c.notNull().references('units.id'))
        .addColumn('section_id', id, (c) => c.notNull().references('sections.id'))
        .addColumn('summary', 'varchar(2000)', (c) => c.notNull())
        .addColumn('aware_at', instant, (c) => c.notNull())
        .addColumn('reported_at', instant, (c) => c.notNull())
        .addColumn('reported_by', id, (c) => person(c).notNull())
        .addColumn('systems', 'varchar(1000)')
        .addColumn('actions_taken', 'varchar(2000)')
        .addColumn('file_ids', 'text', (c) => c.notNull())
        .addColumn('facts', 'text', (c) => c.notNull())
        .addColumn('facts_updated_at', instant)
        .addColumn('notice', 'text')
        .addColumn('notice_recorded_at', instant)
        .addColumn('publication', 'text')
        .addColumn('publication_recorded_at', instant)
        .addColumn('status', 'varchar(10)', (c) => c.notNull())
        .addColumn('closed_at', instant)
        .addColumn('closed_by', id, person)
        .addColumn('close_summary', 'varchar(4000)')
        .addColumn('updated_at', instant, (c) => c.notNull()),
    );
    await db.schema.createIndex('incidents_status').on('incidents').columns(['status', 'unit_id']).execute();
    await db.schema.createIndex('incidents_section').on('incidents').columns(['section_id']).execute();
    await db.schema.createIndex('incidents_reporter').on('incidents').columns(['reported_by']).execute();

    await table('incident_events', (t) =>
      t
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('incident_id', id, (c) => c.notNull().references('incidents.id'))
        .addColumn('kind', 'varchar(30)', (c) => c.notNull())
        .addColumn('at', instant, (c) => c.notNull())
        .addColumn('recorded_at', instant, (c) => c.notNull())
        .addColumn('by_id', id, person)
        .addColumn('text', 'varchar(8000)')
        .addColumn('data', 'text', (c) => c.notNull()),
    );
    await db.schema
      .createIndex('incident_events_incident')
      .on('incident_events')
      .columns(['incident_id'])
      .execute();

    await table('incident_steps', (t) =>
      t
        .addColumn('incident_id', id, (c) => c.notNull().references('incidents.id'))
        .addColumn('step', 'varchar(30)', (c) => c.notNull())
        .addColumn('outcome', 'varchar(12)', (c) => c.notNull())
        .addColumn('at', instant, (c) => c.notNull())
        .addColumn('by_id', id, (c) => person(c).notNull())
        .addColumn('to_whom', 'varchar(300)')
        .addColumn('note', 'varchar(4000)')
        .addColumn('recorded_at', instant, (c) => c.notNull())
        // A step is recorded once: a second recording of it is refused (incidents.step_done).
        .addPrimaryKeyConstraint('incident_steps_pk', ['incident_id', 'step']),
    );

    await table('incident_links', (t) =>
      t
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('incident_id', id, (c) => c.notNull().references('incidents.id'))
        .addColumn('kind', 'varchar(20)', (c) => c.notNull())
        .addColumn('ref', 'varchar(80)', (c) => c.notNull())
        .addColumn('label', 'varchar(400)', (c) => c.notNull())
        .addColumn('target_id', id, (c) => c.notNull())
        .addColumn('target_file_id', id)
        .addColumn('target_unit_id', id)
        .addColumn('target_section_id', id)
        .addColumn('created_at', instant, (c) => c.notNull())
        .addColumn('created_by', id, (c) => person(c).notNull()),
    );
    await db.schema
      .createIndex('incident_links_incident')
      .on('incident_links')
      .columns(['incident_id'])
      .execute();

    await table('incident_measures', (t) =>
      t
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('incident_id', id, (c) => c.notNull().references('incidents.id'))
        .addColumn('text', 'varchar(2000)', (c) => c.notNull())
        .addColumn('owner_id', id, (c) => person(c).notNull())
        .addColumn('due', 'varchar(10)', (c) => c.notNull())
        .addColumn('created_at', instant, (c) => c.notNull())
        .addColumn('created_by', id, (c) => person(c).notNull())
        .addColumn('done_at', instant)
        .addColumn('done_by', id, person)
        .addColumn('note', 'varchar(2000)'),
    );
    await db.schema
      .createIndex('incident_measures_incident')
      .on('incident_measures')
      .columns(['incident_id'])
      .execute();
    await db.schema
      .createIndex('incident_measures_owner')
      .on('incident_measures')
      .columns(['owner_id'])
      .execute();

    await table('incident_settings', (t) =>
      t
        .addColumn('id', 'varchar(20)', (c) => c.primaryKey())
        .addColumn('settings', 'text', (c) => c.notNull())
        .addColumn('updated_at', instant, (c) => c.notNull())
        .addColumn('updated_by', id, person),
    );

    await table('incident_reminders', (t) =>
      t
        .addColumn('incident_id', id, (c) => c.notNull().references('incidents.id'))
        .addColumn('deadline', 'varchar(80)', (c) => c.notNull())
        .addColumn('sent_on', 'varchar(10)', (c) => c.notNull())
        .addColumn('kind', 'varchar(40)', (c) => c.notNull())
        .addPrimaryKeyConstraint('incident_reminders_pk', ['incident_id', 'deadline', 'sent_on']),
    );
  },
  async down(db: Kysely<unknown>) {
    for (const name of [
      'incident_reminders',
      'incident_settings',
      'incident_measures',
      'incident_links',
      'incident_steps',
      'incident_events',
      'incidents',
    ])
      await db.schema.dropTable(name).execute();
  },
};
