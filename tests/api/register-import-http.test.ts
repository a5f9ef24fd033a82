/**
 * Importing an existing register over HTTP (A20-1, A20-2): the template, a multipart preview that
 * writes nothing, the import tied to the preview by its digest (all rows or none), the public
 * register showing a registered import at once, and the refusals with their stable codes.
 */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it, onTestFinished } from 'vitest';
import type {
  RegisterImportPreviewView,
  RegisterImportResultView,
} from '../../shared/api/register-import.ts';
import type { PublicEntryView } from '../../shared/api/register.ts';
import { createHttpApp } from '../../server/app.ts';
import { COLUMN_JA, TEMPLATE_COLUMNS } from '../../server/modules/register/import/parse-register-file.ts';
import { csvText } from '../../server/platform/tabular/index.ts';
import { databases, type DatabaseKind } from '../support/databases.ts';
import { buildOrg, type PersonKey } from '../support/org-fixture.ts';
import { testServices } from '../support/test-services.ts';
import { expectProblem } from './support/expect-problem.ts';
import { HttpClient, multipart, sessionClient } from './support/http-client.ts';

// Every file below is fictional.

type Row = Partial<Record<keyof typeof COLUMN_JA, string>>;
const BASE: Row = {
  unit: '東京',
  section: '教務係',
  department: '東京工業高等専門学校 学生課教務係',
  purpose: '学籍に関する事務に利用する。',
  recordItems: '1 学生番号\n2 氏名',
  recordRange: '在籍する（した）本科学生',
  collectionMethod: '本人の届出',
  requestOffice: '本部事務局総務課',
  kind: '電算処理ファイル',
};
const table = (rows: Row[]) => ({
  header: TEMPLATE_COLUMNS.map((k) => COLUMN_JA[k]),
  rows: rows.map((r) => TEMPLATE_COLUMNS.map((k) => ({ ...BASE, ...r })[k] ?? '')),
});
const csv = (rows: Row[]) => csvText(table(rows));

async function setUp(kind: DatabaseKind) {
  const services = await testServices(kind);
  const org = await buildOrg(services);
  await org.appoint('president', 'chief_manager', 'director1');
  const app = await createHttpApp(services, { ready: true });
  onTestFinished(() => app.close());
  const as = (person: PersonKey) => sessionClient(app, services, org.people[person]);
  const count = async () =>
    Number(
      (
        await services.database.db
          .selectFrom('register_files')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { services, org, app, as, count };
}

function upload(
  client: HttpClient,
  url: string,
  content: string | Buffer,
  fields: Record<string, string> = {},
) {
  const { payload, headers } = multipart({ filename: 'register.csv', content }, fields);
  return client.post(url, undefined, { payload, headers });
}

async function preview(client: HttpClient, content: string | Buffer, mode = 'draft') {
  const res = await upload(client, '/api/register/import/preview', content, { mode });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<RegisterImportPreviewView>();
}

describe.each(databases)('importing a register over HTTP on %s', (kind) => {
  it('previews without writing, imports drafts with the digest, and refuses a stale or bad file', async () => {
    const { as, count } = await setUp(kind);
    const manager = await as('tokyoKyomuHead');
    const file = csv([{ name: '学籍ファイル' }, { name: '成績ファイル' }]);

    const seen = await preview(manager, file);
    expect(seen).toMatchObject({ format: 'utf-8', mode: 'draft', valid: 2, invalid: 0, ignoredColumns: [] });
    expect(seen.rows.map((r) => [r.line, r.unitName, r.sectionName, r.name])).toEqual([
      [2, '東京', '教務係', '学籍ファイル'],
      [3, '東京', '教務係', '成績ファイル'],
    ]);
    expect(await count()).toBe(0);

    // Another file with the digest of the first, or no digest at all: stale.
    expectProblem(
      await upload(manager, '/api/register/import', csv([{ name: '別' }]), { digest: seen.digest }),
      409,
      'register.import_stale',
    );
    expectProblem(await upload(manager, '/api/register/import', file), 409, 'register.import_stale');
    expect(await count()).toBe(0);

    const res = await upload(manager, '/api/register/import', file, { digest: seen.digest });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<RegisterImportResultView>()).toMatchObject({ mode: 'draft', imported: 2, published: 0 });
    expect(await count()).toBe(2);
    const listed = (await manager.get('/api/register/files')).json<{
      files: { name: string; status: string }[];
    }>();
    expect(listed.files.map((f) => [f.name, f.status]).sort()).toEqual([
      ['学籍ファイル', 'draft'],
      ['成績ファイル', 'draft'],
    ]);

    // A file with one bad row: every row listed in the preview, 422 on import, nothing written.
    const bad = csv([{ name: '図書ファイル' }, { name: '誤記ファイル', kind: '不明な種別' }]);
    const badSeen = await preview(manager, bad);
    expect(badSeen).toMatchObject({ valid: 1, invalid: 1 });
    const [kindError, ...others] = badSeen.rows[1]!.errors;
    expect(others).toEqual([]);
    expect(kindError).toMatchObject({ column: '個人情報ファイルの種別', code: 'invalid_value' });
    expect(kindError!.message.ja).toContain('「個人情報ファイルの種別」の値を読み取れません');
    expect(kindError!.message.en).toContain('"Kind of file" could not be read');
    const refused = expectProblem(
      await upload(manager, '/api/register/import', bad, { digest: badSeen.digest }),
      422,
      'register.import_has_errors',
    );
    expect(refused.errors).toEqual([
      expect.objectContaining({ row: 3, path: '個人情報ファイルの種別', code: 'invalid_value' }),
    ]);
    expect(JSON.stringify(refused)).not.toContain('不明な種別');
    expect(await count()).toBe(2);
  });

  it('reads Shift_JIS and Excel uploads, and refuses what it cannot read', async () => {
    const { as, count } = await setUp(kind);
    const manager = await as('tokyoKyomuHead');
    const sjis = await preview(manager, iconv.encode(csv([{ name: '学籍ファイル' }]), 'cp932'));
    expect(sjis).toMatchObject({ format: 'cp932', valid: 1 });
    expect(sjis.rows[0]!.name).toBe('学籍ファイル');

    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('ファイル簿');
    const t = table([{ name: '成績ファイル' }]);
    sheet.addRow(t.header);
    for (const r of t.rows) sheet.addRow(r);
    const xlsx = Buffer.from(await book.xlsx.writeBuffer());
    const seen = await preview(manager, xlsx);
    expect(seen).toMatchObject({ format: 'xlsx', valid: 1 });
    const res = await upload(manager, '/api/register/import', xlsx, { digest: seen.digest });
    expect(res.statusCode, res.body).toBe(201);
    expect(await count()).toBe(1);

    expectProblem(
      await upload(manager, '/api/register/import/preview', Buffer.from([0, 1, 2, 0xff])),
      400,
      'register.import_invalid_file',
    );
    const missing = expectProblem(
      await upload(manager, '/api/register/import/preview', '名称,所属\r\n架空,東京\r\n'),
      400,
      'register.import_missing_columns',
    );
    expect(missing.errors?.map((e) => e.path)).toEqual(
      expect.arrayContaining(['学校等', '個人情報ファイルの種別']),
    );
    expectProblem(
      await upload(manager, '/api/register/import/preview', csv([])),
      400,
      'register.import_empty',
    );
    expectProblem(
      await upload(manager, '/api/register/import/preview', csv([{ name: 'x' }]), { mode: 'published' }),
      400,
      'request.invalid',
    );
    const huge = multipart({ filename: 'huge.csv', content: Buffer.alloc(11 * 1024 * 1024, 0x41) });
    expectProblem(
      await manager.post('/api/register/import/preview', undefined, huge),
      413,
      'request.payload_too_large',
    );
    expect(await count()).toBe(1);
  });

  it('registers an approved register for the 総括管理者 only; the public register shows it at once', async () => {
    const { as, app, count } = await setUp(kind);
    const file = csv([
      { name: '学籍ファイル' },
      { name: '相談記録ファイル', exemption: '1000人未満' },
      { name: '長岡の学籍ファイル', unit: '長岡' },
    ]);
    // The 校長 may draft in 東京 but not register; nobody without a register role may even preview.
    const principal = await as('tokyoPrincipal');
    expectProblem(
      await upload(principal, '/api/register/import/preview', file, { mode: 'registered' }),
      403,
      'auth.forbidden',
    );
    expectProblem(
      await upload(await as('tokyoKyomuStaff1'), '/api/register/import/preview', file),
      403,
      'auth.forbidden',
    );
    expectProblem(
      await upload(new HttpClient(app), '/api/register/import/preview', file),
      401,
      'auth.required',
    );
    // In draft mode the 校長 sees that 長岡 is not theirs, and the import is refused (403, audited).
    const drafted = await preview(principal, file);
    expect(drafted.rows.map((r) => r.errors.map((e) => e.code))).toEqual([[], [], ['forbidden_unit']]);
    expectProblem(
      await upload(principal, '/api/register/import', file, { digest: drafted.digest }),
      403,
      'auth.forbidden',
    );
    expect(await count()).toBe(0);

    const director = await as('director1');
    const seen = await preview(director, file, 'registered');
    expect(seen.rows.map((r) => [r.name, r.published, r.errors])).toEqual([
      ['学籍ファイル', true, []],
      ['相談記録ファイル', false, []],
      ['長岡の学籍ファイル', true, []],
    ]);
    const res = await upload(director, '/api/register/import', file, {
      digest: seen.digest,
      mode: 'registered',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<RegisterImportResultView>()).toMatchObject({ imported: 3, published: 2 });

    const anonymous = new HttpClient(app);
    const entries = (await anonymous.get('/register/files.json')).json<{ entries: PublicEntryView[] }>()
      .entries;
    expect(entries.map((e) => [e.unitName, e.name]).sort()).toEqual([
      ['東京', '学籍ファイル'],
      ['長岡', '長岡の学籍ファイル'],
    ]);
    const page = await anonymous.get('/register');
    expect(page.body).toContain('長岡の学籍ファイル');
    expect(page.body).not.toContain('相談記録ファイル');
    // Imported again, every row is a name the section already holds.
    const again = await preview(director, file, 'registered');
    expect(again.rows.flatMap((r) => r.errors.map((e) => e.code))).toEqual([
      'duplicate_existing',
      'duplicate_existing',
      'duplicate_existing',
    ]);
  });

  it('gives the template to anyone signed in: UTF-8 with BOM, headings and an example that imports', async () => {
    const { as } = await setUp(kind);
    const manager = await as('tokyoKyomuHead');
    const res = await manager.get('/api/register/import/template');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toContain('register-template.csv');
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = res.rawPayload.subarray(3).toString('utf8');
    expect(text.split('\r\n')[0]).toBe(TEMPLATE_COLUMNS.map((k) => COLUMN_JA[k]).join(','));
    const seen = await preview(manager, res.rawPayload);
    expect(seen).toMatchObject({ format: 'utf-8-bom', valid: 1, invalid: 0 });
  });
});
