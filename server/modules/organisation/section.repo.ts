import type { Selectable, Updateable } from 'kysely';
import type { Executor } from '../../platform/db/index.ts';
import type { SectionTable } from '../../platform/db/schema.ts';

export type SectionRow = Selectable<SectionTable>;

/** All SQL about sections (課等). */
export const sectionRepo = {
  list: (db: Executor) =>
    db.selectFrom('sections').selectAll().orderBy('unit_id').orderBy('sort_order').execute(),
  listByUnit: (db: Executor, unitId: string) =>
    db
      .selectFrom('sections')
      .selectAll()
      .where('unit_id', '=', unitId)
      .orderBy('sort_order')
      .orderBy('name')
      .execute(),
  get: (db: Executor, id: string) =>
    db.selectFrom('sections').selectAll().where('id', '=', id).executeTakeFirst(),
  byName: (db: Executor, unitId: string, name: string) =>
    db
      .selectFrom('sections')
      .selectAll()
      .where('unit_id', '=', unitId)
      .where('name', '=', name)
      .executeTakeFirst(),
  insert: (db: Executor, row: SectionRow) => db.insertInto('sections').values(row).execute(),
  update: (db: Executor, id: string, patch: Updateable<SectionTable>) =>
    db.updateTable('sections').set(patch).where('id', '=', id).execute(),
  async staffCounts(db: Executor, unitId: string) {
    const rows = await db
      .selectFrom('people')
      .select(['section_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('unit_id', '=', unitId)
      .where('active', '=', 1)
      .groupBy('section_id')
      .execute();
    return new Map(rows.map((r) => [r.section_id, Number(r.n)]));
  },
};
