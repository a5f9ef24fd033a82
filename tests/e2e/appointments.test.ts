/**
 * Appointing and ending appointments in the app.browser, as the rule's appointers (A5, A6), and the
 * compliance-gap view that follows (A3–A9). Against the real built app and the demo organisation.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  chromiumAvailable,
  expectNoAxeViolations,
  openPage,
  demoApp,
  type Page,
} from '../support/browser.ts';
import { DEMO, heading, signIn } from './e2e-helpers.ts';

describe.skipIf(!chromiumAvailable())('appointments and the gap view', () => {
  const app = demoApp();
  let page: Page;

  beforeAll(async () => {
    page = await openPage(app.browser);
    // 東京高専の校長 = its 総括保護管理者 (A5), who appoints the 保護管理者 of its sections (A6).
    await signIn(page, app.server.url, DEMO.tokyoPrincipal);
  });

  async function openKyomu() {
    await page.getByRole('navigation').getByRole('link', { name: '組織' }).click();
    await page.getByRole('link', { name: '東京工業高等専門学校' }).click();
    await heading(page, /東京工業高等専門学校/);
    await page.getByRole('link', { name: '教務係' }).first().click();
    await heading(page, /教務係/);
  }

  const kyomuVacancy = () =>
    page
      .getByRole('row')
      .filter({ hasText: '教務係' })
      .filter({ hasText: '保護管理者' })
      .filter({ hasText: '欠員' });

  it('the 総括保護管理者 ends the section’s 保護管理者; the seat then shows as a vacancy', async () => {
    await openKyomu();
    await page.getByRole('button', { name: /保護管理者の任命を終了/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: '任命の終了' }).waitFor();
    await expectNoAxeViolations(page);
    await dialog.getByLabel('終了の理由').fill('人事異動のため');
    await dialog.getByRole('button', { name: '終了する' }).click();
    await page.getByText('任命を終了しました。').waitFor();

    await page.getByRole('navigation').getByRole('link', { name: 'コンプライアンス点検' }).click();
    await heading(page, 'コンプライアンス点検');
    // The demo's 教務係 has other gaps too (its open incident, A34): the seat's own row says 欠員.
    await kyomuVacancy().first().waitFor();
    await expectNoAxeViolations(page);
  });

  it('appoints a new 保護管理者, and a second one is refused with the rule’s reason', async () => {
    await openKyomu();
    const formUrl =
      page.url().replace(/\/organisation\/sections\/.*/, '') +
      ((await page.getByRole('link', { name: '保護管理者を任命する' }).getAttribute('href')) ?? '');
    await page.getByRole('link', { name: '保護管理者を任命する' }).click();
    await heading(page, '任命の登録');
    await page.getByLabel('氏名・カナ・職員番号で検索').fill(DEMO.tokyoManager);
    await page.getByRole('button', { name: '検索' }).click();
    await page.getByRole('button', { name: '選択' }).first().click();
    await page.getByLabel('根拠').fill('令和8年12月1日付け 校長決定');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: '任命を登録する' }).click();
    await page.getByText('任命を登録しました。').waitFor();

    await page.getByRole('navigation').getByRole('link', { name: 'コンプライアンス点検' }).click();
    await heading(page, 'コンプライアンス点検');
    // The list is shown (the demo's open incident of 教務係 stays, A34) and, once read again, the
    // vacancy is gone.
    await page.getByRole('row').filter({ hasText: '対応中の事案' }).first().waitFor();
    await expect.poll(() => kyomuVacancy().count(), { timeout: 15_000 }).toBe(0);

    // A6: one 保護管理者 per section. The section page no longer offers the seat; a form opened
    // earlier (another tab, a bookmark) is refused by the server with the rule's reason.
    await openKyomu();
    expect(await page.getByRole('link', { name: '保護管理者を任命する' }).count()).toBe(0);
    await page.goto(formUrl);
    await heading(page, '任命の登録');
    await page.getByLabel('氏名・カナ・職員番号で検索').fill(DEMO.tokyoOfficer);
    await page.getByRole('button', { name: '検索' }).click();
    await page.getByRole('button', { name: '選択' }).first().click();
    await page.getByLabel('根拠').fill('重ねての任命');
    await page.getByRole('button', { name: '任命を登録する' }).click();
    await page.getByText('この役職には既に任命されている方がいます').first().waitFor();
    await expectNoAxeViolations(page);
  });

  it('an ordinary staff member sees no appointing or gap screens in the navigation', async () => {
    const staff = await openPage(app.browser);
    await signIn(staff, app.server.url, DEMO.staff);
    const nav = staff.getByRole('navigation');
    await nav.getByRole('link', { name: '組織' }).waitFor();
    expect(await nav.getByRole('link', { name: 'コンプライアンス点検' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: '任命の登録' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: '職員の取込' }).count()).toBe(0);
    await staff.context().close();
  });
});
