import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely, Migration } from 'kysely';

type Columns = (t: CreateTableBuilder<string, never>) => CreateTableBuilder<string, never>;
/** A column naming a person of the organisation. */
const person = (c: ColumnDefinitionBuilder) => c.references('people.id');
const instant = 'varchar(30)';
const day = 'varchar(10)';
const id = 'varchar(36)';

/**
 * Audits (issue 10; A36): plans, checklist items from the articles in scope, evidence, findings and
 * corrective actions, reports and their delivery. Never edit once landed.
 */
export const m0019: Migration = {
  async up(db: Kysely<unknown>) {
    const table = async (name: string, columns: Columns) => {
      await columns(db.schema.createTable(name)).execute();
    };
    await table('audits', (t) =>
      t
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('number', 'varchar(20)', (c) => c.notNull().unique())
        .addColumn('title', 'varchar(200)', (c) => c.notNull())
        .addColumn('kind', 'varchar(12)', (c) => c.notNull())
        .addColumn('external', 'text')
        .addColumn('unit_ids', 'text')
        .addColumn('articles', 'text', (c) => c.notNull())
        .addColumn('period_from', day, (c) => c.notNull())
        .addColumn('period_to', day, (c) => c.notNull())
        .addColumn('planned_start', day, (c) => c.notNull())
        .addColumn('planned_end', day, (c) => c.notNull())
        .addColumn('note', 'varchar(2000)')
        .addColumn('status', 'varchar(12)', (c) => c.notNull())
        .addColumn('created_at', instant, (c) => c.notNull())
        .addColumn('created_by', id, (c) => person(c).notNull())
        .addColumn('started_at', instant)
        .addColumn('reported_at', instant)
        .addColumn('reported_by', id, person)
        .addColumn('closed_at', instant)
        .addColumn('updated_at', instant, (c) => c.notNull()),
    );
    await db.schema.createIndex('audits_status').on('audits').columns(['status']).execute();

    await table('audit_items', (t) =>
      t
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('audit_id', id, (c) => c.notNull().references('audits.id'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('feature_id', 'varchar(20)', (c) => c.notNull())
        .addColumn('article', 'integer', (c) => c.notNull())
        .addColumn('answer', 'varchar(20)')
        .addColumn('note', 'varchar(4000)')
        .addColumn('answered_at', instant)
        .addColumn('answered_by', id, person)
        .addUniqueConstraint('audit_items_feature', ['audit_id', 'feature_id']),
    );

    await table('audit_evidence', (t) =>
      t
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('audit_id', id, (c) => c.notNull().references('audits.id'))
        .addColumn('item_id', id, (c) => c.notNull().references('audit_items.id'))
        .addColumn('kind', 'varchar(30)', (c) => c.notNull())
        .addColumn('ref', 'varchar(100)', (c) => c.notNull())
        .addColumn('label', 'varchar(300)', (c) => c.notNull())
        .addColumn('path', 'varchar(300)', (c) => c.notNull())
        .addColumn('at', instant, (c) => c.notNull())
        .addColumn('unit_id', id)
        .addColumn('linked_at', instant, (c) => c.notNull())
        .addColumn('linked_by', id, (c) => person(c).notNull())
        .addUniqueConstraint('audit_evidence_once', ['item_id', 'kind', 'ref']),
    );
    await db.schema.createIndex('audit_evidence_audit').on('audit_evidence').columns(['audit_id']).execute();

    await table('audit_documents', (t) =>
      t
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('audit_id', id, (c) => c.notNull().references('audits.id'))
        .addColumn('item_id', id, (c) => c.notNull().references('audit_items.id'))
        .addColumn('file_name', 'varchar(200)', (c) => c.notNull())
        .addColumn('content_type', 'varchar(50)', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
        .addColumn('stored_name', 'varchar(64)', (c) => c.notNull())
        .addColumn('uploaded_at', instant, (c) => c.notNull())
        .addColumn('uploaded_by', id, (c) => person(c).notNull()),
    );
    await db.schema
      .createIndex('audit_documents_audit')
      .on('audit_documents')
      .columns(['audit_id'])
      .execute();

    await table('audit_findings', (t) =>
      t
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('audit_id', id, (c) => c.notNull().references('audits.id'))
        .addColumn('item_id', id, (c) => c.references('audit_items.id'))
        .addColumn('severity', 'varchar(10)', (c) => c.notNull())
        .addColumn('description', 'varchar(4000)', (c) => c.notNull())
        .addColumn('action', 'varchar(4000)', (c) => c.notNull())
        .addColumn('owner_id', id, (c) => person(c).notNull())
        .addColumn('due', day, (c) => c.notNull())
        .addColumn('status', 'varchar(10)', (c) => c.notNull())
        .addColumn('created_at', instant, (c) => c.notNull())
        .addColumn('created_by', id, (c) => person(c).notNull())
        .addColumn('done_at', instant)
        .addColumn('done_by', id, person)
        .addColumn('confirmed_at', instant)
        .addColumn('confirmed_by', id, person)
        // A36: the owner is told once when the due date has passed.
        .addColumn('overdue_notified_on', day),
    );
    await db.schema.createIndex('audit_findings_audit').on('audit_findings').columns(['audit_id']).execute();
    await db.schema.createIndex('audit_findings_owner').on('audit_findings').columns(['owner_id']).execute();

    await table('audit_finding_progress', (t) =>
      t
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('finding_id', id, (c) => c.notNull().references('audit_findings.id'))
        .addColumn('at', instant, (c) => c.notNull())
        .addColumn('by_id', id, (c) => person(c).notNull())
        .addColumn('note', 'varchar(2000)', (c) => c.notNull()),
    );
    await db.schema
      .createIndex('audit_finding_progress_finding')
      .on('audit_finding_progress')
      .columns(['finding_id'])
      .execute();

    await table('audit_deliveries', (t) =>
      t
        .addColumn('audit_id', id, (c) => c.notNull().references('audits.id'))
        .addColumn('unit_id', id, (c) => c.notNull().references('units.id'))
        .addColumn('person_id', id, (c) => person(c).notNull())
        .addColumn('delivered_at', instant, (c) => c.notNull())
        .addColumn('acknowledged_at', instant)
        .addPrimaryKeyConstraint('audit_deliveries_pk', ['audit_id', 'unit_id', 'person_id']),
    );
  },
};
