import type { Kysely, Migration } from 'kysely';

const instant = 'varchar(30)';
const id = 'varchar(36)';

/**
 * Individuals' requests (issue 12) — the search part: the records found in the vault for a request
 * (法76, 法77-1-2) and a handler's decision on each (confirmed as the requester's, or rejected with a
 * reason). Ids and term names only: the values that matched stay sealed in the vault. Never edit
 * once landed.
 */
export const m0027: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('subject_request_matches')
      .addColumn('id', id, (c) => c.primaryKey())
      .addColumn('request_id', id, (c) => c.notNull().references('subject_requests.id'))
      .addColumn('file_id', id, (c) => c.notNull())
      .addColumn('record_id', id, (c) => c.notNull())
      .addColumn('matched_on', 'text', (c) => c.notNull())
      .addColumn('status', 'varchar(12)', (c) => c.notNull())
      .addColumn('reason', 'text')
      .addColumn('found_at', instant, (c) => c.notNull())
      .addColumn('found_by', id, (c) => c.notNull().references('people.id'))
      .addColumn('decided_at', instant)
      .addColumn('decided_by', id, (c) => c.references('people.id'))
      .addUniqueConstraint('subject_request_matches_record', ['request_id', 'record_id'])
      .execute();
    await db.schema
      .createIndex('subject_request_matches_record_id')
      .on('subject_request_matches')
      .columns(['record_id'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('subject_request_matches').execute();
  },
};
