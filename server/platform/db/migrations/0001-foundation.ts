import type { Kysely, Migration } from 'kysely';
import { serialKey } from '../dialect.ts';

/** Organisation (A3–A9), sign-in, preferences, the ledger and settings. Never edit once landed. */
export const m0001: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('units')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('code', 'varchar(32)', (c) => c.notNull().unique())
      .addColumn('name', 'varchar(200)', (c) => c.notNull())
      .addColumn('short_name', 'varchar(100)', (c) => c.notNull())
      .addColumn('kind', 'varchar(20)', (c) => c.notNull())
      .addColumn('address', 'varchar(300)')
      .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('sections')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('unit_id', 'varchar(36)', (c) => c.notNull().references('units.id'))
      .addColumn('parent_id', 'varchar(36)', (c) => c.references('sections.id'))
      .addColumn('name', 'varchar(200)', (c) => c.notNull())
      .addColumn('handles_personal_info', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('handles_my_number', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
      .addUniqueConstraint('sections_unit_name', ['unit_id', 'name'])
      .execute();
    await db.schema.createIndex('sections_unit').on('sections').column('unit_id').execute();

    await db.schema
      .createTable('people')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('employee_number', 'varchar(32)', (c) => c.notNull().unique())
      .addColumn('family_name', 'varchar(100)', (c) => c.notNull())
      .addColumn('given_name', 'varchar(100)', (c) => c.notNull())
      .addColumn('family_name_kana', 'varchar(100)', (c) => c.notNull())
      .addColumn('given_name_kana', 'varchar(100)', (c) => c.notNull())
      .addColumn('email', 'varchar(254)')
      .addColumn('kind', 'varchar(20)', (c) => c.notNull())
      .addColumn('title', 'varchar(100)')
      .addColumn('unit_id', 'varchar(36)', (c) => c.notNull().references('units.id'))
      .addColumn('section_id', 'varchar(36)', (c) => c.references('sections.id'))
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
      .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('people_unit').on('people').columns(['unit_id', 'section_id']).execute();

    await db.schema
      .createTable('appointments')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('role', 'varchar(40)', (c) => c.notNull())
      .addColumn('scope_kind', 'varchar(20)', (c) => c.notNull())
      .addColumn('unit_id', 'varchar(36)', (c) => c.references('units.id'))
      .addColumn('section_id', 'varchar(36)', (c) => c.references('sections.id'))
      .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('people.id'))
      .addColumn('appointed_by', 'varchar(36)', (c) => c.references('people.id'))
      .addColumn('basis', 'varchar(500)', (c) => c.notNull())
      .addColumn('duties', 'varchar(500)')
      .addColumn('handling_range', 'varchar(500)')
      .addColumn('starts_on', 'varchar(10)', (c) => c.notNull())
      .addColumn('ends_on', 'varchar(10)')
      .addColumn('terminated_on', 'varchar(10)')
      .addColumn('terminated_by', 'varchar(36)', (c) => c.references('people.id'))
      .addColumn('termination_reason', 'varchar(500)')
      .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('appointments_role_scope')
      .on('appointments')
      .columns(['role', 'unit_id', 'section_id'])
      .execute();
    await db.schema.createIndex('appointments_person').on('appointments').column('person_id').execute();

    await db.schema
      .createTable('credentials')
      .addColumn('person_id', 'varchar(36)', (c) => c.primaryKey().references('people.id'))
      .addColumn('password_hash', 'varchar(200)', (c) => c.notNull())
      .addColumn('failed_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('locked_until', 'varchar(30)')
      .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('sessions')
      .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('people.id'))
      .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
      .addColumn('last_seen_at', 'varchar(30)', (c) => c.notNull())
      .addColumn('expires_at', 'varchar(30)', (c) => c.notNull())
      .addColumn('ip', 'varchar(64)')
      .addColumn('user_agent', 'varchar(300)')
      .addColumn('ended_at', 'varchar(30)')
      .execute();

    await db.schema
      .createTable('preferences')
      .addColumn('person_id', 'varchar(36)', (c) => c.primaryKey().references('people.id'))
      .addColumn('locale', 'varchar(5)', (c) => c.notNull())
      .addColumn('calendar', 'varchar(10)', (c) => c.notNull())
      .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('ledger_entries')
      .addColumn('seq', ...serialKey(db))
      .addColumn('id', 'varchar(36)', (c) => c.notNull().unique())
      .addColumn('kind', 'varchar(10)', (c) => c.notNull())
      .addColumn('type', 'varchar(80)', (c) => c.notNull())
      .addColumn('occurred_at', 'varchar(30)', (c) => c.notNull())
      .addColumn('actor_id', 'varchar(36)')
      .addColumn('actor_label', 'varchar(100)', (c) => c.notNull())
      .addColumn('request_id', 'varchar(64)')
      .addColumn('ip', 'varchar(64)')
      .addColumn('subject_type', 'varchar(40)')
      .addColumn('subject_id', 'varchar(36)')
      .addColumn('payload', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('ledger_subject')
      .on('ledger_entries')
      .columns(['subject_type', 'subject_id'])
      .execute();

    await db.schema
      .createTable('settings')
      .addColumn('key', 'varchar(100)', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
      .execute();
  },
};
