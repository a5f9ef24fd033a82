import type { Kysely, Migration } from 'kysely';

/**
 * The vault (issue 6): held personal information of the register's computer-processed files.
 * A file's record schema has versions; each record is sealed per sensitivity group (A25) under its
 * own data key, stored only wrapped by the key-encryption key outside the database, so destroying
 * that one wrapped key erases the record (A15). Blind indexes (truncated HMACs) serve exact search;
 * grants give one person what their work needs (A11-1, A11-2); pending changes of an important file
 * wait for a second person's check against the source (A26); imports keep their outcome.
 * No column holds personal data in plain text. Never edit once landed.
 */
export const m0011: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('vault_files')
      .addColumn('file_id', 'varchar(36)', (c) => c.primaryKey().references('register_files.id'))
      .addColumn('unit_id', 'varchar(36)', (c) => c.notNull().references('units.id'))
      .addColumn('section_id', 'varchar(36)', (c) => c.notNull().references('sections.id'))
      .addColumn('schema_version', 'integer', (c) => c.notNull())
      .addColumn('purposes', 'text', (c) => c.notNull())
      .addColumn('important', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('terminal_area_kind', 'varchar(20)')
      .addColumn('terminal_area_id', 'varchar(36)', (c) => c.references('terminal_areas.id'))
      .addColumn('key_field', 'varchar(40)')
      .addColumn('scope_field', 'varchar(40)')
      .addColumn('index_bits', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
      .addColumn('created_by', 'varchar(36)', (c) => c.references('people.id'))
      .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
      .addColumn('updated_by', 'varchar(36)', (c) => c.references('people.id'))
      .execute();

    await db.schema
      .createTable('vault_schemas')
      .addColumn('file_id', 'varchar(36)', (c) => c.notNull().references('vault_files.file_id'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('definition', 'text', (c) => c.notNull())
      .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
      .addColumn('created_by', 'varchar(36)', (c) => c.references('people.id'))
      .addPrimaryKeyConstraint('vault_schemas_pk', ['file_id', 'version'])
      .execute();

    await db.schema
      .createTable('vault_records')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('file_id', 'varchar(36)', (c) => c.notNull().references('vault_files.file_id'))
      .addColumn('unit_id', 'varchar(36)', (c) => c.references('units.id'))
      .addColumn('scope_tag', 'varchar(64)')
      .addColumn('schema_version', 'integer', (c) => c.notNull())
      .addColumn('status', 'varchar(10)', (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('key_wrapped', 'text')
      .addColumn('key_version', 'integer', (c) => c.notNull())
      .addColumn('sealed_normal', 'text')
      .addColumn('sealed_sensitive', 'text')
      .addColumn('sealed_my_number', 'text')
      .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
      .addColumn('created_by', 'varchar(36)', (c) => c.references('people.id'))
      .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
      .addColumn('updated_by', 'varchar(36)', (c) => c.references('people.id'))
      .execute();
    await db.schema
      .createIndex('vault_records_file')
      .on('vault_records')
      .columns(['file_id', 'status', 'id'])
      .execute();

    await db.schema
      .createTable('vault_index')
      .addColumn('file_id', 'varchar(36)', (c) => c.notNull())
      .addColumn('field', 'varchar(48)', (c) => c.notNull())
      .addColumn('value', 'integer', (c) => c.notNull())
      .addColumn('record_id', 'varchar(36)', (c) => c.notNull().references('vault_records.id'))
      .addPrimaryKeyConstraint('vault_index_pk', ['file_id', 'field', 'value', 'record_id'])
      .execute();
    await db.schema.createIndex('vault_index_record').on('vault_index').columns(['record_id']).execute();

    await db.schema
      .createTable('vault_grants')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('file_id', 'varchar(36)', (c) => c.notNull().references('vault_files.file_id'))
      .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('people.id'))
      .addColumn('permissions', 'text', (c) => c.notNull())
      .addColumn('fields', 'text')
      .addColumn('scope', 'text')
      .addColumn('valid_from', 'varchar(10)', (c) => c.notNull())
      .addColumn('valid_until', 'varchar(10)', (c) => c.notNull())
      .addColumn('reason', 'varchar(1000)', (c) => c.notNull())
      .addColumn('granted_at', 'varchar(30)', (c) => c.notNull())
      .addColumn('granted_by', 'varchar(36)', (c) => c.references('people.id'))
      .addColumn('review_due', 'varchar(10)', (c) => c.notNull())
      .addColumn('reviewed_at', 'varchar(30)')
      .addColumn('reviewed_by', 'varchar(36)', (c) => c.references('people.id'))
      .addColumn('revoked_at', 'varchar(30)')
      .addColumn('revoked_by', 'varchar(36)', (c) => c.references('people.id'))
      .addColumn('revoke_reason', 'varchar(1000)')
      .execute();
    await db.schema.createIndex('vault_grants_person').on('vault_grants').columns(['person_id']).execute();
    await db.schema.createIndex('vault_grants_file').on('vault_grants').columns(['file_id']).execute();

    await db.schema
      .createTable('vault_changes')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('file_id', 'varchar(36)', (c) => c.notNull().references('vault_files.file_id'))
      .addColumn('record_id', 'varchar(36)', (c) => c.notNull().references('vault_records.id'))
      .addColumn('kind', 'varchar(10)', (c) => c.notNull())
      .addColumn('status', 'varchar(10)', (c) => c.notNull())
      .addColumn('base_revision', 'integer', (c) => c.notNull())
      .addColumn('schema_version', 'integer', (c) => c.notNull())
      .addColumn('fields', 'text', (c) => c.notNull())
      .addColumn('sealed_normal', 'text')
      .addColumn('sealed_sensitive', 'text')
      .addColumn('sealed_my_number', 'text')
      .addColumn('made_at', 'varchar(30)', (c) => c.notNull())
      .addColumn('made_by', 'varchar(36)', (c) => c.references('people.id'))
      .addColumn('checked_at', 'varchar(30)')
      .addColumn('checked_by', 'varchar(36)', (c) => c.references('people.id'))
      .addColumn('reason', 'varchar(1000)')
      .execute();
    await db.schema
      .createIndex('vault_changes_file')
      .on('vault_changes')
      .columns(['file_id', 'status'])
      .execute();

    await db.schema
      .createTable('vault_imports')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('file_id', 'varchar(36)', (c) => c.notNull().references('vault_files.file_id'))
      .addColumn('status', 'varchar(12)', (c) => c.notNull())
      .addColumn('digest', 'varchar(64)', (c) => c.notNull())
      .addColumn('total', 'integer', (c) => c.notNull())
      .addColumn('imported', 'integer', (c) => c.notNull())
      .addColumn('problems', 'text')
      .addColumn('started_at', 'varchar(30)', (c) => c.notNull())
      .addColumn('started_by', 'varchar(36)', (c) => c.references('people.id'))
      .addColumn('finished_at', 'varchar(30)')
      .execute();
  },
  async down(db: Kysely<unknown>) {
    for (const t of [
      'vault_imports',
      'vault_changes',
      'vault_grants',
      'vault_index',
      'vault_records',
      'vault_schemas',
      'vault_files',
    ])
      await db.schema.dropTable(t).execute();
  },
};
