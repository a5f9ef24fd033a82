import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely, Migration } from 'kysely';

type Columns = (t: CreateTableBuilder<string, never>) => CreateTableBuilder<string, never>;
/** A column naming a person of the organisation. */
const person = (c: ColumnDefinitionBuilder) => c.references('people.id');
const instant = 'varchar(30)';
const day = 'varchar(10)';
const id = 'varchar(36)';

/**
 * Facilities (issue 11): server rooms and storage facilities (rule 65 A32, A33) — the rooms with
 * their keeping section and location note (A32-2), entry authentication (A32-3), the authorised
 * persons (A32-1), the entry/exit log with visitors sealed (部外者の識別化, 立会い), the inspections of
 * the safeguards (A33-1, A33-2) and the reminders sent. Never edit once landed.
 */
export const m0024: Migration = {
  async up(db: Kysely<unknown>) {
    const table = async (name: string, columns: Columns) => {
      await columns(db.schema.createTable(name)).execute();
    };
    await table('facility_rooms', (t) =>
      t
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('name', 'varchar(200)', (c) => c.notNull())
        .addColumn('kind', 'varchar(20)', (c) => c.notNull())
        .addColumn('unit_id', id, (c) => c.notNull().references('units.id'))
        .addColumn('section_id', id, (c) => c.notNull().references('sections.id'))
        .addColumn('location_note', 'varchar(1000)')
        .addColumn('entry_auth', 'varchar(20)', (c) => c.notNull())
        .addColumn('inspection_interval_days', 'integer', (c) => c.notNull())
        .addColumn('last_inspected_on', day)
        .addColumn('notes', 'varchar(4000)')
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', instant, (c) => c.notNull())
        .addColumn('created_by', id, (c) => person(c).notNull())
        .addColumn('updated_at', instant, (c) => c.notNull())
        .addColumn('updated_by', id, (c) => person(c).notNull()),
    );
    await db.schema.createIndex('facility_rooms_unit').on('facility_rooms').columns(['unit_id']).execute();
    await db.schema
      .createIndex('facility_rooms_section')
      .on('facility_rooms')
      .columns(['section_id'])
      .execute();

    await table('facility_room_people', (t) =>
      t
        .addColumn('room_id', id, (c) => c.notNull().references('facility_rooms.id'))
        .addColumn('person_id', id, (c) => person(c).notNull())
        .addColumn('added_at', instant, (c) => c.notNull())
        .addColumn('added_by', id, (c) => person(c).notNull())
        .addPrimaryKeyConstraint('facility_room_people_pk', ['room_id', 'person_id']),
    );
    await db.schema
      .createIndex('facility_room_people_person')
      .on('facility_room_people')
      .columns(['person_id'])
      .execute();

    await table('facility_room_entries', (t) =>
      t
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('room_id', id, (c) => c.notNull().references('facility_rooms.id'))
        .addColumn('kind', 'varchar(10)', (c) => c.notNull())
        .addColumn('person_id', id, person)
        .addColumn('visitor_sealed', 'text')
        .addColumn('visitor_id_kind', 'varchar(30)')
        .addColumn('visitor_badge', 'varchar(30)')
        .addColumn('escort_id', id, person)
        .addColumn('purpose', 'varchar(500)', (c) => c.notNull())
        .addColumn('entered_at', instant, (c) => c.notNull())
        .addColumn('entered_on', day, (c) => c.notNull())
        .addColumn('exited_at', instant)
        .addColumn('recorded_by', id, (c) => person(c).notNull())
        .addColumn('recorded_at', instant, (c) => c.notNull())
        .addColumn('exit_recorded_by', id, person)
        .addColumn('exit_recorded_at', instant),
    );
    await db.schema
      .createIndex('facility_room_entries_room')
      .on('facility_room_entries')
      .columns(['room_id', 'entered_on'])
      .execute();

    await table('facility_room_inspections', (t) =>
      t
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('room_id', id, (c) => c.notNull().references('facility_rooms.id'))
        .addColumn('inspected_on', day, (c) => c.notNull())
        .addColumn('inspector_id', id, (c) => person(c).notNull())
        .addColumn('items', 'text', (c) => c.notNull())
        .addColumn('notes', 'varchar(4000)')
        .addColumn('recorded_at', instant, (c) => c.notNull()),
    );
    await db.schema
      .createIndex('facility_room_inspections_room')
      .on('facility_room_inspections')
      .columns(['room_id'])
      .execute();

    await table('facility_room_reminders', (t) =>
      t
        .addColumn('room_id', id, (c) => c.notNull().references('facility_rooms.id'))
        .addColumn('due_on', day, (c) => c.notNull())
        .addColumn('sent_at', instant, (c) => c.notNull())
        .addPrimaryKeyConstraint('facility_room_reminders_pk', ['room_id', 'due_on']),
    );
  },
};
