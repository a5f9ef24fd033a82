import type { Selectable, Updateable } from 'kysely';
import type { Executor } from '../../platform/db/index.ts';
import type { PersonTable } from '../../platform/db/schema.ts';
import { toKatakana } from '../../../shared/kana.ts';

export type PersonRow = Selectable<PersonTable>;

export interface PersonSearch {
  q?: string | undefined;
  unitId?: string | undefined;
  sectionId?: string | undefined;
  activeOnly?: boolean;
  limit: number;
  offset: number;
}

/** All SQL about people (教職員等). */
export const personRepo = {
  get: (db: Executor, id: string) =>
    db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst(),
  getMany: (db: Executor, ids: string[]) =>
    ids.length === 0
      ? Promise.resolve([])
      : db.selectFrom('people').selectAll().where('id', 'in', ids).execute(),
  byEmployeeNumber: (db: Executor, employeeNumber: string) =>
    db.selectFrom('people').selectAll().where('employee_number', '=', employeeNumber).executeTakeFirst(),
  byEmployeeNumbers: (db: Executor, numbers: string[]) =>
    numbers.length === 0
      ? Promise.resolve([])
      : db.selectFrom('people').selectAll().where('employee_number', 'in', numbers).execute(),
  insert: (db: Executor, row: PersonRow) => db.insertInto('people').values(row).execute(),
  update: (db: Executor, id: string, patch: Updateable<PersonTable>) =>
    db.updateTable('people').set(patch).where('id', '=', id).execute(),
  listBySection: (db: Executor, sectionId: string) =>
    db
      .selectFrom('people')
      .selectAll()
      .where('section_id', '=', sectionId)
      .where('active', '=', 1)
      .orderBy('family_name_kana')
      .orderBy('given_name_kana')
      .execute(),
  async search(db: Executor, s: PersonSearch) {
    let q = db.selectFrom('people');
    if (s.unitId) q = q.where('unit_id', '=', s.unitId);
    if (s.sectionId) q = q.where('section_id', '=', s.sectionId);
    if (s.activeOnly) q = q.where('active', '=', 1);
    const term = s.q?.trim();
    if (term) {
      // Wildcards typed by the user are dropped rather than escaped: LIKE escaping differs by dialect.
      const plain = term.replace(/[\\%_]/g, '');
      const like = `%${plain}%`;
      const compact = `%${plain.replace(/[\s\u3000]/g, '')}%`;
      // Readings are stored in katakana; a reading typed in hiragana finds them too.
      const kana = `%${toKatakana(plain.replace(/[\s\u3000]/g, ''))}%`;
      q = q.where((eb) =>
        eb.or([
          eb('employee_number', '=', term),
          eb(eb.fn('concat', ['family_name', 'given_name']), 'like', compact),
          eb(eb.fn('concat', ['family_name_kana', 'given_name_kana']), 'like', kana),
          eb('family_name', 'like', like),
          eb('family_name_kana', 'like', `%${toKatakana(plain)}%`),
        ]),
      );
    }
    const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const items = await q
      .selectAll()
      .orderBy('family_name_kana')
      .orderBy('given_name_kana')
      .orderBy('employee_number')
      .limit(s.limit)
      .offset(s.offset)
      .execute();
    return { items, total: Number(total.n) };
  },
};
