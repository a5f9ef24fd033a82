import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely, Migration } from 'kysely';

type Columns = (t: CreateTableBuilder<string, never>) => CreateTableBuilder<string, never>;
/** A column naming a person of the organisation. */
const person = (c: ColumnDefinitionBuilder) => c.references('people.id');
const instant = 'varchar(30)';
const day = 'varchar(10)';
const id = 'varchar(36)';

/**
 * Facilities (issue 11): the register of devices and media that hold or process personal
 * information (A14, A30-1), their history, take-out and bring-in requests (A30-2). Never edit once
 * landed.
 */
export const m0022: Migration = {
  async up(db: Kysely<unknown>) {
    const table = async (name: string, columns: Columns) => {
      await columns(db.schema.createTable(name)).execute();
    };
    await table('facility_devices', (t) =>
      t
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('number', 'varchar(20)', (c) => c.notNull().unique())
        .addColumn('kind', 'varchar(20)', (c) => c.notNull())
        .addColumn('label', 'varchar(200)', (c) => c.notNull())
        .addColumn('identifier', 'varchar(200)', (c) => c.notNull())
        .addColumn('unit_id', id, (c) => c.notNull().references('units.id'))
        .addColumn('section_id', id, (c) => c.notNull().references('sections.id'))
        .addColumn('storage_place', 'varchar(300)', (c) => c.notNull())
        .addColumn('encryption', 'varchar(12)', (c) => c.notNull())
        .addColumn('encryption_note', 'varchar(500)')
        .addColumn('theft_prevention', 'varchar(500)')
        .addColumn('file_ids', 'text', (c) => c.notNull())
        .addColumn('status', 'varchar(12)', (c) => c.notNull())
        .addColumn('holder_id', id, person)
        .addColumn('due_date', day)
        .addColumn('owner_description', 'varchar(300)')
        .addColumn('on_site_until', day)
        .addColumn('incident_id', id)
        .addColumn('incident_number', 'varchar(20)')
        .addColumn('disposal_method', 'varchar(24)')
        .addColumn('disposal_note', 'varchar(500)')
        .addColumn('disposed_on', day)
        .addColumn('witness_id', id, person)
        .addColumn('disposed_by', id, person)
        .addColumn('disposed_at', instant)
        .addColumn('registered_by', id, (c) => person(c).notNull())
        .addColumn('registered_at', instant, (c) => c.notNull())
        .addColumn('updated_at', instant, (c) => c.notNull()),
    );
    await db.schema
      .createIndex('facility_devices_section')
      .on('facility_devices')
      .columns(['section_id', 'status'])
      .execute();
    await table('facility_device_events', (t) =>
      t
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('device_id', id, (c) => c.notNull().references('facility_devices.id'))
        .addColumn('kind', 'varchar(24)', (c) => c.notNull())
        .addColumn('at', instant, (c) => c.notNull())
        .addColumn('by_id', id, (c) => person(c).notNull())
        .addColumn('person_id', id, person)
        .addColumn('due_date', day)
        .addColumn('note', 'varchar(2000)'),
    );
    await db.schema
      .createIndex('facility_device_events_device')
      .on('facility_device_events')
      .columns(['device_id', 'id'])
      .execute();
    await table('facility_device_take_outs', (t) =>
      t
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('device_id', id, (c) => c.notNull().references('facility_devices.id'))
        .addColumn('request_id', id, (c) => c.notNull().unique().references('approval_requests.id'))
        .addColumn('destination', 'varchar(300)', (c) => c.notNull())
        .addColumn('purpose', 'varchar(1000)', (c) => c.notNull())
        .addColumn('from_date', day, (c) => c.notNull())
        .addColumn('due_back', day, (c) => c.notNull())
        .addColumn('requested_by', id, (c) => person(c).notNull())
        .addColumn('requested_at', instant, (c) => c.notNull())
        .addColumn('out_at', instant)
        .addColumn('out_by', id, person)
        .addColumn('returned_at', instant)
        .addColumn('returned_by', id, person)
        .addColumn('overdue_told_at', instant),
    );
    await db.schema
      .createIndex('facility_device_take_outs_device')
      .on('facility_device_take_outs')
      .columns(['device_id'])
      .execute();
    await table('facility_device_bring_ins', (t) =>
      t
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('request_id', id, (c) => c.notNull().unique().references('approval_requests.id'))
        .addColumn('unit_id', id, (c) => c.notNull().references('units.id'))
        .addColumn('section_id', id, (c) => c.notNull().references('sections.id'))
        .addColumn('kind', 'varchar(20)', (c) => c.notNull())
        .addColumn('label', 'varchar(200)', (c) => c.notNull())
        .addColumn('identifier', 'varchar(200)', (c) => c.notNull())
        .addColumn('owner_description', 'varchar(300)', (c) => c.notNull())
        .addColumn('purpose', 'varchar(1000)', (c) => c.notNull())
        .addColumn('from_date', day, (c) => c.notNull())
        .addColumn('until_date', day, (c) => c.notNull())
        .addColumn('storage_place', 'varchar(300)', (c) => c.notNull())
        .addColumn('encryption', 'varchar(12)', (c) => c.notNull())
        .addColumn('encryption_note', 'varchar(500)')
        .addColumn('theft_prevention', 'varchar(500)')
        .addColumn('requested_by', id, (c) => person(c).notNull())
        .addColumn('requested_at', instant, (c) => c.notNull())
        .addColumn('device_id', id, (c) => c.references('facility_devices.id')),
    );
  },
};
