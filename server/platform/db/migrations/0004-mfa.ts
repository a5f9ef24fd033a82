import type { Kysely, Migration } from 'kysely';

/**
 * Second factors at sign-in (A21): TOTP seeds (sealed), recovery codes (hashed), WebAuthn
 * credentials, and pending sign-in challenges (hashed tokens). Never edit once landed.
 */
export const m0004: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('mfa_totp')
      .addColumn('person_id', 'varchar(36)', (c) => c.primaryKey().references('people.id'))
      .addColumn('secret_sealed', 'text', (c) => c.notNull())
      .addColumn('confirmed_at', 'varchar(30)')
      .addColumn('last_step', 'bigint')
      .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
      .addColumn('last_used_at', 'varchar(30)')
      .execute();
    await db.schema
      .createTable('mfa_recovery_codes')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('people.id'))
      .addColumn('code_hash', 'varchar(64)', (c) => c.notNull())
      .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
      .addColumn('used_at', 'varchar(30)')
      .execute();
    await db.schema
      .createIndex('mfa_recovery_codes_person')
      .on('mfa_recovery_codes')
      .column('person_id')
      .execute();
    await db.schema
      .createTable('mfa_webauthn_credentials')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('people.id'))
      .addColumn('credential_id', 'varchar(1400)', (c) => c.notNull().unique())
      .addColumn('public_key', 'text', (c) => c.notNull())
      .addColumn('counter', 'bigint', (c) => c.notNull())
      .addColumn('transports', 'varchar(200)', (c) => c.notNull())
      .addColumn('name', 'varchar(100)', (c) => c.notNull())
      .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
      .addColumn('last_used_at', 'varchar(30)')
      .execute();
    await db.schema
      .createIndex('mfa_webauthn_person')
      .on('mfa_webauthn_credentials')
      .column('person_id')
      .execute();
    await db.schema
      .createTable('mfa_challenges')
      .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('people.id'))
      .addColumn('method', 'varchar(20)', (c) => c.notNull())
      .addColumn('enrolment_required', 'integer', (c) => c.notNull())
      .addColumn('webauthn_challenge', 'varchar(200)')
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
      .addColumn('expires_at', 'varchar(30)', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('mfa_challenges').execute();
    await db.schema.dropTable('mfa_webauthn_credentials').execute();
    await db.schema.dropTable('mfa_recovery_codes').execute();
    await db.schema.dropTable('mfa_totp').execute();
  },
};
