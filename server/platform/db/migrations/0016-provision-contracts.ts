import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely, Migration } from 'kysely';

type Columns = (t: CreateTableBuilder<string, never>) => CreateTableBuilder<string, never>;
/** A column naming a person of the organisation. */
const person = (c: ColumnDefinitionBuilder) => c.references('people.id');
const instant = 'varchar(30)';
const day = 'varchar(10)';
const id = 'varchar(36)';

/**
 * Outsourcing contracts (issue 9; rule 65 A19): the contract with its work, files, period and kind
 * (委託 / 派遣), the checklist of A19-1's six clauses, subcontracts with their permission (A19-3),
 * inspections with improvement requests and My Number supervision records (A19-1, A19-4), the
 * uploaded documents (DATA_DIR/provision/contracts) and the erasure or return confirmation
 * (A19-1(5)). Contractors are provision_parties (0015). Never edit once landed.
 */
export const m0016: Migration = {
  async up(db: Kysely<unknown>) {
    const table = async (name: string, columns: Columns) => {
      await columns(db.schema.createTable(name)).execute();
    };
    const index = (name: string, on: string, columns: string[]) =>
      db.schema.createIndex(name).on(on).columns(columns).execute();

    await table('provision_contracts', (t) =>
      t
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('number', 'varchar(20)', (c) => c.notNull().unique())
        .addColumn('unit_id', id, (c) => c.notNull().references('units.id'))
        .addColumn('section_id', id, (c) => c.notNull().references('sections.id'))
        .addColumn('party_id', id, (c) => c.notNull().references('provision_parties.id'))
        .addColumn('title', 'varchar(200)', (c) => c.notNull())
        .addColumn('work', 'varchar(4000)', (c) => c.notNull())
        .addColumn('reference', 'varchar(100)')
        .addColumn('kind', 'varchar(20)', (c) => c.notNull())
        .addColumn('file_ids', 'text', (c) => c.notNull())
        .addColumn('my_number', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('starts_on', day, (c) => c.notNull())
        .addColumn('ends_on', day, (c) => c.notNull())
        .addColumn('supervision_plan', 'varchar(8000)')
        .addColumn('status', 'varchar(10)', (c) => c.notNull())
        .addColumn('exception_request_id', id)
        .addColumn('created_at', instant, (c) => c.notNull())
        .addColumn('created_by', id, (c) => person(c).notNull())
        .addColumn('updated_at', instant, (c) => c.notNull())
        .addColumn('updated_by', id, (c) => person(c).notNull())
        .addColumn('activated_at', instant)
        .addColumn('activated_by', id, person)
        .addColumn('ended_at', instant)
        .addColumn('ended_by', id, person)
        .addColumn('end_note', 'varchar(2000)')
        .addColumn('erasure_on', day)
        .addColumn('erasure_method', 'varchar(30)')
        .addColumn('erasure_evidence', 'varchar(4000)')
        .addColumn('erasure_at', instant)
        .addColumn('erasure_by', id, person)
        .addColumn('closed_at', instant)
        .addColumn('closed_by', id, person),
    );
    await index('provision_contracts_status', 'provision_contracts', ['status', 'unit_id']);
    await index('provision_contracts_section', 'provision_contracts', ['section_id']);
    await index('provision_contracts_party', 'provision_contracts', ['party_id']);

    await table('provision_contract_clauses', (t) =>
      t
        .addColumn('contract_id', id, (c) => c.notNull().references('provision_contracts.id'))
        .addColumn('clause', 'varchar(30)', (c) => c.notNull())
        .addColumn('present', 'integer', (c) => c.notNull())
        .addColumn('reference', 'varchar(100)')
        .addColumn('note', 'varchar(1000)')
        .addColumn('updated_at', instant, (c) => c.notNull())
        .addColumn('updated_by', id, (c) => person(c).notNull())
        .addPrimaryKeyConstraint('provision_contract_clauses_pk', ['contract_id', 'clause']),
    );

    await table('provision_subcontracts', (t) =>
      t
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('contract_id', id, (c) => c.notNull().references('provision_contracts.id'))
        .addColumn('parent_id', id, (c) => c.references('provision_subcontracts.id'))
        .addColumn('party_id', id, (c) => c.notNull().references('provision_parties.id'))
        .addColumn('work', 'varchar(4000)', (c) => c.notNull())
        .addColumn('file_ids', 'text', (c) => c.notNull())
        .addColumn('status', 'varchar(12)', (c) => c.notNull())
        .addColumn('request_id', id)
        .addColumn('requested_at', instant, (c) => c.notNull())
        .addColumn('requested_by', id, (c) => person(c).notNull())
        .addColumn('decided_at', instant)
        .addColumn('started_at', instant)
        .addColumn('started_by', id, person)
        .addColumn('ended_at', instant)
        .addColumn('ended_by', id, person),
    );
    await index('provision_subcontracts_contract', 'provision_subcontracts', ['contract_id']);
    await index('provision_subcontracts_party', 'provision_subcontracts', ['party_id']);
    await index('provision_subcontracts_request', 'provision_subcontracts', ['request_id']);

    await table('provision_contract_checks', (t) =>
      t
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('contract_id', id, (c) => c.notNull().references('provision_contracts.id'))
        .addColumn('kind', 'varchar(12)', (c) => c.notNull())
        .addColumn('checked_on', day, (c) => c.notNull())
        .addColumn('method', 'varchar(20)', (c) => c.notNull())
        .addColumn('findings', 'varchar(4000)', (c) => c.notNull())
        .addColumn('next_due_on', day)
        .addColumn('checked_by', id, (c) => person(c).notNull())
        .addColumn('recorded_at', instant, (c) => c.notNull()),
    );
    await index('provision_contract_checks_contract', 'provision_contract_checks', ['contract_id', 'kind']);

    await table('provision_contract_improvements', (t) =>
      t
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('contract_id', id, (c) => c.notNull().references('provision_contracts.id'))
        .addColumn('check_id', id, (c) => c.notNull().references('provision_contract_checks.id'))
        .addColumn('text', 'varchar(2000)', (c) => c.notNull())
        .addColumn('due_on', day)
        .addColumn('created_at', instant, (c) => c.notNull())
        .addColumn('done_at', instant)
        .addColumn('done_by', id, person)
        .addColumn('done_note', 'varchar(2000)'),
    );
    await index('provision_contract_improvements_contract', 'provision_contract_improvements', [
      'contract_id',
    ]);

    await table('provision_contract_documents', (t) =>
      t
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('contract_id', id, (c) => c.notNull().references('provision_contracts.id'))
        .addColumn('kind', 'varchar(12)', (c) => c.notNull())
        .addColumn('file_name', 'varchar(255)', (c) => c.notNull())
        .addColumn('content_type', 'varchar(100)', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
        .addColumn('stored_name', 'varchar(100)', (c) => c.notNull().unique())
        .addColumn('uploaded_at', instant, (c) => c.notNull())
        .addColumn('uploaded_by', id, (c) => person(c).notNull()),
    );
    await index('provision_contract_documents_contract', 'provision_contract_documents', [
      'contract_id',
      'kind',
    ]);
  },
};
