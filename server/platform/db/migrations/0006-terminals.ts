import type { Kysely, Migration } from 'kysely';

/**
 * Terminal areas (A11の2 取扱区域) and terminals (A29 端末の限定), and the terminal of each ledger
 * entry. Never edit once landed.
 */
export const m0006: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('terminal_areas')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('unit_id', 'varchar(36)', (c) => c.notNull().references('units.id'))
      .addColumn('section_id', 'varchar(36)', (c) => c.references('sections.id'))
      .addColumn('kind', 'varchar(20)', (c) => c.notNull())
      .addColumn('name', 'varchar(200)', (c) => c.notNull())
      .addColumn('address_ranges', 'varchar(4000)', (c) => c.notNull().defaultTo('[]'))
      .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
      .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
      .addColumn('removed_at', 'varchar(30)')
      .execute();
    await db.schema.createIndex('terminal_areas_unit').on('terminal_areas').column('unit_id').execute();

    await db.schema
      .createTable('terminals')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('area_id', 'varchar(36)', (c) => c.notNull().references('terminal_areas.id'))
      .addColumn('requested_by', 'varchar(36)', (c) => c.notNull().references('people.id'))
      .addColumn('label', 'varchar(200)', (c) => c.notNull())
      .addColumn('reason', 'varchar(1000)', (c) => c.notNull())
      .addColumn('secret_hash', 'varchar(64)', (c) => c.notNull().unique())
      .addColumn('status', 'varchar(20)', (c) => c.notNull())
      .addColumn('request_ip', 'varchar(64)')
      .addColumn('requested_at', 'varchar(30)', (c) => c.notNull())
      .addColumn('address_ranges', 'varchar(4000)')
      .addColumn('decided_at', 'varchar(30)')
      .addColumn('decided_by', 'varchar(36)', (c) => c.references('people.id'))
      .addColumn('decision_reason', 'varchar(1000)')
      .addColumn('revoked_at', 'varchar(30)')
      .addColumn('revoked_by', 'varchar(36)', (c) => c.references('people.id'))
      .addColumn('revoke_reason', 'varchar(1000)')
      .execute();
    await db.schema.createIndex('terminals_area').on('terminals').columns(['area_id', 'status']).execute();
    await db.schema.createIndex('terminals_requester').on('terminals').column('requested_by').execute();

    await db.schema.alterTable('ledger_entries').addColumn('terminal_id', 'varchar(36)').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('ledger_entries').dropColumn('terminal_id').execute();
    await db.schema.dropTable('terminals').execute();
    await db.schema.dropTable('terminal_areas').execute();
  },
};
