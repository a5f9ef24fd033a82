/**
 * Importing an existing register in the browser (A20-1, A20-2), against the real built app and the
 * demo: the 総括管理者 chooses a Shift_JIS CSV with one bad row — every row is listed, the bad one with
 * its error, and the import stays disabled; with the row corrected the file registers at once and the
 * public register shows the published entry, not the exempt one. Every state of the page is axe-clean.
 */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { COLUMN_JA, TEMPLATE_COLUMNS } from '../../server/modules/register/import/parse-register-file.ts';
import { csvText } from '../../server/platform/tabular/index.ts';
import { chromiumAvailable, demoApp, expectNoAxeViolations, openPage } from '../support/browser.ts';
import { DEMO, heading, signIn } from './e2e-helpers.ts';

// Fictional files, saved the way Excel on a Japanese PC saves a CSV (Shift_JIS, CRLF).
type Row = Partial<Record<keyof typeof COLUMN_JA, string>>;
const BASE: Row = {
  unit: '東京',
  department: '東京工業高等専門学校 学生課教務係',
  purpose: '補講の受講管理に利用する。',
  recordItems: '1 学生番号\n2 氏名\n3 受講科目',
  recordRange: '補講を受講する学生',
  collectionMethod: '本人の申込',
  sensitive: '－',
  requestOffice: '独立行政法人国立高等専門学校機構 本部事務局総務課（東京都八王子市東浅川町701-2）',
  kind: '法第60条第2項第1号（電算処理ファイル）',
};
const GOOD: Row[] = [
  { section: '教務係', name: '補講受講者ファイル（取込）' },
  { section: '図書係', name: '図書館利用相談記録（取込）', exemption: '1000人未満' },
];
const BAD: Row[] = [...GOOD, { section: '存在しない係', name: '誤記のあるファイル' }];
const file = (rows: Row[]) =>
  iconv.encode(
    csvText({
      header: TEMPLATE_COLUMNS.map((k) => COLUMN_JA[k]),
      rows: rows.map((r) => TEMPLATE_COLUMNS.map((k) => ({ ...BASE, ...r })[k] ?? '')),
    }),
    'cp932',
  );

describe.skipIf(!chromiumAvailable())('importing a register in the browser (A20-1, A20-2)', () => {
  const app = demoApp();

  it('shows each row’s errors and imports nothing; the corrected file registers and is public at once', async () => {
    const page = await openPage(app.browser);
    await signIn(page, app.server.url, DEMO.chiefManager);
    await heading(page, 'ホーム');
    await page
      .getByRole('navigation', { name: 'メインメニュー' })
      .getByRole('link', { name: '個人情報ファイル簿' })
      .click();
    await heading(page, '個人情報ファイル簿');
    await page.getByRole('link', { name: '一括取込' }).click();
    await heading(page, '個人情報ファイル簿の一括取込');
    // The 総括管理者 registers; drafting is the sections' (A20-1).
    expect(await page.getByRole('radio', { name: '下書きとして取り込む' }).count()).toBe(0);
    expect(await page.getByRole('radio', { name: '登録済みとして取り込む' }).isChecked()).toBe(true);
    await expectNoAxeViolations(page);

    const choose = async (rows: Row[]) => {
      await page
        .getByLabel('取り込むファイル')
        .setInputFiles({ name: 'register.csv', mimeType: 'text/csv', buffer: file(rows) });
      await page.getByRole('button', { name: '内容を確認する' }).click();
    };
    await choose(BAD);
    await page.getByText('誤りのある行が 1 件あるため取り込めません。', { exact: false }).waitFor();
    const importButton = page.getByRole('button', { name: '取り込む', exact: true });
    expect(await importButton.isDisabled()).toBe(true);
    const table = page.getByRole('table', { name: '取込内容の確認' });
    // The bad row first, with its row number and the reason in Japanese.
    const badRow = table.getByRole('row').filter({ hasText: '誤記のあるファイル' });
    expect(await badRow.getByRole('rowheader').textContent()).toBe('4');
    await badRow.getByText('「課等」に一致する課等がこの学校等に登録されていません。').waitFor();
    expect(await table.locator('tbody tr').count()).toBe(3);
    await page.getByText('ファイルの形式：CSV (Shift_JIS)').waitFor();
    await expectNoAxeViolations(page);
    await page.screenshot({ path: '/tmp/register-import.png', fullPage: true });

    await choose(GOOD);
    await page.getByText('誤りはありません。「取り込む」を押すと 2 件を登録します。').waitFor();
    await importButton.click();
    await page.getByText('2 件の個人情報ファイルを登録しました（うち公開 1 件）。').waitFor();
    expect(await importButton.isDisabled()).toBe(true);
    await expectNoAxeViolations(page);

    // The staff register lists both; the public register the published one only (A20-2, 法74②).
    await page.getByRole('link', { name: '個人情報ファイル簿へ' }).click();
    await heading(page, '個人情報ファイル簿');
    await page.getByRole('link', { name: '補講受講者ファイル（取込）' }).waitFor();
    await page.getByRole('link', { name: '図書館利用相談記録（取込）' }).waitFor();
    await page.goto(`${app.server.url}/register?q=${encodeURIComponent('取込')}`);
    await page.getByRole('link', { name: '補講受講者ファイル（取込）' }).waitFor();
    expect(await page.getByText('図書館利用相談記録（取込）').count()).toBe(0);
  });
});
