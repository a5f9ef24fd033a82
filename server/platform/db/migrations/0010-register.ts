import type { Kysely, Migration } from 'kysely';

/**
 * The register of personal information files (A20, 別紙様式1): each file, owned by a section of a
 * unit, and its versions (drafted, submitted, accepted into the consolidated register, returned,
 * superseded by an amendment). A version's fields are kept whole as JSON; the columns beside them
 * serve search and the public register. Never edit once landed.
 */
export const m0010: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('register_files')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('unit_id', 'varchar(36)', (c) => c.notNull().references('units.id'))
      .addColumn('section_id', 'varchar(36)', (c) => c.notNull().references('sections.id'))
      .addColumn('state', 'varchar(20)', (c) => c.notNull())
      .addColumn('current_version_id', 'varchar(36)')
      .addColumn('open_version_id', 'varchar(36)')
      .addColumn('my_number', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('my_number_approved_at', 'varchar(30)')
      .addColumn('my_number_approved_by', 'varchar(36)', (c) => c.references('people.id'))
      .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
      .addColumn('created_by', 'varchar(36)', (c) => c.references('people.id'))
      .addColumn('discontinued_at', 'varchar(30)')
      .addColumn('discontinued_by', 'varchar(36)', (c) => c.references('people.id'))
      .addColumn('discontinued_reason', 'varchar(1000)')
      .execute();
    await db.schema
      .createIndex('register_files_scope')
      .on('register_files')
      .columns(['unit_id', 'section_id'])
      .execute();

    await db.schema
      .createTable('register_versions')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('file_id', 'varchar(36)', (c) => c.notNull().references('register_files.id'))
      .addColumn('number', 'integer', (c) => c.notNull())
      .addColumn('status', 'varchar(20)', (c) => c.notNull())
      .addColumn('fields', 'text', (c) => c.notNull())
      .addColumn('name', 'varchar(200)', (c) => c.notNull())
      .addColumn('department', 'varchar(300)', (c) => c.notNull())
      .addColumn('kind', 'varchar(10)', (c) => c.notNull())
      .addColumn('exemption', 'varchar(20)', (c) => c.notNull())
      .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
      .addColumn('created_by', 'varchar(36)', (c) => c.references('people.id'))
      .addColumn('submitted_at', 'varchar(30)')
      .addColumn('submitted_by', 'varchar(36)', (c) => c.references('people.id'))
      .addColumn('decided_at', 'varchar(30)')
      .addColumn('decided_by', 'varchar(36)', (c) => c.references('people.id'))
      .addColumn('return_reason', 'varchar(1000)')
      .addUniqueConstraint('register_versions_number', ['file_id', 'number'])
      .execute();
    await db.schema
      .createIndex('register_versions_status')
      .on('register_versions')
      .columns(['status'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('register_versions').execute();
    await db.schema.dropTable('register_files').execute();
  },
};
