import type { Kysely, Migration } from 'kysely';

/**
 * Log analysis reports and findings (A22-1: analyse the access record regularly and on demand; each
 * report is reviewed and signed off). Never edit once landed.
 */
export const m0008: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('log_analysis_reports')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('scope_kind', 'varchar(10)', (c) => c.notNull())
      .addColumn('unit_id', 'varchar(36)', (c) => c.notNull().references('units.id'))
      .addColumn('section_id', 'varchar(36)', (c) => c.references('sections.id'))
      .addColumn('period_from', 'varchar(30)', (c) => c.notNull())
      .addColumn('period_to', 'varchar(30)', (c) => c.notNull())
      .addColumn('trigger', 'varchar(20)', (c) => c.notNull())
      .addColumn('requested_by', 'varchar(36)', (c) => c.references('people.id'))
      .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
      .addColumn('entry_count', 'integer', (c) => c.notNull())
      .addColumn('finding_count', 'integer', (c) => c.notNull())
      .addColumn('rules', 'text', (c) => c.notNull())
      .addColumn('signed_off_at', 'varchar(30)')
      .addColumn('signed_off_by', 'varchar(36)', (c) => c.references('people.id'))
      .addColumn('sign_off_comment', 'varchar(2000)')
      .execute();
    await db.schema
      .createIndex('log_analysis_reports_scope')
      .on('log_analysis_reports')
      .columns(['unit_id', 'section_id', 'period_from'])
      .execute();
    await db.schema
      .createIndex('log_analysis_reports_unsigned')
      .on('log_analysis_reports')
      .columns(['signed_off_at', 'created_at'])
      .execute();

    await db.schema
      .createTable('log_analysis_findings')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('report_id', 'varchar(36)', (c) => c.notNull().references('log_analysis_reports.id'))
      .addColumn('rule', 'varchar(40)', (c) => c.notNull())
      .addColumn('actor_id', 'varchar(36)')
      .addColumn('count', 'integer', (c) => c.notNull())
      .addColumn('entry_ids', 'text', (c) => c.notNull())
      .addColumn('detail', 'text', (c) => c.notNull())
      .addColumn('first_at', 'varchar(30)')
      .addColumn('last_at', 'varchar(30)')
      .addColumn('sort_order', 'integer', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('log_analysis_findings_report')
      .on('log_analysis_findings')
      .column('report_id')
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('log_analysis_findings').execute();
    await db.schema.dropTable('log_analysis_reports').execute();
  },
};
