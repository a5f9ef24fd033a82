import type { Selectable } from 'kysely';
import type { Executor } from '../../platform/db/index.ts';
import type { UnitTable } from '../../platform/db/schema.ts';

export type UnitRow = Selectable<UnitTable>;

/** All SQL about units (各学校等). */
export const unitRepo = {
  list: (db: Executor) => db.selectFrom('units').selectAll().orderBy('sort_order').orderBy('code').execute(),
  get: (db: Executor, id: string) =>
    db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst(),
  byCode: (db: Executor, code: string) =>
    db.selectFrom('units').selectAll().where('code', '=', code).executeTakeFirst(),
  insert: (db: Executor, row: UnitRow) => db.insertInto('units').values(row).execute(),
  /** Number of sections and of active people per unit. */
  async counts(db: Executor) {
    const sections = await db
      .selectFrom('sections')
      .select(['unit_id', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('unit_id')
      .execute();
    const people = await db
      .selectFrom('people')
      .select(['unit_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('active', '=', 1)
      .groupBy('unit_id')
      .execute();
    return {
      sections: new Map(sections.map((r) => [r.unit_id, Number(r.n)])),
      people: new Map(people.map((r) => [r.unit_id, Number(r.n)])),
    };
  },
};
