import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { ImportPreviewView, PersonView } from '../../shared/api/organisation.ts';
import { databases } from '../support/databases.ts';
import { apiHarness, multipart, type HttpClient } from './support/http-client.ts';
import { expectProblem } from './support/expect-problem.ts';

const HEADER = '職員番号,姓,名,姓（カナ）,名（カナ）,メールアドレス,区分,職名,学校等コード,課等';
// Fictional staff.
const GOOD_ROWS = [
  'I1001,取込,一郎,トリコミ,イチロウ,i1001@example.invalid,教職員,係長,hq,総務課',
  'I1002,取込,二子,とりこみ,ふたこ,,派遣労働者,,hq,',
];
const csv = (rows: string[]) => [HEADER, ...rows].join('\r\n') + '\r\n';

function upload(
  client: HttpClient,
  url: string,
  content: string | Buffer,
  fields: Record<string, string> = {},
) {
  const { payload, headers } = multipart({ filename: 'staff.csv', content }, fields);
  return client.post(url, undefined, { payload, headers });
}

async function preview(client: HttpClient, content: string | Buffer): Promise<ImportPreviewView> {
  const res = await upload(client, '/api/people/import/preview', content);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<ImportPreviewView>();
}

describe.each(databases)('staff import over HTTP on %s', (kind) => {
  it('previews without writing, then imports the file with its digest', async () => {
    const api = await apiHarness(kind);
    const admin = await api.signedIn(api.org.admin.employeeNumber);
    const people = await api.count('people');
    const file = csv(GOOD_ROWS);

    const seen = await preview(admin, file);
    expect(seen.encoding).toBe('utf-8');
    expect(seen.counts).toEqual({ create: 2, update: 0, unchanged: 0, invalid: 0 });
    expect(seen.rows.map((r) => [r.row, r.employeeNumber, r.action, r.errors])).toEqual([
      [2, 'I1001', 'create', []],
      [3, 'I1002', 'create', []],
    ]);
    expect(await api.count('people')).toBe(people);

    const res = await upload(admin, '/api/people/import', file, { digest: seen.digest });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect(await api.count('people')).toBe(people + 2);

    const found = (await admin.post('/api/people/search', { q: 'トリコミ' })).json<{ items: PersonView[] }>();
    expect(found.items.map((p) => [p.employeeNumber, p.givenNameKana, p.kind, p.sectionId])).toEqual([
      ['I1001', 'イチロウ', 'staff', api.org.section.id],
      ['I1002', 'フタコ', 'dispatched', null],
    ]);
    // The same file again changes nothing.
    expect((await preview(admin, file)).counts).toEqual({ create: 0, update: 0, unchanged: 2, invalid: 0 });
  });

  it('reads CP932 (Shift_JIS) and UTF-8 with BOM, detected', async () => {
    const api = await apiHarness(kind);
    const admin = await api.signedIn(api.org.admin.employeeNumber);
    const sjis = iconv.encode(csv(GOOD_ROWS), 'cp932');
    const seen = await preview(admin, sjis);
    expect(seen.encoding).toBe('cp932');
    expect(seen.rows.map((r) => r.name)).toEqual(['取込 一郎', '取込 二子']);
    const res = await upload(admin, '/api/people/import', sjis, { digest: seen.digest });
    expect(res.json()).toEqual({ created: 2, updated: 0, unchanged: 0 });

    const bom = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(csv(['I1003,取込,三郎,トリコミ,サブロウ,,教職員,,hq,'])),
    ]);
    expect((await preview(admin, bom)).encoding).toBe('utf-8-bom');
  });

  it('refuses a file with a bad row: 422 import.rows_invalid listing the rows, and writes nothing', async () => {
    const api = await apiHarness(kind);
    const admin = await api.signedIn(api.org.admin.employeeNumber);
    const people = await api.count('people');
    const audit = await api.services.ledger.count(api.services.database.db);
    const file = csv([
      ...GOOD_ROWS,
      'I1004,誤記,四郎,Goki,シロウ,,教職員,,nowhere,',
      'I1005,誤記,五郎,ゴキ,ゴロウ,,教職員,,hq,存在しない課',
    ]);

    const seen = await preview(admin, file);
    expect(seen.counts).toEqual({ create: 2, update: 0, unchanged: 0, invalid: 2 });
    const byRow = new Map(seen.rows.map((r) => [r.row, r.errors.map((e) => e.code)]));
    expect(byRow.get(4)).toEqual(expect.arrayContaining(['invalid_kana', 'unknown_unit']));
    expect(byRow.get(5)).toEqual(['unknown_section']);

    const res = await upload(admin, '/api/people/import', file, { digest: seen.digest });
    const body = expectProblem(res, 422, 'import.rows_invalid');
    expect([...new Set(body.errors?.map((e) => e.row))].sort()).toEqual([4, 5]);
    expect(body.errors).toContainEqual(
      expect.objectContaining({ row: 4, path: '姓（カナ）', code: 'invalid_kana' }),
    );
    expect(body.errors).toContainEqual(
      expect.objectContaining({ row: 5, path: '課等', code: 'unknown_section' }),
    );
    // The messages name columns, never the values.
    expect(JSON.stringify(body)).not.toMatch(/Goki|nowhere|存在しない課/);
    expect(await api.count('people')).toBe(people);
    expect(await api.services.ledger.count(api.services.database.db)).toBe(audit);
  });

  it('refuses an import whose digest does not match the preview, a broken, missing or too large file, and one without the columns', async () => {
    const api = await apiHarness(kind);
    const admin = await api.signedIn(api.org.admin.employeeNumber);
    const people = await api.count('people');
    const seen = await preview(admin, csv(GOOD_ROWS));

    expectProblem(
      await upload(admin, '/api/people/import', csv([GOOD_ROWS[0]!]), { digest: seen.digest }),
      409,
      'import.preview_expired',
    );
    expectProblem(await upload(admin, '/api/people/import', csv(GOOD_ROWS)), 409, 'import.preview_expired');
    expectProblem(
      await upload(admin, '/api/people/import/preview', Buffer.from([0x00, 0x01, 0x02, 0xff])),
      400,
      'import.invalid_file',
    );
    const columns = expectProblem(
      await upload(admin, '/api/people/import/preview', '名前,所属\r\n架空,hq\r\n'),
      400,
      'import.missing_columns',
    );
    expect(columns.errors?.map((e) => e.path)).toEqual(expect.arrayContaining(['職員番号', '学校等コード']));
    const noFile = await admin.post(
      '/api/people/import/preview',
      undefined,
      multipart({ name: 'other', filename: 'x.txt', content: '' }, { digest: 'x' }),
    );
    expectProblem(noFile, 400, 'import.invalid_file');
    const huge = multipart({ filename: 'huge.csv', content: Buffer.alloc(11 * 1024 * 1024, 0x41) });
    expectProblem(
      await admin.post('/api/people/import/preview', undefined, huge),
      413,
      'request.payload_too_large',
    );
    expect(await api.count('people')).toBe(people);
  });

  it('refuses the import to ordinary staff (403) and without a session (401)', async () => {
    const api = await apiHarness(kind);
    const staff = await api.signedIn(api.org.staff.employeeNumber);
    const people = await api.count('people');
    expectProblem(await upload(staff, '/api/people/import/preview', csv(GOOD_ROWS)), 403, 'auth.forbidden');
    expectProblem(
      await upload(staff, '/api/people/import', csv(GOOD_ROWS), { digest: 'x' }),
      403,
      'auth.forbidden',
    );
    expectProblem(
      await upload(api.client(), '/api/people/import/preview', csv(GOOD_ROWS)),
      401,
      'auth.required',
    );
    // The template is for anyone signed in: UTF-8 with BOM, the Japanese header.
    const template = await staff.get('/api/people/import/template');
    expect(template.statusCode).toBe(200);
    expect(template.headers['content-type']).toMatch(/^text\/csv/);
    expect([...template.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(template.rawPayload.subarray(3).toString('utf8')).toContain('職員番号');
    expect(await api.count('people')).toBe(people);
  });
});
