/**
 * Staff import from CSV (A3) by the システム管理者, and first-run setup without the demo, in Chromium
 * against the real built app.
 */
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chromiumAvailable,
  expectNoAxeViolations,
  launchBrowser,
  openPage,
  startServer,
  type Browser,
  type RunningServer,
} from '../support/browser.ts';
import { DEMO, heading, signIn } from './e2e-helpers.ts';

const HEADER = '職員番号,姓,名,姓（カナ）,名（カナ）,メールアドレス,区分,職名,学校等コード,課等';
// Fictional people; the file is saved the way Excel on a Japanese PC saves it (Shift_JIS, CRLF).
const GOOD = [
  HEADER,
  'T900001,架空,一郎,カクウ,イチロウ,ichiro@example.jp,教職員,係員,tokyo,教務係',
  'T900002,試験,花子,シケン,ハナコ,,派遣労働者,,tokyo,図書係',
];
const BAD = [...GOOD, 'T900003,不正,太郎,ふせい,タロウ,not-an-email,教職員,,nowhere,'];
const asCp932 = (lines: string[]) => iconv.encode(lines.join('\r\n') + '\r\n', 'cp932');

describe.skipIf(!chromiumAvailable())('staff import and first-run setup', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  describe('importing staff (A3)', () => {
    let server: RunningServer;
    beforeAll(async () => {
      server = await startServer({ RATE_LIMIT_PER_MINUTE: '100000' });
    });
    afterAll(async () => {
      await server?.stop();
    });

    it('a file with a bad row shows each error and imports nothing; the corrected file imports', async () => {
      const page = await openPage(browser);
      await signIn(page, server.url, DEMO.admin);
      await page.getByRole('navigation').getByRole('link', { name: '職員の取込' }).click();
      await heading(page, '職員の取込');
      await expectNoAxeViolations(page);

      await page
        .getByLabel('CSVファイル')
        .setInputFiles({ name: 'staff.csv', mimeType: 'text/csv', buffer: asCp932(BAD) });
      await page.getByRole('button', { name: '内容を確認する' }).click();
      await page.getByText('誤りのある行が 1 件あるため取り込めません。', { exact: false }).waitFor();
      expect(await page.getByRole('button', { name: '取り込む' }).isDisabled()).toBe(true);
      await page.getByText('学校等コードが登録されていません').waitFor();
      await expectNoAxeViolations(page);

      await page
        .getByLabel('CSVファイル')
        .setInputFiles({ name: 'staff.csv', mimeType: 'text/csv', buffer: asCp932(GOOD) });
      await page.getByRole('button', { name: '内容を確認する' }).click();
      await page.getByText('誤りはありません。').waitFor();
      await page.getByRole('button', { name: '取り込む' }).click();
      await page.getByText('取り込みが完了しました。新規 2 件、更新 0 件、変更なし 0 件。').waitFor();

      await page.goto(`${server.url}/people`);
      await page.getByRole('textbox').first().fill('T900001');
      await page.getByRole('button', { name: '検索' }).click();
      await page.getByRole('link', { name: '架空 一郎' }).waitFor();
    });
  });

  describe('first-run setup (MAMORI_DEMO=0)', () => {
    let server: RunningServer;
    beforeAll(async () => {
      server = await startServer({ MAMORI_DEMO: '0', RATE_LIMIT_PER_MINUTE: '100000' });
    });
    afterAll(async () => {
      await server?.stop();
    });

    it('asks for the token printed on the console and signs the first administrator in', async () => {
      const token = /setup token: (\S+)/.exec(server.stdout())?.[1];
      expect(token).toBeTruthy();
      const page = await openPage(browser);
      await page.goto(`${server.url}/login`);
      await page.getByRole('link', { name: '初期設定へ進む' }).click();
      await heading(page, '初期設定');
      await expectNoAxeViolations(page);

      await page.getByLabel('セットアップ用トークン').fill('wrong-token');
      await page.getByLabel('職員番号').fill('A0001');
      await page.getByLabel('氏', { exact: true }).fill('管理');
      await page.getByLabel('名', { exact: true }).fill('一子');
      await page.getByLabel('氏（カナ）').fill('カンリ');
      await page.getByLabel('名（カナ）').fill('カズコ');
      await page.getByLabel('メールアドレス').fill('admin@example.jp');
      await page.getByLabel('パスワード', { exact: true }).fill('a-long-enough-password');
      await page.getByLabel('パスワード（確認）').fill('a-long-enough-password');
      await page.getByRole('button', { name: '登録してログイン' }).click();
      await page.getByText('セットアップ用トークンが正しくありません').first().waitFor();

      await page.getByLabel('セットアップ用トークン').fill(token!);
      await page.getByRole('button', { name: '登録してログイン' }).click();
      await heading(page, 'ホーム');
      await page.getByText('システム管理者').first().waitFor();
      await expectNoAxeViolations(page);
    });
  });
});
