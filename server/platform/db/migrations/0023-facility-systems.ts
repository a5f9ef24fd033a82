import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely, Migration } from 'kysely';

type Columns = (t: CreateTableBuilder<string, never>) => CreateTableBuilder<string, never>;
/** A column naming a person of the organisation. */
const person = (c: ColumnDefinitionBuilder) => c.references('people.id');
const instant = 'varchar(30)';
const day = 'varchar(10)';
const id = 'varchar(36)';

/**
 * Facilities (issue 11): information systems (A23, A24, A28) — the systems that process personal
 * information, the register's files they process, their safeguards (A23 network controls, A24
 * patching and malware protection) with every check kept, the reminders sent once per due date, the
 * design documents (A28) kept with restricted access, and every download of one.
 * Never edit once landed.
 */
export const m0023: Migration = {
  async up(db: Kysely<unknown>) {
    const table = async (name: string, columns: Columns) => {
      await columns(db.schema.createTable(name)).execute();
    };
    const index = (name: string, on: string, columns: string[]) =>
      db.schema.createIndex(name).on(on).columns(columns).execute();

    await table('facility_systems', (t) =>
      t
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('unit_id', id, (c) => c.notNull().references('units.id'))
        .addColumn('section_id', id, (c) => c.notNull().references('sections.id'))
        .addColumn('name', 'varchar(200)', (c) => c.notNull())
        .addColumn('purpose', 'varchar(4000)', (c) => c.notNull())
        .addColumn('hosting', 'varchar(20)', (c) => c.notNull())
        .addColumn('check_interval_days', 'integer', (c) => c.notNull())
        .addColumn('notes', 'varchar(4000)')
        .addColumn('active', 'integer', (c) => c.notNull())
        .addColumn('created_at', instant, (c) => c.notNull())
        .addColumn('created_by', id, (c) => person(c).notNull())
        .addColumn('updated_at', instant, (c) => c.notNull())
        .addColumn('updated_by', id, (c) => person(c).notNull()),
    );
    await index('facility_systems_section', 'facility_systems', ['section_id']);
    await index('facility_systems_unit', 'facility_systems', ['unit_id']);

    // The register's files a system processes (files of the system's unit; the register owns them).
    await table('facility_system_files', (t) =>
      t
        .addColumn('system_id', id, (c) => c.notNull().references('facility_systems.id'))
        .addColumn('file_id', id, (c) => c.notNull())
        .addPrimaryKeyConstraint('facility_system_files_pk', ['system_id', 'file_id']),
    );

    await table('facility_system_measures', (t) =>
      t
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('system_id', id, (c) => c.notNull().references('facility_systems.id'))
        .addColumn('kind', 'varchar(20)', (c) => c.notNull())
        .addColumn('description', 'varchar(2000)', (c) => c.notNull())
        .addColumn('created_at', instant, (c) => c.notNull())
        .addColumn('created_by', id, (c) => person(c).notNull())
        .addColumn('retired_at', instant)
        .addColumn('retired_by', id, person),
    );
    await index('facility_system_measures_system', 'facility_system_measures', ['system_id']);

    await table('facility_system_checks', (t) =>
      t
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('measure_id', id, (c) => c.notNull().references('facility_system_measures.id'))
        .addColumn('system_id', id, (c) => c.notNull().references('facility_systems.id'))
        .addColumn('checked_on', day, (c) => c.notNull())
        .addColumn('result', 'varchar(10)', (c) => c.notNull())
        .addColumn('note', 'varchar(4000)')
        .addColumn('checked_by', id, (c) => person(c).notNull())
        .addColumn('recorded_at', instant, (c) => c.notNull()),
    );
    await index('facility_system_checks_measure', 'facility_system_checks', ['measure_id']);
    await index('facility_system_checks_system', 'facility_system_checks', ['system_id']);

    // system.check_due told once per safeguard and due date (the key keeps one across servers).
    await table('facility_system_reminders', (t) =>
      t
        .addColumn('measure_id', id, (c) => c.notNull().references('facility_system_measures.id'))
        .addColumn('due_on', day, (c) => c.notNull())
        .addColumn('sent_at', instant, (c) => c.notNull())
        .addPrimaryKeyConstraint('facility_system_reminders_pk', ['measure_id', 'due_on']),
    );

    await table('facility_system_documents', (t) =>
      t
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('system_id', id, (c) => c.notNull().references('facility_systems.id'))
        .addColumn('kind', 'varchar(20)', (c) => c.notNull())
        .addColumn('title', 'varchar(200)', (c) => c.notNull())
        .addColumn('file_name', 'varchar(200)', (c) => c.notNull())
        .addColumn('content_type', 'varchar(100)', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
        .addColumn('stored_name', 'varchar(64)', (c) => c.notNull())
        .addColumn('uploaded_at', instant, (c) => c.notNull())
        .addColumn('uploaded_by', id, (c) => person(c).notNull())
        .addColumn('disposed_at', instant)
        .addColumn('disposed_by', id, person)
        .addColumn('dispose_reason', 'varchar(1000)'),
    );
    await index('facility_system_documents_system', 'facility_system_documents', ['system_id']);

    await table('facility_system_downloads', (t) =>
      t
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('document_id', id, (c) => c.notNull().references('facility_system_documents.id'))
        .addColumn('system_id', id, (c) => c.notNull().references('facility_systems.id'))
        .addColumn('person_id', id, (c) => person(c).notNull())
        .addColumn('at', instant, (c) => c.notNull()),
    );
    await index('facility_system_downloads_document', 'facility_system_downloads', ['document_id']);
  },
};
