import type { Kysely, Migration } from 'kysely';

const instant = 'varchar(30)';
const id = 'varchar(36)';
const day = 'varchar(10)';

/**
 * The compliance overview (issue 10): daily snapshots of the units x articles matrix (its trend) and
 * the gaps already told (the summary mail tells only new ones).
 * Never edit once landed.
 */
export const m0021: Migration = {
  async up(db: Kysely<unknown>) {
    // One row per day, unit (null: 機構全体) and article family; a day's rows are replaced on re-run.
    await db.schema
      .createTable('compliance_snapshots')
      .addColumn('id', id, (c) => c.primaryKey())
      .addColumn('day', day, (c) => c.notNull())
      .addColumn('unit_id', id, (c) => c.references('units.id'))
      .addColumn('family', 'varchar(20)', (c) => c.notNull())
      .addColumn('colour', 'varchar(8)', (c) => c.notNull())
      .addColumn('red', 'integer', (c) => c.notNull())
      .addColumn('amber', 'integer', (c) => c.notNull())
      .addColumn('taken_at', instant, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('compliance_snapshots_day')
      .on('compliance_snapshots')
      .columns(['day', 'unit_id'])
      .execute();
    // Every gap seen, by its stable key (kind|role|unit|section|article|path): when first and last
    // seen, when gone, when its holders were told (the summary mail).
    await db.schema
      .createTable('compliance_gaps')
      .addColumn('id', id, (c) => c.primaryKey())
      .addColumn('key', 'varchar(600)', (c) => c.notNull().unique())
      .addColumn('kind', 'varchar(40)', (c) => c.notNull())
      .addColumn('role', 'varchar(40)', (c) => c.notNull())
      .addColumn('unit_id', id, (c) => c.references('units.id'))
      .addColumn('section_id', id, (c) => c.references('sections.id'))
      .addColumn('article', 'varchar(20)', (c) => c.notNull())
      .addColumn('path', 'varchar(400)', (c) => c.notNull())
      .addColumn('family', 'varchar(20)', (c) => c.notNull())
      .addColumn('severity', 'varchar(8)', (c) => c.notNull())
      .addColumn('label', 'varchar(200)')
      .addColumn('first_seen', instant, (c) => c.notNull())
      .addColumn('last_seen', instant, (c) => c.notNull())
      .addColumn('resolved_at', instant)
      .addColumn('notified_at', instant)
      .execute();
    await db.schema
      .createIndex('compliance_gaps_first_seen')
      .on('compliance_gaps')
      .columns(['first_seen'])
      .execute();
  },
};
