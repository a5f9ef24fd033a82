import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely, Migration } from 'kysely';

type Columns = (t: CreateTableBuilder<string, never>) => CreateTableBuilder<string, never>;
/** A column naming a person of the organisation. */
const person = (c: ColumnDefinitionBuilder) => c.references('people.id');
const instant = 'varchar(30)';
const day = 'varchar(10)';
const id = 'varchar(36)';

/**
 * Third parties (issue 9; rule 65 A17–A19): the register of outside parties — recipients of
 * provisions (A18) and contractors (A19) — with their business contacts and, for contractors, the
 * management structure and the capability checks (A19-1: 委託先の能力の確認) with their evidence
 * documents (kept under DATA_DIR/provision, checked by SHA-256). Contracts (0016) and provisions
 * (0017) reference provision_parties.id. Never edit once landed.
 */
export const m0015: Migration = {
  async up(db: Kysely<unknown>) {
    const table = async (name: string, columns: Columns) => {
      await columns(db.schema.createTable(name)).execute();
    };
    await table('provision_parties', (t) =>
      t
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('kind', 'varchar(30)', (c) => c.notNull())
        .addColumn('name', 'varchar(200)', (c) => c.notNull())
        .addColumn('address', 'varchar(500)')
        // 法人番号: unique when given (NULLs do not collide on either database).
        .addColumn('corporate_number', 'varchar(13)', (c) => c.unique())
        .addColumn('contacts', 'text', (c) => c.notNull())
        .addColumn('contractor', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('management_structure', 'varchar(4000)')
        .addColumn('notes', 'varchar(4000)')
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', instant, (c) => c.notNull())
        .addColumn('created_by', id, (c) => person(c).notNull())
        .addColumn('updated_at', instant, (c) => c.notNull())
        .addColumn('updated_by', id, (c) => person(c).notNull()),
    );
    await db.schema
      .createIndex('provision_parties_kind')
      .on('provision_parties')
      .columns(['active', 'kind'])
      .execute();

    await table('provision_party_checks', (t) =>
      t
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('party_id', id, (c) => c.notNull().references('provision_parties.id'))
        .addColumn('checked_on', day, (c) => c.notNull())
        .addColumn('method', 'varchar(20)', (c) => c.notNull())
        .addColumn('certification', 'varchar(200)')
        .addColumn('findings', 'varchar(4000)', (c) => c.notNull())
        .addColumn('result', 'varchar(20)', (c) => c.notNull())
        .addColumn('next_due_on', day, (c) => c.notNull())
        .addColumn('checked_by', id, (c) => person(c).notNull())
        .addColumn('recorded_at', instant, (c) => c.notNull()),
    );
    await db.schema
      .createIndex('provision_party_checks_party')
      .on('provision_party_checks')
      .columns(['party_id', 'checked_on'])
      .execute();

    await table('provision_party_documents', (t) =>
      t
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('party_id', id, (c) => c.notNull().references('provision_parties.id'))
        .addColumn('check_id', id, (c) => c.notNull().references('provision_party_checks.id'))
        .addColumn('file_name', 'varchar(255)', (c) => c.notNull())
        .addColumn('content_type', 'varchar(100)', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
        .addColumn('stored_name', 'varchar(100)', (c) => c.notNull().unique())
        .addColumn('uploaded_at', instant, (c) => c.notNull())
        .addColumn('uploaded_by', id, (c) => person(c).notNull()),
    );
    await db.schema
      .createIndex('provision_party_documents_check')
      .on('provision_party_documents')
      .columns(['check_id'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    for (const name of ['provision_party_documents', 'provision_party_checks', 'provision_parties'])
      await db.schema.dropTable(name).execute();
  },
};
