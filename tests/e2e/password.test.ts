/**
 * Passwords in the browser (A21, A21-2): a person changes their own password with the policy shown
 * and the broken rules listed; a システム管理者 sees a locked account in 「アカウント管理」 and unlocks
 * it; the password policy page (axe-clean) records a review. Against the built app and the demo.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/modules/organisation/demo/load-demo.ts';
import {
  chromiumAvailable,
  expectNoAxeViolations,
  openPage,
  demoApp,
  type Page,
} from '../support/browser.ts';
import { DEMO, heading, signIn } from './e2e-helpers.ts';

const NEW_PASSWORD = 'Quiet-Lantern-Orbit-71';

/** 「管理」 in the main menu, then one of its screens. */
async function openAdmin(page: Page, screen: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'メインメニュー' })
    .getByRole('link', { name: '管理', exact: true })
    .click();
  await heading(page, '管理');
  await page.getByRole('main').getByRole('link', { name: screen }).click();
}

describe.skipIf(!chromiumAvailable())('passwords and accounts in the browser (A21-2)', () => {
  // No slow-down between the failed sign-ins made here (tested over HTTP with a controllable clock).
  const app = demoApp({ LOGIN_SLOWDOWN_MAX_SECONDS: '0' });

  it('changes one’s own password: the rules are shown, a weak one is refused with reasons', async () => {
    const page = await openPage(app.browser);
    await signIn(page, app.server.url, DEMO.staff);
    await page.goto(`${app.server.url}/account/sessions`);
    await page.getByRole('link', { name: 'パスワードを変更する' }).click();
    await heading(page, 'パスワードの変更');
    await page.getByText('12文字以上、256文字以下にしてください。').waitFor();
    await expectNoAxeViolations(page);

    await page.getByLabel('現在のパスワード').fill(DEMO_PASSWORD);
    await page.getByLabel('新しいパスワード', { exact: true }).fill('password1234');
    await page.getByLabel('新しいパスワード（確認）').fill('password1234');
    await page.getByRole('button', { name: 'パスワードを変更する' }).click();
    await page.getByText('よく使われるパスワードのため使用できません。').waitFor();
    await expectNoAxeViolations(page);

    await page.getByLabel('新しいパスワード', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('新しいパスワード（確認）').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'パスワードを変更する' }).click();
    await page.getByText('パスワードを変更しました。').waitFor();
    await page.context().close();

    const again = await openPage(app.browser);
    await signIn(again, app.server.url, DEMO.staff, NEW_PASSWORD);
    expect((await again.request.get(`${app.server.url}/api/session`)).status()).toBe(200);
    await again.context().close();
  }, 120_000);

  it('shows a locked account to the システム管理者, who unlocks it from the person’s account page', async () => {
    const anon = await openPage(app.browser);
    const { token } = (await (await anon.request.get(`${app.server.url}/api/csrf`)).json()) as {
      token: string;
    };
    for (let i = 0; i < 5; i++)
      await anon.request.post(`${app.server.url}/api/auth/login`, {
        headers: { 'x-csrf-token': token },
        data: { employeeNumber: DEMO.tokyoOfficer, password: 'not-the-password-at-all' },
      });
    await anon.context().close();

    const admin = await openPage(app.browser);
    await signIn(admin, app.server.url, DEMO.admin);
    await openAdmin(admin, 'アカウント管理');
    await heading(admin, 'アカウント管理');
    const table = admin.getByRole('table', { name: '対応が必要なアカウント' });
    await table.waitFor();
    await expectNoAxeViolations(admin);
    await table
      .getByRole('link', { name: /アカウントの詳細/ })
      .first()
      .click();
    await heading(admin, /さんのアカウント$/);
    await admin.locator('section#factors').waitFor({ state: 'attached' });
    await admin.getByRole('table', { name: '最近のログイン' }).waitFor();
    await expectNoAxeViolations(admin);
    await admin.getByRole('button', { name: 'ロックを解除' }).click();
    await admin.getByText('ロックを解除しました。').waitFor();
    await admin.getByText('このアカウントはロックされていません。').waitFor();
    await admin.context().close();

    const officer = await openPage(app.browser);
    await signIn(officer, app.server.url, DEMO.tokyoOfficer);
    expect((await officer.request.get(`${app.server.url}/api/session`)).status()).toBe(200);
    await officer.context().close();
  }, 120_000);

  it('shows the password policy (axe-clean) and records a review', async () => {
    const admin = await openPage(app.browser);
    await signIn(admin, app.server.url, DEMO.admin);
    await openAdmin(admin, 'パスワードポリシー');
    await heading(admin, 'パスワードポリシー');
    await admin.getByLabel('最小文字数').waitFor();
    expect(await admin.getByLabel('最小文字数').inputValue()).toBe('12');
    await expectNoAxeViolations(admin);
    await admin.getByLabel('見直しの内容（記録として残ります）').fill('情報セキュリティ委員会で確認した。');
    await admin.getByLabel('次回の見直し期限（YYYY-MM-DD）').fill('2099-04-01');
    await admin.getByRole('button', { name: '見直しを記録' }).click();
    await admin.getByText('見直しを記録しました。').waitFor();
    await admin.getByText('情報セキュリティ委員会で確認した。').waitFor();
    await expectNoAxeViolations(admin);
    await admin.context().close();

    // The 総括管理者 reads the policy but cannot change it.
    const chief = await openPage(app.browser);
    await signIn(chief, app.server.url, DEMO.chiefManager);
    await openAdmin(chief, 'パスワードポリシー');
    await heading(chief, 'パスワードポリシー');
    await chief.getByText('この設定を変更できるのはシステム管理者です。').waitFor();
    expect(await chief.getByRole('button', { name: '設定を保存' }).count()).toBe(0);
    expect(await chief.getByRole('button', { name: '見直しを記録' }).count()).toBe(0);
    await chief.context().close();
  }, 120_000);

  it('a temporary password set by the システム管理者 must be changed at the next sign-in', async () => {
    const officer = await openPage(app.browser);
    await signIn(officer, app.server.url, DEMO.tokyoOfficer);
    const me = (await (await officer.request.get(`${app.server.url}/api/session`)).json()) as {
      person: { id: string };
    };

    const admin = await openPage(app.browser);
    await signIn(admin, app.server.url, DEMO.admin);
    await admin.goto(`${app.server.url}/people/${me.person.id}`);
    await admin.getByRole('link', { name: /アカウントの管理/ }).click();
    await heading(admin, /さんのアカウント$/);
    await admin.getByLabel('仮のパスワード').fill('Harbour-Maple-Signal-58');
    await admin.getByRole('button', { name: 'パスワードを再設定' }).click();
    await admin.getByText('パスワードを再設定しました。').waitFor();
    await admin.getByText('次回のログイン時にパスワードの変更が必要です。').waitFor();
    await admin.context().close();
    // Their session ended with the reset.
    expect((await officer.request.get(`${app.server.url}/api/session`)).status()).toBe(401);
    await officer.context().close();

    const again = await openPage(app.browser);
    await signIn(again, app.server.url, DEMO.tokyoOfficer, 'Harbour-Maple-Signal-58');
    await again.waitForURL((url) => url.pathname === '/account/password');
    await again
      .getByText('パスワードの変更が必要です。新しいパスワードを設定するまで、ほかの画面は使えません。')
      .waitFor();
    await expectNoAxeViolations(again);
    await again.goto(`${app.server.url}/people`);
    await again.waitForURL((url) => url.pathname === '/account/password');
    await again.getByLabel('現在のパスワード').fill('Harbour-Maple-Signal-58');
    await again.getByLabel('新しいパスワード', { exact: true }).fill(NEW_PASSWORD);
    await again.getByLabel('新しいパスワード（確認）').fill(NEW_PASSWORD);
    await again.getByRole('button', { name: 'パスワードを変更する' }).click();
    await again.getByText('パスワードを変更しました。').waitFor();
    await again.goto(`${app.server.url}/people`);
    await heading(again, '教職員');
    await again.context().close();
  }, 120_000);
});
