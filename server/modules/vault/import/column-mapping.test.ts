import { describe, expect, it } from 'vitest';
import { fieldDefinition, type FieldDefinitionInput } from '../../../../shared/vault/index.ts';
import { checkMapping, columnMapping, suggestMapping } from './column-mapping.ts';

const field = (f: Partial<FieldDefinitionInput> & Pick<FieldDefinitionInput, 'key' | 'label'>) =>
  fieldDefinition.parse({ type: 'text', sensitivity: 'normal', ...f });

// A 学籍ファイル's schema as derived from its register entry's 記録項目.
const FIELDS = [
  field({ key: 'student_number', label: '学生番号', source: '学生番号', required: true }),
  field({ key: 'name', label: '氏名', source: '氏名', required: true }),
  field({ key: 'name_kana', label: '氏名（カナ）', type: 'kana', source: '氏名' }),
  field({ key: 'birth_date', label: '生年月日', type: 'date' }),
  field({ key: 'address', label: '現住所', type: 'postal_address', source: '住所' }),
];

describe('suggestMapping: the headings a college office writes', () => {
  it('maps Japanese headings to fields by label, whatever the width of brackets and spaces', () => {
    const headings = ['学生番号', '氏 名', '氏名(ｶﾅ)', '生年月日', '現住所'];
    expect(suggestMapping(FIELDS, headings)).toEqual({
      student_number: 0,
      name: 1,
      name_kana: 2,
      birth_date: 3,
      address: 4,
    });
  });

  it('reads full-width letters and digits, full-width spaces and middle dots as their plain forms', () => {
    const fields = [
      field({ key: 'mail', label: 'Eメール', type: 'mail' }),
      field({ key: 'class_no', label: '学級番号2' }),
      field({ key: 'guardian', label: '保護者氏名' }),
    ];
    const headings = ['保護者・氏名', '学級番号２', 'Ｅメール　'];
    expect(suggestMapping(fields, headings)).toEqual({ mail: 2, class_no: 1, guardian: 0 });
  });

  it('falls back to the 記録項目 the field came from, and gives a label its own heading first', () => {
    // 住所 names the field labelled 現住所 by its source; 氏名 goes to the field labelled 氏名,
    // not to 氏名（カナ） whose 記録項目 is also 氏名.
    expect(suggestMapping(FIELDS, ['住所', '氏名', '学生番号'])).toEqual({
      student_number: 2,
      name: 1,
      name_kana: null,
      birth_date: null,
      address: 0,
    });
  });

  it('uses a heading at most once, and leaves a field no heading names empty', () => {
    const mapping = suggestMapping(FIELDS, ['学生番号', '学生番号', '備考']);
    expect(mapping).toEqual({
      student_number: 0,
      name: null,
      name_kana: null,
      birth_date: null,
      address: null,
    });
  });
});

describe('checkMapping: a mapping sent back from the browser', () => {
  const headings = ['学生番号', '氏名', 'カナ', '生年月日', '住所'];
  const good = { student_number: 0, name: 1, name_kana: 2, birth_date: null, address: 4 };

  it('finds nothing wrong with a mapping of known fields to distinct columns', () => {
    expect(checkMapping(FIELDS, headings, good)).toEqual([]);
  });
  it('names a field the schema does not have', () => {
    expect(checkMapping(FIELDS, headings, { ...good, grade: 3 })).toEqual([
      { code: 'mapping_unknown_field', field: 'grade' },
    ]);
  });
  it('names a column the file does not have', () => {
    expect(checkMapping(FIELDS, headings, { ...good, birth_date: 5 })).toEqual([
      { code: 'mapping_bad_column', field: 'birth_date', column: 5 },
    ]);
  });
  it('names a column given to a second field', () => {
    expect(checkMapping(FIELDS, headings, { ...good, birth_date: 1 })).toEqual([
      { code: 'mapping_column_twice', field: 'birth_date', column: 1 },
    ]);
  });
  it('names a required field without a column, left null or left out', () => {
    const { student_number: _left, ...rest } = good;
    expect(checkMapping(FIELDS, headings, { ...rest, name: null })).toEqual([
      { code: 'mapping_required_missing', field: 'student_number' },
      { code: 'mapping_required_missing', field: 'name' },
    ]);
  });
  it('refuses what is not a mapping before it is checked', () => {
    expect(columnMapping.safeParse(good).success).toBe(true);
    for (const bad of [[0, 1], { name: -1 }, { name: 1.5 }, { name: '1' }, null])
      expect(columnMapping.safeParse(bad).success).toBe(false);
  });
});
