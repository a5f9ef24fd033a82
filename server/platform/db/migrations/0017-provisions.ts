import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely, Migration } from 'kysely';

type Columns = (t: CreateTableBuilder<string, never>) => CreateTableBuilder<string, never>;
/** A column naming a person of the organisation. */
const person = (c: ColumnDefinitionBuilder) => c.references('people.id');
const instant = 'varchar(30)';
const day = 'varchar(10)';
const id = 'varchar(36)';

/**
 * Provision to third parties (issue 9; A17-2, A17の2, A18): the provision with its recipient (a
 * registered party), ground, the recipient's purpose, legal basis, record range and form of use, the
 * written agreement and its document (A18-1), the safety measures and their confirmation (A18-2/3);
 * the files and items provided; checks and improvement requests (A18-2); acts of provision. Never
 * edit once landed.
 */
export const m0017: Migration = {
  async up(db: Kysely<unknown>) {
    const table = async (name: string, columns: Columns) => {
      await columns(db.schema.createTable(name)).execute();
    };
    await table('provisions', (t) =>
      t
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('number', 'varchar(20)', (c) => c.notNull().unique())
        .addColumn('unit_id', id, (c) => c.notNull().references('units.id'))
        .addColumn('section_id', id, (c) => c.notNull().references('sections.id'))
        .addColumn('party_id', id, (c) => c.notNull().references('provision_parties.id'))
        .addColumn('ground', 'varchar(30)', (c) => c.notNull())
        .addColumn('law_name', 'varchar(300)', (c) => c.notNull())
        .addColumn('harm_statement', 'varchar(2000)', (c) => c.notNull())
        .addColumn('recipient_purpose', 'varchar(1000)', (c) => c.notNull())
        .addColumn('legal_basis', 'varchar(500)', (c) => c.notNull())
        .addColumn('record_range', 'varchar(500)', (c) => c.notNull())
        .addColumn('use_form', 'varchar(20)', (c) => c.notNull())
        .addColumn('frequency', 'varchar(10)', (c) => c.notNull())
        .addColumn('starts_on', day, (c) => c.notNull())
        .addColumn('ends_on', day)
        .addColumn('measures_deemed_necessary', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('measures_reason', 'varchar(1000)', (c) => c.notNull())
        .addColumn('next_check_due', day)
        .addColumn('status', 'varchar(10)', (c) => c.notNull())
        .addColumn('approval_id', id)
        .addColumn('agreement', 'text')
        .addColumn('agreement_document_name', 'varchar(300)')
        .addColumn('agreement_document_key', 'varchar(100)')
        .addColumn('agreement_document_type', 'varchar(100)')
        .addColumn('agreement_document_sha256', 'varchar(64)')
        .addColumn('measures', 'text', (c) => c.notNull())
        .addColumn('closed_reason', 'varchar(1000)')
        .addColumn('closed_at', instant)
        .addColumn('created_by', id, (c) => person(c).notNull())
        .addColumn('created_at', instant, (c) => c.notNull())
        .addColumn('updated_at', instant, (c) => c.notNull()),
    );
    await db.schema
      .createIndex('provisions_section')
      .on('provisions')
      .columns(['section_id', 'status'])
      .execute();
    await db.schema.createIndex('provisions_party').on('provisions').columns(['party_id']).execute();
    await db.schema.createIndex('provisions_approval').on('provisions').columns(['approval_id']).execute();

    await table('provision_files', (t) =>
      t
        .addColumn('provision_id', id, (c) => c.notNull().references('provisions.id'))
        .addColumn('file_id', id, (c) => c.notNull())
        .addColumn('items', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('provision_files_pk', ['provision_id', 'file_id']),
    );
    await db.schema.createIndex('provision_files_file').on('provision_files').columns(['file_id']).execute();

    await table('provision_checks', (t) =>
      t
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('provision_id', id, (c) => c.notNull().references('provisions.id'))
        .addColumn('kind', 'varchar(20)', (c) => c.notNull())
        .addColumn('timing', 'varchar(10)', (c) => c.notNull())
        .addColumn('checked_on', day, (c) => c.notNull())
        .addColumn('findings', 'varchar(4000)', (c) => c.notNull())
        .addColumn('result', 'varchar(30)', (c) => c.notNull())
        .addColumn('recorded_by', id, (c) => person(c).notNull())
        .addColumn('recorded_at', instant, (c) => c.notNull()),
    );
    await db.schema
      .createIndex('provision_checks_provision')
      .on('provision_checks')
      .columns(['provision_id'])
      .execute();

    await table('provision_improvements', (t) =>
      t
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('provision_id', id, (c) => c.notNull().references('provisions.id'))
        .addColumn('check_id', id, (c) => c.references('provision_checks.id'))
        .addColumn('request', 'varchar(2000)', (c) => c.notNull())
        .addColumn('due_on', day, (c) => c.notNull())
        .addColumn('done_on', day)
        .addColumn('note', 'varchar(2000)', (c) => c.notNull())
        .addColumn('recorded_by', id, (c) => person(c).notNull())
        .addColumn('recorded_at', instant, (c) => c.notNull())
        .addColumn('done_by', id, person),
    );
    await db.schema
      .createIndex('provision_improvements_provision')
      .on('provision_improvements')
      .columns(['provision_id'])
      .execute();

    await table('provision_acts', (t) =>
      t
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('provision_id', id, (c) => c.notNull().references('provisions.id'))
        .addColumn('file_id', id, (c) => c.notNull())
        .addColumn('provided_on', day, (c) => c.notNull())
        .addColumn('records', 'integer', (c) => c.notNull())
        .addColumn('means', 'varchar(20)', (c) => c.notNull())
        .addColumn('note', 'varchar(1000)', (c) => c.notNull())
        .addColumn('recorded_by', id, (c) => person(c).notNull())
        .addColumn('recorded_at', instant, (c) => c.notNull()),
    );
    await db.schema
      .createIndex('provision_acts_provision')
      .on('provision_acts')
      .columns(['provision_id'])
      .execute();
  },
};
