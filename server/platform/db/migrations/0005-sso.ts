import type { Kysely, Migration } from 'kysely';

/**
 * Single sign-on (issue 3, A21): identity providers configured per unit, pending sign-ins, and the
 * eduPersonPrincipalName of people (nullable, unique; the staff import may fill it later). Never
 * edit once landed.
 */
export const m0005: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('sso_providers')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('unit_id', 'varchar(36)', (c) => c.notNull().references('units.id'))
      .addColumn('kind', 'varchar(10)', (c) => c.notNull())
      .addColumn('display_name', 'varchar(100)', (c) => c.notNull())
      .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('match_by', 'varchar(10)', (c) => c.notNull())
      .addColumn('issuer_url', 'varchar(500)')
      .addColumn('client_id', 'varchar(300)')
      .addColumn('client_secret_sealed', 'text')
      .addColumn('idp_sso_url', 'varchar(500)')
      .addColumn('idp_cert', 'text')
      .addColumn('idp_entity_id', 'varchar(500)')
      .addColumn('sp_entity_id', 'varchar(500)')
      .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
      .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('sso_providers_unit').on('sso_providers').column('unit_id').execute();

    await db.schema
      .createTable('sso_pending')
      .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('provider_id', 'varchar(36)', (c) => c.notNull().references('sso_providers.id'))
      .addColumn('secrets_sealed', 'text')
      .addColumn('next', 'varchar(2000)', (c) => c.notNull())
      .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
      .addColumn('expires_at', 'varchar(30)', (c) => c.notNull())
      .addColumn('used_at', 'varchar(30)')
      .execute();
    await db.schema.createIndex('sso_pending_expires').on('sso_pending').column('expires_at').execute();

    await db.schema.alterTable('people').addColumn('eppn', 'varchar(254)').execute();
    // NULLs never collide in a unique index, on SQLite as on PostgreSQL.
    await db.schema.createIndex('people_eppn').on('people').column('eppn').unique().execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropIndex('people_eppn').execute();
    await db.schema.alterTable('people').dropColumn('eppn').execute();
    await db.schema.dropTable('sso_pending').execute();
    await db.schema.dropTable('sso_providers').execute();
  },
};
