import { describe, expect, it } from 'vitest';
import { fieldDefinition, type FieldDefinitionInput } from '../../../../shared/vault/index.ts';
import { agrees, agreeing, enoughToBeACandidate, identifyingFields, searchableOn } from './identifying.ts';

const f = (key: string, label: string, over: Partial<FieldDefinitionInput> = {}) =>
  fieldDefinition.parse({ key, label, type: 'text', sensitivity: 'normal', ...over });

// Issue 12 (法77-1-2): the fields a requester is looked up by, found by key or by the register's words.
describe('the identifying fields of a vault file', () => {
  it('finds them by key or label, never a guardian’s name nor a My Number', () => {
    const ids = identifyingFields([
      f('guardian', '保証人氏名'),
      f('shimei', '氏名（漢字）', { searchable: 'prefix' }),
      f('yomi', 'フリガナ', { type: 'kana' }),
      f('born', '生年月日', { type: 'date', searchable: 'exact' }),
      f('no', '学籍番号', { searchable: 'exact' }),
      f('my_number', '個人番号', { type: 'my_number', sensitivity: 'my_number', searchable: 'exact' }),
    ]);
    expect(Object.fromEntries(Object.entries(ids).map(([t, d]) => [t, d.key]))).toEqual({
      name: 'shimei',
      nameKana: 'yomi',
      birthDate: 'born',
      studentNumber: 'no',
    });
    expect(searchableOn(ids)).toEqual(['name', 'birthDate', 'studentNumber']);
  });

  it('a file with identifying fields but no index on them is not searchable by index', () => {
    expect(searchableOn(identifyingFields([f('name', '氏名'), f('note', '記録', { type: 'note' })]))).toEqual(
      [],
    );
  });

  it('compares names ignoring spaces and widths; a birth date alone makes no candidate', () => {
    expect(agrees('架空　花子', '架空 花子')).toBe(true);
    expect(agrees('架空花子', '架空 花子')).toBe(true);
    expect(agrees('ｶｸｳ ﾊﾅｺ', 'カクウ ハナコ')).toBe(true);
    expect(agrees('架空 花', '架空 花子')).toBe(false);
    expect(agrees('', '')).toBe(false);
    const ids = identifyingFields([f('name', '氏名'), f('birth_date', '生年月日', { type: 'date' })]);
    const on = agreeing(
      ids,
      { name: '見本 一郎', birth_date: '2008-04-02' },
      {
        name: '架空 花子',
        birthDate: '2008-04-02',
      },
    );
    expect(on).toEqual(['birthDate']);
    expect(enoughToBeACandidate(on)).toBe(false);
    expect(enoughToBeACandidate(['name', 'birthDate'])).toBe(true);
  });
});
