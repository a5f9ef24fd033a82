import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely, Migration } from 'kysely';

type Columns = (t: CreateTableBuilder<string, never>) => CreateTableBuilder<string, never>;
/** A column naming a person of the organisation. */
const person = (c: ColumnDefinitionBuilder) => c.references('people.id');
const instant = 'varchar(30)';
const day = 'varchar(10)';
const id = 'varchar(36)';

/**
 * Training (issue 10; A10): courses, sessions, attendance and completion, materials, recurrence, reminders; vault_grants gains its suspension columns (a lapsed required course suspends a grant).
 * Never edit once landed.
 */
export const m0018: Migration = {
  async up(db: Kysely<unknown>) {
    const table = async (name: string, columns: Columns) => {
      await columns(db.schema.createTable(name)).execute();
    };
    await table('training_courses', (t) =>
      t
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('number', 'varchar(20)', (c) => c.notNull().unique())
        .addColumn('kind', 'varchar(20)', (c) => c.notNull())
        .addColumn('title', 'varchar(200)', (c) => c.notNull())
        .addColumn('description', 'varchar(4000)', (c) => c.notNull())
        .addColumn('owner_unit_id', id, (c) => c.references('units.id'))
        .addColumn('audience_all', 'integer', (c) => c.notNull())
        .addColumn('audience_roles', 'text', (c) => c.notNull())
        .addColumn('audience_unit_ids', 'text', (c) => c.notNull())
        .addColumn('audience_section_ids', 'text', (c) => c.notNull())
        .addColumn('recurrence_months', 'integer')
        .addColumn('due_days', 'integer', (c) => c.notNull())
        .addColumn('required_for', 'varchar(100)', (c) => c.notNull())
        .addColumn('active', 'integer', (c) => c.notNull())
        .addColumn('starts_on', day, (c) => c.notNull())
        .addColumn('material_key', 'varchar(64)')
        .addColumn('material_name', 'varchar(200)')
        .addColumn('material_type', 'varchar(40)')
        .addColumn('material_size', 'integer')
        .addColumn('material_sha256', 'varchar(64)')
        .addColumn('material_uploaded_at', instant)
        .addColumn('created_by', id, person)
        .addColumn('created_at', instant, (c) => c.notNull())
        .addColumn('updated_at', instant, (c) => c.notNull()),
    );
    await table('training_sessions', (t) =>
      t
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('course_id', id, (c) => c.notNull().references('training_courses.id'))
        .addColumn('mode', 'varchar(12)', (c) => c.notNull())
        .addColumn('held_on', day, (c) => c.notNull())
        .addColumn('closes_on', day)
        .addColumn('place', 'varchar(200)', (c) => c.notNull())
        .addColumn('capacity', 'integer')
        .addColumn('note', 'varchar(2000)', (c) => c.notNull())
        .addColumn('created_by', id, person)
        .addColumn('created_at', instant, (c) => c.notNull()),
    );
    await db.schema
      .createIndex('training_sessions_course')
      .on('training_sessions')
      .columns(['course_id'])
      .execute();
    await table('training_enrolments', (t) =>
      t
        .addColumn('session_id', id, (c) => c.notNull().references('training_sessions.id'))
        .addColumn('person_id', id, (c) => person(c).notNull())
        .addColumn('enrolled_by', id, person)
        .addColumn('enrolled_at', instant, (c) => c.notNull())
        .addPrimaryKeyConstraint('training_enrolments_pk', ['session_id', 'person_id']),
    );
    await table('training_completions', (t) =>
      t
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('course_id', id, (c) => c.notNull().references('training_courses.id'))
        .addColumn('session_id', id, (c) => c.references('training_sessions.id'))
        .addColumn('person_id', id, (c) => person(c).notNull())
        .addColumn('completed_on', day, (c) => c.notNull())
        .addColumn('recorded_by', id, person)
        .addColumn('by_self', 'integer', (c) => c.notNull())
        .addColumn('recorded_at', instant, (c) => c.notNull()),
    );
    await db.schema
      .createIndex('training_completions_person')
      .on('training_completions')
      .columns(['person_id', 'course_id'])
      .execute();
    await db.schema
      .createIndex('training_completions_session')
      .on('training_completions')
      .columns(['session_id'])
      .execute();
    await table('training_reminders', (t) =>
      t
        .addColumn('person_id', id, (c) => person(c).notNull())
        .addColumn('course_id', id, (c) => c.notNull().references('training_courses.id'))
        .addColumn('kind', 'varchar(12)', (c) => c.notNull())
        .addColumn('due_on', day, (c) => c.notNull())
        .addColumn('sent_at', instant, (c) => c.notNull())
        .addPrimaryKeyConstraint('training_reminders_pk', ['person_id', 'course_id', 'kind', 'due_on']),
    );
    // A10 and A11-1: a lapsed required course suspends a vault grant until completed again.
    await db.schema.alterTable('vault_grants').addColumn('suspended_at', instant).execute();
    await db.schema.alterTable('vault_grants').addColumn('suspended_reason', 'varchar(300)').execute();
  },
};
