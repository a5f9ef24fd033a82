import { describe, expect, it } from 'vitest';
import { csvCp932, csvUtf8, xlsx } from './index.ts';
import { readSheet } from './read-sheet.ts';

const table = { header: ['学生番号', '氏名'], rows: [['2026001', '高専 花子']] };
const invalidFile = 'import.invalid_file' as const;

describe('readSheet: the rows of an uploaded CSV or workbook, for any import', () => {
  it('reads CSV in UTF-8 and Shift_JIS, and an Excel workbook, with the lines a spreadsheet shows', async () => {
    const cp932 = csvCp932(table);
    if (!cp932.ok) throw new Error('fixture must encode in CP932');
    for (const [format, bytes] of [
      ['utf-8-bom', csvUtf8(table)],
      ['cp932', cp932.body],
      ['xlsx', await xlsx(table, '名簿', '名簿')],
    ] as const) {
      expect(await readSheet(bytes, { invalidFile })).toEqual({
        format,
        headings: ['学生番号', '氏名'],
        records: [{ line: 2, cells: ['2026001', '高専 花子'] }],
      });
    }
  });

  it("answers with the caller's own error for a file it cannot read", async () => {
    for (const code of ['import.invalid_file', 'register.import_invalid_file'] as const) {
      for (const bytes of [new Uint8Array([0, 1, 2]), new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9])])
        await expect(readSheet(bytes, { invalidFile: code })).rejects.toMatchObject({ code });
    }
  });

  it('says on which row a CSV breaks, never what it holds', async () => {
    const bytes = new TextEncoder().encode('学生番号,氏名\n2026001,"高専 花子\n');
    const e = await readSheet(bytes, { invalidFile }).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: invalidFile, details: [{ row: 2 }] });
    expect(JSON.stringify(e)).not.toContain('高専');
  });
});
