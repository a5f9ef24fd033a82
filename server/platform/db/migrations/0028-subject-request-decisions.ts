import type { Kysely, Migration } from 'kysely';

const instant = 'varchar(30)';
const id = 'varchar(36)';

/**
 * Individuals' requests (issue 12) — the decision part: each submission of a decision on a
 * disclosure request (法78, 法81, 法82) with its approval, and the items withheld from it with their
 * ground (不開示情報, 法78-1 各号). Ids, codes and organisational reasons only: the withheld values
 * stay sealed in the vault. Never edit once landed.
 */
export const m0028: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('subject_request_decisions')
      .addColumn('id', id, (c) => c.primaryKey())
      .addColumn('request_id', id, (c) => c.notNull().references('subject_requests.id'))
      .addColumn('approval_id', id, (c) => c.notNull().unique())
      .addColumn('decision', 'varchar(20)', (c) => c.notNull())
      .addColumn('reason', 'text')
      .addColumn('method_late_reason', 'text')
      .addColumn('submitted_by', id, (c) => c.notNull().references('people.id'))
      .addColumn('submitted_at', instant, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('subject_request_decisions_request')
      .on('subject_request_decisions')
      .columns(['request_id'])
      .execute();
    await db.schema
      .createTable('subject_request_withheld')
      .addColumn('id', id, (c) => c.primaryKey())
      .addColumn('request_id', id, (c) => c.notNull().references('subject_requests.id'))
      .addColumn('match_id', id, (c) => c.notNull().references('subject_request_matches.id'))
      .addColumn('file_id', id, (c) => c.notNull())
      .addColumn('record_id', id, (c) => c.notNull())
      .addColumn('field_key', 'varchar(40)')
      .addColumn('ground', 'varchar(20)', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('created_by', id, (c) => c.notNull().references('people.id'))
      .addColumn('created_at', instant, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('subject_request_withheld_request')
      .on('subject_request_withheld')
      .columns(['request_id'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('subject_request_withheld').execute();
    await db.schema.dropTable('subject_request_decisions').execute();
  },
};
