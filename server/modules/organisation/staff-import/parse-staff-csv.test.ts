import { createHash } from 'node:crypto';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { personInput } from '../../../../shared/api/organisation.ts';
import { AppError } from '../../../platform/errors.ts';
import { decodeCsv } from '../../../platform/tabular/index.ts';
import {
  STAFF_CSV_HEADER_JA,
  csvField,
  normaliseKana,
  parseStaffCsv,
  staffCsvTemplate,
  type ParsedStaffRow,
  type StaffRowValues,
} from './parse-staff-csv.ts';

// Every person below is fictional.

const BOM = [0xef, 0xbb, 0xbf];
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const utf8Bom = (s: string): Uint8Array => new Uint8Array([...BOM, ...utf8(s)]);
const cp932 = (s: string): Uint8Array => new Uint8Array(iconv.encode(s, 'cp932'));
const csv = (rows: string[][]): string => rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';

const HEADER = STAFF_CSV_HEADER_JA;
const HANAKO = [
  'E0001',
  '高専',
  '花子',
  'コウセン',
  'ハナコ',
  'hanako@example.ac.jp',
  '教職員',
  '事務職員',
  'HQ',
  '総務課',
];
const JIRO = ['E0002', '機構', '次郎', 'キコウ', 'ジロウ', '', '役員', '', 'C01', ''];
const SAMPLE = csv([HEADER, HANAKO, JIRO]);

const HANAKO_VALUES: StaffRowValues = {
  employeeNumber: 'E0001',
  familyName: '高専',
  givenName: '花子',
  familyNameKana: 'コウセン',
  givenNameKana: 'ハナコ',
  email: 'hanako@example.ac.jp',
  kind: 'staff',
  title: '事務職員',
  unitCode: 'HQ',
  sectionName: '総務課',
};
const JIRO_VALUES: StaffRowValues = {
  employeeNumber: 'E0002',
  familyName: '機構',
  givenName: '次郎',
  familyNameKana: 'キコウ',
  givenNameKana: 'ジロウ',
  email: null,
  kind: 'officer',
  title: null,
  unitCode: 'C01',
  sectionName: null,
};

/** Catch the AppError a function throws. */
function appError(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

/** Parse a single data row (after the Japanese header) given as field → cell overrides of Hanako's row. */
function parseOne(overrides: Partial<Record<number, string>>): ParsedStaffRow {
  const row = HANAKO.map((v, i) => overrides[i] ?? v);
  const parsed = parseStaffCsv(utf8(csv([HEADER, row])));
  expect(parsed.rows).toHaveLength(1);
  return parsed.rows[0]!;
}

describe('decodeCsv', () => {
  it('recognises UTF-8 with BOM, UTF-8 without and CP932, and strips the BOM', () => {
    expect(decodeCsv(utf8Bom(SAMPLE))).toEqual({ text: SAMPLE, encoding: 'utf-8-bom' });
    expect(decodeCsv(utf8(SAMPLE))).toEqual({ text: SAMPLE, encoding: 'utf-8' });
    expect(decodeCsv(cp932(SAMPLE))).toEqual({ text: SAMPLE, encoding: 'cp932' });
  });

  it('decodes CP932-only characters (①, ㈱, NEC/IBM extensions)', () => {
    const s = 'a,b\r\n①㈱,髙﨑\r\n';
    expect(decodeCsv(cp932(s))).toEqual({ text: s, encoding: 'cp932' });
  });

  it.each([
    ['empty', new Uint8Array()],
    ['only a BOM', new Uint8Array(BOM)],
    ['only blank lines', utf8('\r\n\r\n  \r\n')],
    ['binary with NUL bytes', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00])],
    ['bytes neither UTF-8 nor CP932', new Uint8Array([0x41, 0x2c, 0x42, 0x0a, 0x80, 0xa0, 0xfd, 0xfe])],
    ['control characters', utf8('a,b\r\n\u0001\u0002,\u001b\r\n')],
    ['a BOM followed by invalid UTF-8', new Uint8Array([...BOM, 0x82, 0xa0])],
  ])('rejects %s as import.invalid_file', (_name, bytes) => {
    expect(appError(() => decodeCsv(bytes)).code).toBe('import.invalid_file');
    expect(appError(() => parseStaffCsv(bytes)).code).toBe('import.invalid_file');
  });
});

describe('parseStaffCsv', () => {
  it.each([
    ['utf-8-bom', utf8Bom(SAMPLE)],
    ['utf-8', utf8(SAMPLE)],
    ['cp932', cp932(SAMPLE)],
  ] as const)('reads %s to the same rows', (encoding, bytes) => {
    const parsed = parseStaffCsv(bytes);
    expect(parsed.encoding).toBe(encoding);
    expect(parsed.digest).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(parsed.rows.map((r) => [r.row, r.values, r.errors])).toEqual([
      [2, HANAKO_VALUES, []],
      [3, JIRO_VALUES, []],
    ]);
    expect(parsed.rows[0]!.raw).toEqual(Object.fromEntries(HEADER.map((h, i) => [h, HANAKO[i]])));
  });

  it('accepts English headers and English kind codes, in any column order', () => {
    const header = [
      'unit_code',
      'kind',
      'employee_number',
      'family_name',
      'given_name',
      'family_name_kana',
      'given_name_kana',
      'email',
      'title',
      'section',
    ];
    const row = ['HQ', 'dispatched', 'D-100', 'Kosen', 'Hanako', 'コウセン', 'ハナコ', '', '', ''];
    const [parsed] = parseStaffCsv(utf8(csv([header, row]))).rows;
    expect(parsed!.errors).toEqual([]);
    expect(parsed!.values).toMatchObject({
      employeeNumber: 'D-100',
      familyName: 'Kosen',
      kind: 'dispatched',
      unitCode: 'HQ',
    });
  });

  it('tolerates half-width parentheses, spaces, セイ/メイ and extra columns in the header', () => {
    const header = [
      ' 職員番号 ',
      '姓',
      '名',
      '姓 (カナ)',
      'メイ',
      'メールアドレス',
      '区分',
      '職名',
      '学校等コード',
      '課等',
      '備考',
    ];
    const [parsed] = parseStaffCsv(utf8(csv([header, [...HANAKO, 'メモ']]))).rows;
    expect(parsed!.errors).toEqual([]);
    expect(parsed!.values).toEqual(HANAKO_VALUES);
    expect(parsed!.raw['備考']).toBe('メモ');
    expect(
      parseStaffCsv(utf8(csv([[...HEADER.slice(0, 3), 'セイ', '名(カナ)', ...HEADER.slice(5)], HANAKO])))
        .rows[0]!.errors,
    ).toEqual([]);
  });

  it('trims cells and turns empty optional cells into null', () => {
    const parsed = parseOne({ 0: '  E0001 ', 1: ' 高専　', 5: '   ', 7: ' ', 9: '' });
    expect(parsed.errors).toEqual([]);
    expect(parsed.values).toMatchObject({
      employeeNumber: 'E0001',
      familyName: '高専',
      email: null,
      title: null,
      sectionName: null,
    });
  });

  it('normalises half-width katakana and hiragana to full-width katakana', () => {
    const parsed = parseOne({ 3: 'ｺｳｾﾝ', 4: 'はなこ' });
    expect(parsed.errors).toEqual([]);
    expect(parsed.values.familyNameKana).toBe('コウセン');
    expect(parsed.values.givenNameKana).toBe('ハナコ');
    expect(normaliseKana('ｶﾞｯｺｳ ﾀﾛｳ')).toBe('ガッコウ タロウ');
    expect(normaliseKana('ゔぁーじょん・ゝ')).toBe('ヴァージョン・ヽ');
    expect(normaliseKana('ﾊﾟｰｸ')).toBe('パーク');
  });

  it('accepts full-width digits in the employee number', () => {
    expect(parseOne({ 0: 'Ｅ０００１' }).values.employeeNumber).toBe('E0001');
  });

  it.each([
    ['required', '職員番号', 0, '', '職員番号が入力されていません'],
    ['required', '姓', 1, '', '姓が入力されていません'],
    ['required', '名', 2, ' ', '名が入力されていません'],
    ['required', '姓（カナ）', 3, '', '姓（カナ）が入力されていません'],
    ['required', '名（カナ）', 4, '', '名（カナ）が入力されていません'],
    ['required', '区分', 6, '', '区分が入力されていません'],
    ['required', '学校等コード', 8, '', '学校等コードが入力されていません'],
    ['invalid_kana', '姓（カナ）', 3, '高専', '姓（カナ）はカタカナで入力してください'],
    ['invalid_kana', '名（カナ）', 4, 'Hanako', '名（カナ）はカタカナで入力してください'],
    ['invalid_email', 'メールアドレス', 5, 'hanako.example.ac.jp', 'メールアドレスの形式が正しくありません'],
    ['invalid_kind', '区分', 6, '非常勤', '区分は「役員」「教職員」「派遣労働者」のいずれかです'],
    [
      'invalid_employee_number',
      '職員番号',
      0,
      'E 0001',
      '職員番号は半角英数字とハイフン（-）で入力してください',
    ],
    [
      'invalid_employee_number',
      '職員番号',
      0,
      'E_0001',
      '職員番号は半角英数字とハイフン（-）で入力してください',
    ],
    ['too_long', '職員番号', 0, 'E'.repeat(33), '職員番号は32文字以内で入力してください'],
    ['too_long', '姓', 1, '高'.repeat(101), '姓は100文字以内で入力してください'],
    ['too_long', '名（カナ）', 4, 'ア'.repeat(101), '名（カナ）は100文字以内で入力してください'],
    [
      'too_long',
      'メールアドレス',
      5,
      `${'a'.repeat(250)}@example.ac.jp`,
      'メールアドレスは254文字以内で入力してください',
    ],
    ['too_long', '職名', 7, '職'.repeat(101), '職名は100文字以内で入力してください'],
    ['too_long', '学校等コード', 8, 'C'.repeat(33), '学校等コードは32文字以内で入力してください'],
    ['too_long', '課等', 9, '課'.repeat(201), '課等は200文字以内で入力してください'],
  ])('%s on %s (column %i)', (code, column, index, value, message) => {
    const parsed = parseOne({ [index]: value });
    expect(parsed.row).toBe(2);
    expect(parsed.errors).toEqual([{ column, code, message }]);
    if (value.trim() !== '') expect(parsed.errors[0]!.message).not.toContain(value.trim());
  });

  it('collects every error of every row, with the row numbers Excel shows', () => {
    const bad = ['', '', '名だけ', 'abc', '', 'not-an-email', '不明', '', '', ''];
    const text =
      csv([HEADER, HANAKO, bad]) +
      '\r\n' +
      csv([JIRO, ['E0003', '高専', '三郎', 'コウセン', 'さぶろう', '', 'staff', '', '', '']]);
    const { rows } = parseStaffCsv(utf8(text));
    expect(rows.map((r) => r.row)).toEqual([2, 3, 5, 6]);
    expect(rows[0]!.errors).toEqual([]);
    expect(rows[1]!.errors.map((e) => [e.column, e.code])).toEqual([
      ['職員番号', 'required'],
      ['姓', 'required'],
      ['姓（カナ）', 'invalid_kana'],
      ['名（カナ）', 'required'],
      ['メールアドレス', 'invalid_email'],
      ['区分', 'invalid_kind'],
      ['学校等コード', 'required'],
    ]);
    expect(rows[2]!.errors).toEqual([]);
    expect(rows[3]!.errors.map((e) => [e.column, e.code])).toEqual([['学校等コード', 'required']]);
    for (const r of rows)
      for (const e of r.errors) for (const v of bad.filter((x) => x)) expect(e.message).not.toContain(v);
  });

  it('flags a duplicate employee number on the later rows only', () => {
    const { rows } = parseStaffCsv(
      utf8(csv([HEADER, HANAKO, JIRO, [...JIRO.slice(0, 1), ...HANAKO.slice(1)], HANAKO])),
    );
    expect(rows.map((r) => [r.row, r.errors])).toEqual([
      [2, []],
      [3, []],
      [4, [{ column: '職員番号', code: 'duplicate_in_file', message: '職員番号が3行目と重複しています' }]],
      [5, [{ column: '職員番号', code: 'duplicate_in_file', message: '職員番号が2行目と重複しています' }]],
    ]);
  });

  it('skips blank lines and rows of empty cells, still counting them as rows', () => {
    // Rows: 1 header, 2 blank, 3 empty cells, 4 Hanako, 5 blank (LF), 6 Jiro, 7 a space and empty cells.
    const text = `${csv([HEADER])}\r\n,,,,,,,,,\r\n${csv([HANAKO])}\n${csv([JIRO])} ,,,,,,,,,\r\n\r\n`;
    expect(parseStaffCsv(utf8(text)).rows.map((r) => [r.row, r.values.employeeNumber])).toEqual([
      [4, 'E0001'],
      [6, 'E0002'],
    ]);
  });

  it('reads quoted fields containing commas, quotes and newlines, counting a multi-line row once', () => {
    const text =
      HEADER.join(',') +
      '\r\n' +
      'E0001,高専,花子,コウセン,ハナコ,,教職員,"係長, 総務担当",HQ,"総務課\r\n(本部)"\r\n' +
      'E0002,機構,次郎,キコウ,ジロウ,,役員,"""特命""担当",C01,\r\n';
    const { rows } = parseStaffCsv(cp932(text));
    expect(rows.map((r) => [r.row, r.values.title, r.values.sectionName, r.errors])).toEqual([
      [2, '係長, 総務担当', '総務課\r\n(本部)', []],
      [3, '"特命"担当', null, []],
    ]);
  });

  it('throws import.missing_columns naming every missing required column', () => {
    const header = ['職員番号', '姓', '名', 'メールアドレス', '区分'];
    const e = appError(() => parseStaffCsv(utf8(csv([header, ['E0001', '高専', '花子', '', '教職員']]))));
    expect(e.code).toBe('import.missing_columns');
    expect(e.details).toEqual([
      { code: 'missing_column', path: '姓（カナ）' },
      { code: 'missing_column', path: '名（カナ）' },
      { code: 'missing_column', path: '学校等コード' },
    ]);
    // Optional columns may be left out.
    const required = [0, 1, 2, 3, 4, 6, 8];
    const parsed = parseStaffCsv(
      utf8(csv([required.map((i) => HEADER[i]!), required.map((i) => HANAKO[i]!)])),
    );
    expect(parsed.rows[0]!.errors).toEqual([]);
    expect(parsed.rows[0]!.values).toMatchObject({ email: null, title: null, sectionName: null });
  });

  it('rejects a row with the wrong number of cells, naming only its row', () => {
    const e = appError(() => parseStaffCsv(utf8(csv([HEADER, HANAKO]) + 'E0002,機構\r\n')));
    expect(e.code).toBe('import.invalid_file');
    expect(e.details).toEqual([{ row: 3, code: 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH' }]);
    expect(JSON.stringify(e.details)).not.toContain('機構');
  });

  it('rejects a header-only file with no required columns as missing_columns, and more than 20,000 rows as invalid', () => {
    expect(appError(() => parseStaffCsv(utf8('a,b\r\n1,2\r\n'))).code).toBe('import.missing_columns');
    const many = HEADER.join(',') + '\r\n' + `E1,高専,花子,コウセン,ハナコ,,教職員,,HQ,\r\n`.repeat(20_001);
    expect(appError(() => parseStaffCsv(utf8(many))).code).toBe('import.invalid_file');
    const enough = HEADER.join(',') + '\r\n' + `E1,高専,花子,コウセン,ハナコ,,教職員,,HQ,\r\n`.repeat(20_000);
    expect(parseStaffCsv(utf8(enough)).rows).toHaveLength(20_000);
  });

  it('produces a template that parses back without errors', () => {
    const bytes = staffCsvTemplate();
    expect([...bytes.subarray(0, 3)]).toEqual(BOM);
    const parsed = parseStaffCsv(bytes);
    expect(parsed.encoding).toBe('utf-8-bom');
    expect(parsed.rows).toHaveLength(1);
    expect(parsed.rows[0]!.errors).toEqual([]);
    expect(Object.keys(parsed.rows[0]!.raw)).toEqual(STAFF_CSV_HEADER_JA);
  });

  it('property: valid rows written as CSV in any encoding parse back to the same values, valid for personInput', () => {
    // Characters every encoding can carry (JIS X 0208 kanji and kana, ASCII), with CSV specials mixed in.
    const kanji = fc.constantFrom(
      ...'高専機構花子太郎次郎山田佐藤鈴木東京本部総務課学生係長教授准助事務職員',
    );
    const special = fc.constantFrom(',', '"', '\n', '\r\n', ' ');
    const token = (chars: fc.Arbitrary<string>, max: number) =>
      fc.string({ unit: chars, minLength: 1, maxLength: max });
    const katakana = fc.constantFrom(
      ...'アイウエオカキクケコガギグゲゴサシスセソタチツテトナニヌネノハヒフヘホパピプペポマミムメモヤユヨラリルレロワヲンャュョッー',
    );
    const hiragana = fc.constantFrom(
      ...'あいうえおかきくけこがぎぐげごさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをんゃゅょっ',
    );
    const halfWidth = fc.constantFrom(...'ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝｰ');
    const kana = fc.oneof(token(katakana, 20), token(hiragana, 20), token(halfWidth, 20));
    const free = (max: number) =>
      fc
        .tuple(token(kanji, max), fc.option(special, { nil: '' }), fc.option(token(kanji, 5), { nil: '' }))
        .map(([a, s, b]) => `${a}${s}${b}`);
    const ascii = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789');
    const person = fc.record({
      familyName: free(20),
      givenName: free(20),
      familyNameKana: kana,
      givenNameKana: kana,
      email: fc.option(
        fc.tuple(token(ascii, 20), token(ascii, 10)).map(([u, d]) => `${u}@${d}.example.jp`),
        { nil: null },
      ),
      kind: fc.constantFrom(
        ['役員', 'officer'],
        ['教職員', 'staff'],
        ['派遣労働者', 'dispatched'],
        ['staff', 'staff'],
      ),
      title: fc.option(free(30), { nil: null }),
      unitCode: token(ascii, 32),
      sectionName: fc.option(free(60), { nil: null }),
    });
    const people = fc.uniqueArray(fc.tuple(token(fc.constantFrom(...'ABC0123456789-'), 32), person), {
      minLength: 1,
      maxLength: 30,
      selector: ([n]) => n,
    });
    const encode = fc.constantFrom(
      ['utf-8', utf8] as const,
      ['utf-8-bom', utf8Bom] as const,
      ['cp932', cp932] as const,
    );

    fc.assert(
      fc.property(people, encode, fc.boolean(), (list, [encoding, toBytes], crlf) => {
        // Trailing spaces and newlines are trimmed by design, so the generated values keep none at the ends.
        const clean = (s: string) => s.trim();
        const expected: StaffRowValues[] = list.map(([number, p]) => ({
          employeeNumber: number,
          familyName: clean(p.familyName),
          givenName: clean(p.givenName),
          familyNameKana: normaliseKana(p.familyNameKana),
          givenNameKana: normaliseKana(p.givenNameKana),
          email: p.email,
          kind: p.kind[1],
          title: p.title === null ? null : clean(p.title),
          unitCode: p.unitCode,
          sectionName: p.sectionName === null ? null : clean(p.sectionName),
        }));
        const lines = list.map(([number, p]) =>
          [
            number,
            p.familyName,
            p.givenName,
            p.familyNameKana,
            p.givenNameKana,
            p.email ?? '',
            p.kind[0],
            p.title ?? '',
            p.unitCode,
            p.sectionName ?? '',
          ]
            .map(csvField)
            .join(','),
        );
        const text = [HEADER.join(','), ...lines].join(crlf ? '\r\n' : '\n') + '\n';
        const parsed = parseStaffCsv(toBytes(text));
        expect(parsed.encoding).toBe(encoding);
        expect(parsed.rows.map((r) => r.errors)).toEqual(list.map(() => []));
        expect(parsed.rows.map((r) => r.row)).toEqual(list.map((_, i) => i + 2));
        expect(parsed.rows.map((r) => r.values)).toEqual(expected);
        for (const { values } of parsed.rows) {
          const result = personInput.safeParse({ ...values, unitId: '00000000-0000-4000-8000-000000000000' });
          expect(result.success).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});
