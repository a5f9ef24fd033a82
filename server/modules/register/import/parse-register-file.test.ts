import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { entryFields, type EntryFieldsInput, type PublicEntryView } from '../../../../shared/api/register.ts';
import { AGENCY_NAME, PUBLISHED_FIELDS } from '../../../../shared/register-fields.ts';
import { csvCp932, csvText, csvUtf8, xlsx, type Table } from '../../../platform/tabular/index.ts';
import { registerTable } from '../public/public-downloads.ts';
import { sampleFields } from '../../../../tests/support/register-fixture.ts';
import {
  COLUMN_JA,
  TEMPLATE_COLUMNS,
  parseRegisterFile,
  registerImportTemplate,
  type ParsedRegisterFile,
} from './parse-register-file.ts';
import { parseBoolean, parseExemption, parseKind, splitItems } from './cell-values.ts';

// Every file below is fictional.

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const cp932 = (s: string): Uint8Array => new Uint8Array(iconv.encode(s, 'cp932'));
const rowsOf = (p: ParsedRegisterFile) =>
  p.rows.map((r) => ({ line: r.line, fields: r.fields, errors: r.errors }));

/** A public entry (what /register/files.csv lists) made of entry fields. */
function publicEntry(id: string, f: EntryFieldsInput): PublicEntryView {
  const e = entryFields.parse(f);
  return {
    id,
    unitId: 'u1',
    unitName: '東京',
    name: e.name,
    agencyName: AGENCY_NAME,
    department: e.department,
    purpose: e.purpose,
    recordItems: e.recordItems,
    recordRange: e.recordRange,
    collectionMethod: e.collectionMethod,
    sensitive: e.sensitive,
    regularRecipients: e.regularRecipients,
    requestOffice: e.requestOffice,
    specialProcedures: e.specialProcedures,
    kind: e.kind,
    rei20Para7: e.rei20Para7,
    anonProposalsInvited: e.anonProposalsInvited,
    anonProposalOffice: e.anonProposalOffice,
    anonInfoSummary: e.anonInfoSummary,
    anonInfoOffice: e.anonInfoOffice,
    anonInfoPeriod: e.anonInfoPeriod,
    remarks: e.remarks,
    updatedAt: '2025-04-01T00:00:00.000Z',
  };
}

/** The published part of an entry: what a round trip through the public download must keep. */
const publishedPart = (f: EntryFieldsInput) => {
  const e = entryFields.parse(f);
  return Object.fromEntries(
    PUBLISHED_FIELDS.filter((p) => p.key !== 'agencyName').map((p) => [p.key, e[p.key]]),
  );
};

const ENTRIES: EntryFieldsInput[] = [
  sampleFields(),
  sampleFields({
    name: '健康診断ファイル',
    recordItems: ['氏名', '既往歴', '12誘導心電図の所見'],
    sensitive: true,
    regularRecipients: '学校医',
    kind: 'manual',
    rei20Para7: true,
    anonProposalsInvited: true,
    anonProposalOffice: '本部事務局総務課',
    remarks: '=HYPERLINK("http://example.invalid")',
    specialProcedures: '-5 を含む特別な手続',
  }),
];

describe('reading a register file (A20-1, A20-2)', () => {
  it('reads back our own public download: UTF-8 with BOM, Shift_JIS and Excel give the published fields', async () => {
    const table = registerTable(ENTRIES.map((f, i) => publicEntry(`id-${i}`, f)));
    const sjis = csvCp932(table);
    if (!sjis.ok) throw new Error('not representable');
    const files: [string, Uint8Array][] = [
      ['utf-8-bom', csvUtf8(table)],
      ['cp932', sjis.body],
      ['xlsx', await xlsx(table, '個人情報ファイル簿', '個人情報ファイル簿')],
    ];
    for (const [format, bytes] of files) {
      const parsed = await parseRegisterFile(bytes);
      expect(parsed.format).toBe(format);
      // ID and 最終更新日 are not read; 課等 is left to the service (it matches 組織の名称).
      expect(parsed.ignoredColumns).toEqual(['ID', '最終更新日']);
      expect(parsed.rows.map((r) => [r.line, r.unit, r.section, r.errors])).toEqual([
        [2, '東京', '', []],
        [3, '東京', '', []],
      ]);
      parsed.rows.forEach((r, i) => {
        const fields = r.fields!;
        expect(
          Object.fromEntries(
            Object.keys(publishedPart(ENTRIES[i]!)).map((k) => [k, fields[k as keyof typeof fields]]),
          ),
          format,
        ).toEqual(publishedPart(ENTRIES[i]!));
      });
    }
  });

  it('reads UTF-8 without a BOM, detects Shift_JIS, and numbers rows as the spreadsheet does', async () => {
    const line = (cells: string[]) => csvText({ header: cells, rows: [] });
    const text = line(template().header) + line(exampleRow()) + '\r\n' + line(exampleRow({ name: '二件目' }));
    const plain = await parseRegisterFile(utf8(text));
    expect(plain.format).toBe('utf-8');
    // The header is row 1, the example row 2, a blank line 3, the next row 4.
    expect(plain.rows.map((r) => [r.line, r.name, r.errors.length])).toEqual([
      [2, '学籍ファイル', 0],
      [4, '二件目', 0],
    ]);
    const sjis = await parseRegisterFile(cp932(text));
    expect(sjis.format).toBe('cp932');
    expect(rowsOf(sjis)).toEqual(rowsOf(plain));
  });

  it('reads the template, every internal column included', async () => {
    const parsed = await parseRegisterFile(registerImportTemplate());
    expect(parsed.format).toBe('utf-8-bom');
    const [row] = parsed.rows;
    expect(row).toMatchObject({ line: 2, unit: '東京', section: '教務係', errors: [] });
    expect(row!.fields).toMatchObject({
      name: '学籍ファイル',
      recordItems: ['学生番号', '氏名', '生年月日', '現住所'],
      sensitive: false,
      kind: 'computer',
      regularRecipients: '',
      exemption: 'none',
      sensitivity: 'sensitive',
      importance: 'high',
      myNumber: false,
      historical: false,
      retentionYears: 30,
      linkedSystems: ['教務システム'],
    });
    // The headings: 学校等, 課等, the 19 fields of 別紙様式1 in order, then the internal ones.
    const records: unknown = parse(new TextDecoder().decode(registerImportTemplate()));
    const [header] = records as string[][];
    expect(header).toEqual(TEMPLATE_COLUMNS.map((k) => COLUMN_JA[k]));
    expect(header!.slice(2, 21)).toEqual(PUBLISHED_FIELDS.map((f) => f.ja));
  });

  it('reads an Excel sheet with rich text, numbers and formulas', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('台帳');
    const t = template();
    sheet.addRow(t.header);
    const row = sheet.addRow(exampleRow({ name: '' }));
    const col = (k: keyof typeof COLUMN_JA) => t.header.indexOf(COLUMN_JA[k]) + 1;
    row.getCell(col('name')).value = {
      richText: [{ text: '図書' }, { text: '貸出ファイル', font: { bold: true } }],
    };
    row.getCell(col('retentionYears')).value = 5;
    row.getCell(col('importance')).value = { formula: '"低"', result: '低' };
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const parsed = await parseRegisterFile(bytes);
    expect(parsed.format).toBe('xlsx');
    expect(parsed.rows[0]).toMatchObject({ line: 2, name: '図書貸出ファイル', errors: [] });
    expect(parsed.rows[0]!.fields).toMatchObject({ retentionYears: 5, importance: 'low' });
  });

  it('names the column of each bad value, never the value', async () => {
    const bad = exampleRow({
      name: '',
      kind: '電算かマニュアルか不明',
      sensitive: 'たぶん',
      exemption: '秘密',
      retentionYears: '永年',
      purpose: 'x'.repeat(2001),
      agencyName: '別の法人',
    });
    const parsed = await parseRegisterFile(utf8(csvText({ header: template().header, rows: [bad] })));
    const [row] = parsed.rows;
    expect(row!.fields).toBeNull();
    expect(row!.errors.map((e) => [e.column, e.code])).toEqual(
      expect.arrayContaining([
        ['個人情報ファイルの名称', 'required'],
        ['個人情報ファイルの種別', 'invalid_value'],
        ['要配慮個人情報が含まれるときは、その旨', 'invalid_value'],
        ['公表', 'invalid_value'],
        ['保存期間（年）', 'invalid_value'],
        ['個人情報ファイルの利用目的', 'too_long'],
        ['行政機関等の名称', 'agency_mismatch'],
      ]),
    );
    expect(row!.errors).toHaveLength(7);
    for (const e of row!.errors) {
      expect(e.message.ja).toBeTruthy();
      expect(e.message.en).toBeTruthy();
      expect(JSON.stringify(e)).not.toMatch(/たぶん|秘密|永年|別の法人|不明/);
    }
  });

  it('applies the rules of the form: a ground for not publishing needs its note, proposals their office', async () => {
    const parsed = await parseRegisterFile(
      utf8(
        csvText({
          header: template().header,
          rows: [
            exampleRow({ exemption: '他ファイルに包含', exemptionNote: '' }),
            exampleRow({ name: '二', anonProposalsInvited: '該当', anonProposalOffice: '－' }),
            exampleRow({ name: '三', exemption: '事務に支障', exemptionNote: '捜査に関する事務のため' }),
          ],
        }),
      ),
    );
    expect(parsed.rows.map((r) => r.errors.map((e) => [e.column, e.code]))).toEqual([
      [['公表しない理由（補足）', 'exemption_ground_missing']],
      [['行政機関等匿名加工情報の提案を受ける組織の名称及び所在地', 'anon_office_missing']],
      [],
    ]);
    expect(parsed.rows[2]!.fields).toMatchObject({ exemption: 'impede' });
  });

  it('refuses a file it cannot read, one without the required columns, and one of more than 2,000 rows', async () => {
    await expect(parseRegisterFile(new Uint8Array([0, 1, 2, 3]))).rejects.toMatchObject({
      code: 'register.import_invalid_file',
    });
    await expect(parseRegisterFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9, 9, 9]))).rejects.toMatchObject({
      code: 'register.import_invalid_file',
    });
    const noKind = template().header.filter((h) => h !== COLUMN_JA.kind && h !== COLUMN_JA.unit);
    const missing = parseRegisterFile(utf8(csvText({ header: noKind, rows: [] })));
    await expect(missing).rejects.toMatchObject({
      code: 'register.import_missing_columns',
      details: [
        { code: 'missing_column', path: '学校等' },
        { code: 'missing_column', path: '個人情報ファイルの種別' },
      ],
    });
    const many = csvText({
      header: template().header,
      rows: Array.from({ length: 2001 }, (_, i) => exampleRow({ name: `ファイル${i}` })),
    });
    await expect(parseRegisterFile(utf8(many))).rejects.toMatchObject({
      code: 'register.import_too_many_rows',
    });
    expect((await parseRegisterFile(utf8(many.split('\r\n').slice(0, 2001).join('\r\n')))).rows).toHaveLength(
      2000,
    );
  });

  it('refuses a value under no heading rather than dropping it', async () => {
    const t = template();
    const parsed = await parseRegisterFile(
      utf8(csvText({ header: [...t.header, ''], rows: [[...exampleRow(), '何か']] })),
    );
    expect(parsed.rows[0]!.errors.map((e) => e.code)).toEqual(['extra_cells']);
  });
});

describe('values written the ways registers write them', () => {
  it('reads 記録項目 numbered one to a line, on one line, or not numbered', () => {
    expect(splitItems('1 氏名\n2 住所\n3 電話番号')).toEqual(['氏名', '住所', '電話番号']);
    expect(splitItems('1 氏名、2 住所、3 電話番号')).toEqual(['氏名', '住所', '電話番号']);
    expect(splitItems('１．氏名\n２．住所')).toEqual(['氏名', '住所']);
    expect(splitItems('氏名\n住所')).toEqual(['氏名', '住所']);
    // Numbers that are not a 1, 2, 3… list stay part of the item.
    expect(splitItems('2 年次\n4 学期')).toEqual(['2 年次', '4 学期']);
    expect(splitItems('12誘導心電図')).toEqual(['12誘導心電図']);
    expect(splitItems('')).toEqual([]);
  });

  it('reads 種別, booleans and the grounds for not publishing', () => {
    expect(parseKind('法第60条第2項第1号（電算処理ファイル）')).toBe('computer');
    expect(parseKind('法第60条第2項第2号（マニュアル処理ファイル）')).toBe('manual');
    expect(parseKind('電算')).toBe('computer');
    expect(parseKind('マニュアル')).toBe('manual');
    expect(parseKind('第１号')).toBe('computer');
    expect(parseKind('manual')).toBe('manual');
    expect(parseKind('不明')).toBeUndefined();
    expect(parseBoolean('有')).toBe(true);
    expect(parseBoolean('該当')).toBe(true);
    expect(parseBoolean('非該当')).toBe(false);
    expect(parseBoolean('要配慮個人情報が含まれる')).toBe(true);
    expect(parseBoolean('')).toBe(false);
    expect(parseBoolean('たぶん')).toBeUndefined();
    expect(parseExemption('公表する')).toBe('none');
    expect(parseExemption('')).toBe('none');
    expect(parseExemption('人事給与')).toBe('personnel');
    expect(parseExemption('1,000人未満')).toBe('under_1000');
    expect(parseExemption('1000人未満')).toBe('under_1000');
    expect(parseExemption('他ファイルに包含')).toBe('contained');
    expect(parseExemption('事務に支障')).toBe('impede');
    expect(parseExemption('under_1000')).toBe('under_1000');
    expect(parseExemption('公表しない（本人の数が1,000人未満: 法第74条第2項第9号、令第20条第2項）')).toBe(
      'under_1000',
    );
    expect(parseExemption('秘密')).toBeUndefined();
  });
});

// ───────────────────────────── helpers ─────────────────────────────

/** The template's headings as a table without rows. */
function template(): Table {
  return { header: TEMPLATE_COLUMNS.map((k) => COLUMN_JA[k]), rows: [] };
}

/** One row in template order: the template's example with some cells changed. */
function exampleRow(over: Partial<Record<keyof typeof COLUMN_JA, string>> = {}): string[] {
  const base: Partial<Record<keyof typeof COLUMN_JA, string>> = {
    unit: '東京',
    section: '教務係',
    name: '学籍ファイル',
    department: '東京工業高等専門学校 学生課教務係',
    purpose: '学籍に関する事務',
    recordItems: '1 学生番号\n2 氏名',
    recordRange: '在籍する（した）本科学生',
    collectionMethod: '本人の届出',
    sensitive: '－',
    requestOffice: '本部事務局総務課',
    kind: '電算処理ファイル',
  };
  const values = { ...base, ...over };
  return TEMPLATE_COLUMNS.map((k) => values[k] ?? '');
}
