import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Password policy with its review (A21-2), password history and the sign-in throttle per submitted
 * identifier. Existing passwords get a history row dated by their credential, so that a maximum age
 * turned on later has a starting point. Never edit once landed.
 */
export const m0003: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('password_policy')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('min_length', 'integer', (c) => c.notNull())
      .addColumn('max_length', 'integer', (c) => c.notNull())
      .addColumn('required_classes', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('max_age_days', 'integer')
      .addColumn('history_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_review_on', 'varchar(10)', (c) => c.notNull())
      .addColumn('reviewed_at', 'varchar(30)')
      .addColumn('reviewed_by', 'varchar(36)')
      .addColumn('review_note', 'varchar(500)')
      .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
      .addColumn('updated_by', 'varchar(36)')
      .execute();

    await db.schema
      .createTable('password_history')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('people.id'))
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('password_hash', 'varchar(200)', (c) => c.notNull())
      .addColumn('set_at', 'varchar(30)', (c) => c.notNull())
      .addColumn('must_change', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('set_by', 'varchar(36)')
      .execute();
    await db.schema
      .createIndex('password_history_person')
      .on('password_history')
      .columns(['person_id', 'seq'])
      .unique()
      .execute();
    await sql`insert into password_history (id, person_id, seq, password_hash, set_at, must_change, set_by)
      select person_id, person_id, 1, password_hash, updated_at, 0, null from credentials`.execute(db);

    await db.schema
      .createTable('sign_in_throttle')
      .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('failures', 'integer', (c) => c.notNull())
      .addColumn('last_failure_at', 'varchar(30)', (c) => c.notNull())
      .addColumn('next_attempt_at', 'varchar(30)')
      .addColumn('locked_until', 'varchar(30)')
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('sign_in_throttle').execute();
    await db.schema.dropTable('password_history').execute();
    await db.schema.dropTable('password_policy').execute();
  },
};
