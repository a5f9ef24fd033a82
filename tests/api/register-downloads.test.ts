/**
 * Downloads of the public register (A20-2): the CSV opens as Japanese in both encodings (decoded and
 * compared with the register), the Excel file holds the same table, a character Shift_JIS cannot
 * hold is reported instead of being replaced, a cell that looks like a formula is defused, and
 * exempt entries are in none of them.
 */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { PublicEntryView } from '../../shared/api/register.ts';
import { PUBLISHED_FIELDS } from '../../shared/register-fields.ts';
import { createHttpApp } from '../../server/app.ts';
import { buildOrg } from '../support/org-fixture.ts';
import { fileAt } from '../support/register-fixture.ts';
import { testServices } from '../support/test-services.ts';
import { expectProblem } from './support/expect-problem.ts';
import { HttpClient } from './support/http-client.ts';

const csvRows = (text: string): string[][] => {
  const rows: unknown = parse(text);
  return rows as string[][];
};

describe('downloads of the public register (A20-2)', () => {
  it('gives the same table as UTF-8 CSV, Shift_JIS CSV and Excel, without exempt entries', async () => {
    const services = await testServices('sqlite');
    const org = await buildOrg(services);
    const app = await createHttpApp(services, { ready: true });
    onTestFinished(() => app.close());
    const kyomu = { unitId: org.units.tokyo, sectionId: org.sections.tokyoKyomu };
    await fileAt(services, kyomu, 'registered');
    await fileAt(services, kyomu, 'registered', {
      name: '証明書発行ファイル',
      recordItems: ['申請日', '氏名', '証明書種別'],
      remarks: '=HYPERLINK("http://example.invalid")',
    });
    await fileAt(services, kyomu, 'registered', { name: '相談記録ファイル', exemption: 'under_1000' });
    const anonymous = new HttpClient(app);
    const entries = (await anonymous.get('/register/files.json')).json<{ entries: PublicEntryView[] }>()
      .entries;
    expect(entries.map((e) => e.name).sort()).toEqual(['学籍ファイル', '証明書発行ファイル']);

    const utf8 = await anonymous.get('/register/files.csv');
    expect(utf8.statusCode).toBe(200);
    expect(utf8.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(utf8.headers['content-disposition']).toContain("filename*=UTF-8''");
    const raw = utf8.rawPayload;
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = csvRows(raw.subarray(3).toString('utf8'));
    expect(rows[0]).toEqual(['ID', '学校等', ...PUBLISHED_FIELDS.map((f) => f.ja), '最終更新日']);
    expect(
      rows
        .slice(1)
        .map((r) => r[2])
        .sort(),
    ).toEqual(['学籍ファイル', '証明書発行ファイル']);
    const cert = rows.find((r) => r[2] === '証明書発行ファイル')!;
    expect(cert[6]).toBe('1 申請日\n2 氏名\n3 証明書種別'); // 記録項目, numbered
    expect(cert[20]).toBe(`'=HYPERLINK("http://example.invalid")`); // 備考, defused
    expect(utf8.body).not.toContain('相談記録ファイル');

    const sjis = await anonymous.get('/register/files.csv?encoding=cp932');
    expect(sjis.statusCode).toBe(200);
    expect(sjis.headers['content-type']).toBe('text/csv; charset=shift_jis');
    expect(csvRows(iconv.decode(sjis.rawPayload, 'cp932'))).toEqual(rows);

    const excel = await anonymous.get('/register/files.xlsx');
    expect(excel.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(excel.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('個人情報ファイル簿')!;
    const cells: string[][] = [];
    sheet.eachRow((row) =>
      cells.push(
        (row.values as (string | number | null)[]).slice(1).map((v) => (v === null ? '' : String(v))),
      ),
    );
    expect(cells).toEqual(rows);
  });

  it('says which character Shift_JIS cannot hold instead of replacing it', async () => {
    const services = await testServices('sqlite');
    const org = await buildOrg(services);
    const app = await createHttpApp(services, { ready: true });
    onTestFinished(() => app.close());
    await fileAt(services, { unitId: org.units.tokyo, sectionId: org.sections.tokyoKyomu }, 'registered', {
      recordRange: '𠮷田記念奨学生',
    });
    const anonymous = new HttpClient(app);
    const problem = expectProblem(
      await anonymous.get('/register/files.csv?encoding=cp932'),
      422,
      'register.csv_unrepresentable',
    );
    expect(problem.errors).toEqual([
      { row: 1, path: '記録範囲', code: 'unrepresentable_character', message: '「𠮷」' },
    ]);
    const page = await anonymous.request('GET', '/register/files.csv?encoding=cp932', undefined, {
      headers: { accept: 'text/html,application/xhtml+xml' },
    });
    expect(page.statusCode).toBe(422);
    expect(page.body).toContain('Shift_JIS（CP932）のCSVは作成できませんでした');
    expect(page.body).toContain('「𠮷」（U+20BB7）');
    expect(page.body).toContain('href="/register/files.csv"');
    // UTF-8 holds it.
    expect((await anonymous.get('/register/files.csv')).body).toContain('𠮷田記念奨学生');
  });
});
