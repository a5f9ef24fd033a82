import { describe, expect, it } from 'vitest';
import {
  fieldDefinition,
  myNumberCheckDigit,
  type FieldDefinitionInput,
} from '../../../../shared/vault/index.ts';
import { readSheet } from '../../../platform/tabular/index.ts';
import { suggestMapping } from './column-mapping.ts';
import { validateRows } from './validate-rows.ts';

// Fixtures are fictional: 架空町 does not exist, phone numbers use the unassigned 0000 exchange.
const field = (f: Partial<FieldDefinitionInput> & Pick<FieldDefinitionInput, 'key' | 'label'>) =>
  fieldDefinition.parse({
    type: 'text',
    sensitivity: f.type === 'my_number' ? 'my_number' : 'normal',
    ...f,
  });

const FIELDS = [
  field({ key: 'student_number', label: '学生番号', required: true }),
  field({ key: 'name', label: '氏名', required: true }),
  field({ key: 'name_kana', label: '氏名（カナ）', type: 'kana' }),
  field({ key: 'birth_date', label: '生年月日', type: 'date' }),
  field({ key: 'course', label: '学科', type: 'choice', choices: ['機械工学科', '電気工学科'] }),
  field({ key: 'phone', label: '電話番号', type: 'phone' }),
  field({ key: 'my_number', label: '個人番号', type: 'my_number' }),
  field({ key: 'note', label: '備考', type: 'note' }),
];
const HEADER = '学生番号,氏名,氏名（カナ）,生年月日,学科,電話番号,個人番号,備考';

const csv = (...lines: string[]) => new TextEncoder().encode(`${[HEADER, ...lines].join('\r\n')}\r\n`);

async function dryRun(bytes: Uint8Array, keyField: string | null = 'student_number', maxRows = 1000) {
  const sheet = await readSheet(bytes, { invalidFile: 'import.invalid_file' });
  return validateRows(FIELDS, sheet, suggestMapping(FIELDS, sheet.headings), { keyField, maxRows });
}

describe('validateRows: a dry run shows every problem of every row (A26)', () => {
  it('reads a good row into the values the vault stores', async () => {
    const { rows, tooMany } = await dryRun(
      csv('２０２６００１,高専 花子,ｺｳｾﾝ ﾊﾅｺ,令和元年5月1日,機械工学科,03-0000-1234,1234 5678 9018,'),
    );
    expect(tooMany).toBe(false);
    expect(rows).toEqual([
      {
        line: 2,
        values: {
          student_number: '２０２６００１',
          name: '高専 花子',
          name_kana: 'コウセン ハナコ',
          birth_date: '2019-05-01',
          course: '機械工学科',
          phone: '0300001234',
          my_number: '123456789018',
          note: null,
        },
        errors: [],
      },
    ]);
  });

  it('gives each wrong value its code, by field and by the line of the file (blank lines count)', async () => {
    const { rows } = await dryRun(
      csv(
        '2026001,高専 花子,コウセン ハナコ,2026-02-30,機械工学科,,,',
        '',
        '2026002,高専 太郎,Kosen Taro,令和1年4月30日,,,123456789017,',
        '2026003,,,,土木工学科,0000,12345678,',
      ),
    );
    expect(rows.map((r) => ({ line: r.line, errors: r.errors }))).toEqual([
      { line: 2, errors: [{ field: 'birth_date', code: 'invalid_date' }] },
      {
        line: 4,
        errors: [
          { field: 'name_kana', code: 'kana_only' },
          { field: 'birth_date', code: 'era_out_of_range' },
          { field: 'my_number', code: 'my_number_check_digit' },
        ],
      },
      {
        line: 5,
        errors: [
          { field: 'name', code: 'required' },
          { field: 'course', code: 'not_a_choice' },
          { field: 'phone', code: 'invalid_phone' },
          { field: 'my_number', code: 'my_number_digits' },
        ],
      },
    ]);
    // A refused value is not kept; the others of the row are.
    expect(rows[1]?.values).toMatchObject({ name: '高専 太郎', name_kana: null, my_number: null });
  });

  it('never repeats what a refused cell held in its errors', async () => {
    const bad = ['高専太郎X', 'Kosen Hanako', '2026-13-45', '情報工学科', '09-9999', '987654321098'];
    const { rows } = await dryRun(csv(`2026001,,${bad.join(',')},`, `2026001,${bad[0]},,,,,,`));
    const errors = JSON.stringify(rows.map((r) => r.errors));
    expect(rows.every((r) => r.errors.length > 0)).toBe(true);
    for (const value of [...bad, '2026001']) expect(errors).not.toContain(value);
  });

  it('marks a student number seen on an earlier line of the file, however it is written', async () => {
    const { rows } = await dryRun(
      csv('2026001,高専 花子,,,,,,', '2026002,高専 太郎,,,,,,', '２０２６００１,高専 次郎,,,,,,'),
    );
    expect(rows.map((r) => r.errors)).toEqual([
      [],
      [],
      [{ field: 'student_number', code: 'duplicate_in_file', firstLine: 2 }],
    ]);
  });

  it('does not look for duplicates without a key field', async () => {
    const { rows } = await dryRun(csv('2026001,高専 花子,,,,,,', '2026001,高専 花子,,,,,,'), null);
    expect(rows.flatMap((r) => r.errors)).toEqual([]);
  });

  it('skips blank rows, and takes off the apostrophe our downloads put before a formula-like cell', async () => {
    const { rows } = await dryRun(csv(' , ,,,,,,', `2026001,高専 花子,,,,'+81 3 0000 1234,,'=1`));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.values).toMatchObject({ phone: '0300001234', note: '=1' });
  });

  it('gives a required field without a column "required" on every row', () => {
    const sheet = { records: [{ line: 2, cells: ['2026001'] }] };
    const { rows } = validateRows(FIELDS, sheet, { student_number: 0 }, { maxRows: 10 });
    expect(rows[0]?.errors).toEqual([{ field: 'name', code: 'required' }]);
  });

  it('reads no row of a file with more rows than allowed', async () => {
    const lines = ['2026001,高専 花子,,,,,,', '', '2026002,高専 太郎,,,,,,'];
    expect((await dryRun(csv(...lines), null, 2)).tooMany).toBe(false);
    expect(await dryRun(csv(...lines, '2026003,高専 次郎,,,,,,'), null, 2)).toEqual({
      rows: [],
      tooMany: true,
    });
  });

  it('refuses a key field the schema does not have', () => {
    expect(() => validateRows(FIELDS, { records: [] }, {}, { keyField: 'grade', maxRows: 1 })).toThrow(
      RangeError,
    );
  });
});

describe('validateRows: 100,000 records (the import benchmark of issue 6)', () => {
  it('reads every row and finds exactly the bad ones', () => {
    const mapping = Object.fromEntries(FIELDS.map((f, i) => [f.key, i]));
    const records = Array.from({ length: 100_000 }, (_, i) => {
      const eleven = String(10_000_000_000 + i * 7919).slice(0, 11);
      const cells = [
        `S${String(i).padStart(6, '0')}`,
        `高専 花子${i % 97}`,
        'こうせん はなこ',
        `200${i % 10}-0${(i % 9) + 1}-1${i % 10}`,
        i % 2 === 0 ? '機械工学科' : '電気工学科',
        `03-0000-${String(i % 10_000).padStart(4, '0')}`,
        `${eleven}${myNumberCheckDigit(eleven)}`,
        i % 3 === 0 ? '' : '備考あり',
      ];
      if (i % 1000 === 999) cells[3] = '2001-02-30'; // 100 impossible days
      if (i === 50_000) cells[0] = 'S000001'; // the student of line 3 again
      return { line: i + 2, cells };
    });
    const { rows, tooMany } = validateRows(FIELDS, { records }, mapping, {
      keyField: 'student_number',
      maxRows: 100_000,
    });
    expect(tooMany).toBe(false);
    expect(rows).toHaveLength(100_000);
    const bad = rows.filter((r) => r.errors.length > 0);
    expect(bad).toHaveLength(101);
    expect(bad.filter((r) => r.errors[0]?.code === 'invalid_date')).toHaveLength(100);
    expect(rows[50_000]?.errors).toEqual([
      { field: 'student_number', code: 'duplicate_in_file', firstLine: 3 },
    ]);
    expect(rows[99_998]?.values).toMatchObject({ name_kana: 'コウセン ハナコ', note: '備考あり' });
  });
});
