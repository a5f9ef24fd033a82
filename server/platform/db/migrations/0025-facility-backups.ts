import type { ColumnDefinitionBuilder, Kysely, Migration } from 'kysely';

const person = (c: ColumnDefinitionBuilder) => c.references('people.id');
const instant = 'varchar(30)';
const id = 'varchar(36)';

/**
 * Facilities (issue 11): backups and restore tests (A27). Every backup run is recorded with its
 * file name, size, SHA-256, dialect and each destination's outcome; every restore test with what it
 * restored and whether the counts matched and the log verified. No secrets and no personal data:
 * locations, codes and numbers only. Never edit once landed.
 */
export const m0025: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('facility_backup_runs')
      .addColumn('id', id, (c) => c.primaryKey())
      .addColumn('trigger', 'varchar(10)', (c) => c.notNull())
      .addColumn('status', 'varchar(15)', (c) => c.notNull())
      .addColumn('started_at', instant, (c) => c.notNull())
      .addColumn('finished_at', instant)
      .addColumn('started_by', id, person)
      .addColumn('file_name', 'varchar(200)')
      .addColumn('bytes', 'bigint')
      .addColumn('sha256', 'varchar(64)')
      .addColumn('dialect', 'varchar(10)')
      .addColumn('destinations', 'text', (c) => c.notNull())
      .addColumn('pruned', 'text', (c) => c.notNull())
      .addColumn('counts', 'text')
      .addColumn('checkpoint', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('error', 'varchar(100)')
      .addColumn('duration_ms', 'integer')
      .execute();
    await db.schema
      .createIndex('facility_backup_runs_started')
      .on('facility_backup_runs')
      .columns(['started_at'])
      .execute();
    await db.schema
      .createIndex('facility_backup_runs_status')
      .on('facility_backup_runs')
      .columns(['status', 'started_at'])
      .execute();

    await db.schema
      .createTable('facility_restore_tests')
      .addColumn('id', id, (c) => c.primaryKey())
      .addColumn('trigger', 'varchar(10)', (c) => c.notNull())
      .addColumn('status', 'varchar(15)', (c) => c.notNull())
      .addColumn('started_at', instant, (c) => c.notNull())
      .addColumn('finished_at', instant)
      .addColumn('started_by', id, person)
      .addColumn('run_id', id, (c) => c.references('facility_backup_runs.id'))
      .addColumn('file_name', 'varchar(200)')
      .addColumn('source', 'varchar(1000)')
      .addColumn('dialect', 'varchar(10)')
      .addColumn('counts_match', 'integer')
      .addColumn('log_verified', 'integer')
      .addColumn('problems', 'text', (c) => c.notNull())
      .addColumn('duration_ms', 'integer')
      .execute();
    await db.schema
      .createIndex('facility_restore_tests_started')
      .on('facility_restore_tests')
      .columns(['status', 'started_at'])
      .execute();
  },
};
