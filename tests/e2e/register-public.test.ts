/**
 * The public register in the browser (A20-2, 法75): anyone, without signing in and without
 * JavaScript on the page, lists and searches the published files, opens one as a 単票 and prints it;
 * the pages are axe-clean (JIS X 8341-3 AA) and carry an accessibility statement. Against the built
 * app and the demo register (demo-data.md).
 */
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, demoApp, expectNoAxeViolations, openPage } from '../support/browser.ts';

describe.skipIf(!chromiumAvailable())('the public register in the browser (A20)', () => {
  const app = demoApp();

  it('lists, searches and shows a file as a 単票, without JavaScript, axe-clean, and prints without the search', async () => {
    // The pages work with JavaScript switched off: the search is a plain form.
    const noJs = await openPage(app.browser, { javaScriptEnabled: false });
    await noJs.goto(`${app.server.url}/register`);
    await noJs.getByLabel('記録項目').fill('アレルギー');
    await noJs.getByRole('button', { name: '検索' }).click();
    await noJs.getByRole('status').filter({ hasText: '1件' }).waitFor();
    await noJs.getByRole('link', { name: '学生寮（寄宿舎）入寮者ファイル' }).waitFor();
    await noJs.context().close();

    // axe needs JavaScript in the browser to analyse; the pages themselves carry none.
    const page = await openPage(app.browser);
    await page.goto(`${app.server.url}/register`);
    await page.getByRole('heading', { level: 1, name: '個人情報ファイル簿' }).waitFor();
    expect(await page.locator('script').count()).toBe(0);
    const table = page.getByRole('table', { name: '個人情報ファイルの一覧' });
    expect(await table.locator('tbody tr').count()).toBe(14);
    await expectNoAxeViolations(page);

    // Free text, as typed with a full-width space; the exempt 職員定期健康診断ファイル is never listed.
    await page.getByLabel('フリーワード').fill('健康診断　学生');
    await page.getByRole('button', { name: '検索' }).click();
    await page.getByRole('status').filter({ hasText: '1件' }).waitFor();
    const names = await table.locator('tbody th').allTextContents();
    expect(names).toEqual(['学生定期健康診断ファイル']);
    await expectNoAxeViolations(page);

    // By field and kind: the manual files of 東京.
    await page.goto(`${app.server.url}/register`);
    await page.getByLabel('学校等').selectOption({ label: '東京' });
    await page.getByLabel('種別').selectOption({ label: 'マニュアル処理ファイル' });
    await page.getByRole('button', { name: '検索' }).click();
    await page.getByRole('status').filter({ hasText: '1件' }).waitFor();
    expect(await table.locator('tbody th').allTextContents()).toEqual(['学生指導要録']);

    await table.getByRole('link', { name: '学生指導要録' }).click();
    await page.getByRole('heading', { level: 1, name: '学生指導要録' }).waitFor();
    const sheet = page.getByRole('table', { name: '個人情報ファイル簿（単票）' });
    expect(await sheet.locator('tbody tr').count()).toBe(19);
    await sheet.getByText('法第60条第2項第2号（マニュアル処理ファイル）').waitFor();
    await sheet.getByText('転学先の学校長（写し）').waitFor();
    await expectNoAxeViolations(page);

    // Printing keeps the 単票 and drops the site's header, search and links.
    await page.emulateMedia({ media: 'print' });
    expect(await sheet.isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: '個人情報ファイル簿の一覧へ戻る' }).isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });

    await page.getByRole('link', { name: 'ウェブアクセシビリティ方針' }).click();
    await page.getByRole('heading', { level: 1, name: 'ウェブアクセシビリティ方針' }).waitFor();
    await page.getByText('JIS X 8341-3:2016', { exact: false }).waitFor();
    await expectNoAxeViolations(page);
  });
});
