/**
 * Importing records into the vault in the browser (issue 6), against the real built app and the
 * demo vault: the 保護担当者 of 東京 教務係 (granted create on the 学籍ファイル) chooses a CSV with one
 * bad row — the mapping is suggested from the headings, the row is listed with its line and reason,
 * 「取り込む」 stays disabled and nothing is written; with the row fixed the import runs with a
 * progress bar and its result, and the new students are in the file. Every state is axe-clean.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { csvText } from '../../server/platform/tabular/index.ts';
import {
  chromiumAvailable,
  demoApp,
  expectNoAxeViolations,
  openPage,
  type Page,
} from '../support/browser.ts';
import { DEMO, heading, signIn } from './e2e-helpers.ts';

const FILE = '学籍ファイル';
const listed = z.object({
  files: z.array(z.object({ fileId: z.string(), name: z.string(), myPermissions: z.array(z.string()) })),
});
const records = z.object({
  records: z.array(z.object({ values: z.record(z.string(), z.unknown()) })),
  next: z.string().nullable(),
});

// Fictional students, as an office would export them from another system.
const HEADER = ['学生番号', '氏名', 'フリガナ', '生年月日', '学科・学年・クラス', '電話番号'];
const GOOD = [
  ['T99001', '架空 一郎', 'カクウ イチロウ', '2010-04-02', '情報工学科1年', '090-0000-0001'],
  ['T99002', '架空 花子', 'カクウ ハナコ', '平成22年5月3日', '情報工学科1年', '090-0000-0002'],
  ['T99003', '架空 次郎', 'カクウ ジロウ', '2010-06-04', '機械工学科1年', '090-0000-0003'],
];
const BAD = GOOD.map((r, i) => (i === 1 ? [r[0]!, r[1]!, r[2]!, '2010-02-30', r[4]!, r[5]!] : r));
const csv = (rows: string[][]) => Buffer.from(csvText({ header: HEADER, rows }), 'utf8');

describe.skipIf(!chromiumAvailable())('importing records into the vault in the browser (issue 6)', () => {
  const app = demoApp();

  /** The file's records with student numbers of this test (every page). */
  async function imported(page: Page, fileId: string): Promise<string[]> {
    const numbers: string[] = [];
    for (let after = ''; ;) {
      const res = await page.request.get(
        `${app.server.url}/api/vault/files/${fileId}/records?purpose=enrolment&limit=200${after ? `&after=${after}` : ''}`,
      );
      expect(res.status()).toBe(200);
      const body = records.parse(await res.json());
      numbers.push(
        ...body.records.map((r) => String(r.values.student_number)).filter((n) => n.startsWith('T99')),
      );
      if (!body.next) return numbers;
      after = body.next;
    }
  }

  it('lists the bad row and imports nothing; the fixed file imports with a progress bar', async () => {
    const page = await openPage(app.browser);
    await signIn(page, app.server.url, DEMO.tokyoOfficer);
    await heading(page, 'ホーム');
    const res = await page.request.get(`${app.server.url}/api/vault/files`);
    const file = listed
      .parse(await res.json())
      .files.find((f) => f.name === FILE && f.myPermissions.includes('create'));
    expect(file, 'the demo grants the 保護担当者 create on the 学籍ファイル').toBeDefined();
    const fileId = file!.fileId;

    await page.goto(`${app.server.url}/vault/files/${fileId}/import?purpose=enrolment`);
    await heading(page, '記録の一括取込');
    await page.getByText(/^利用目的：学籍管理/).waitFor();
    await expectNoAxeViolations(page);

    const choose = async (rows: string[][]) => {
      await page
        .getByLabel('取り込むファイル')
        .setInputFiles({ name: 'students.csv', mimeType: 'text/csv', buffer: csv(rows) });
      await page.getByRole('button', { name: '内容を確認する' }).click();
    };
    await choose(BAD);
    await page.getByText('1 行に誤りがあるため、取り込めません。', { exact: false }).waitFor();
    const importButton = page.getByRole('button', { name: '取り込む', exact: true });
    expect(await importButton.isDisabled()).toBe(true);
    // The mapping the headings suggest, one select per field.
    expect(await page.getByLabel('学生番号', { exact: true }).inputValue()).toBe('0');
    expect(await page.getByLabel('生年月日', { exact: true }).inputValue()).toBe('3');
    expect(await page.getByLabel('現住所', { exact: true }).inputValue()).toBe('');
    // The bad row with its line and reason, never its value.
    const table = page.getByRole('table', { name: '誤りのある行と、その内容' });
    const badRow = table.getByRole('row').filter({ hasText: '生年月日' });
    expect(await badRow.getByRole('rowheader').textContent()).toBe('3');
    await badRow.getByText('生年月日: 日付を読み取れません', { exact: false }).waitFor();
    expect(await page.getByText('2010-02-30').count()).toBe(0);
    await expectNoAxeViolations(page);
    await page.screenshot({ path: '/tmp/vault-import-errors.png', fullPage: true });
    expect(await imported(page, fileId)).toEqual([]);

    await choose(GOOD);
    await page.getByText('3 件を取り込めます。').waitFor();
    await importButton.click();
    await page.getByRole('progressbar', { name: '取込の進捗' }).waitFor();
    await page.getByText('3 件を取り込みました。').waitFor();
    await page.getByText('3 / 3 件').waitFor();
    await expectNoAxeViolations(page);
    await page.screenshot({ path: '/tmp/vault-import.png', fullPage: true });
    expect((await imported(page, fileId)).sort()).toEqual(['T99001', 'T99002', 'T99003']);

    await page.getByRole('link', { name: 'ファイルの記録一覧へ' }).click();
    await heading(page, FILE);
  });
});
