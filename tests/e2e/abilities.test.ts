/**
 * Issue 3, authorisation core: the web app receives the person's abilities (CASL rules) with the
 * session and offers only what the server would allow, object by object. A 保護管理者 of 東京 教務係
 * is offered to appoint a 保護担当者 in their own section, not in 東京 図書係 (A6, A11); the 校長 of
 * 東京 may edit 東京's staff, not 長岡's (A5-2). The server refuses the rest in any case
 * (tests/api/authz-matrix.test.ts).
 */
import { describe, expect, it } from 'vitest';
import {
  chromiumAvailable,
  expectNoAxeViolations,
  openPage,
  demoApp,
  type Page,
} from '../support/browser.ts';
import { DEMO, heading, signIn } from './e2e-helpers.ts';

const TOKYO = '東京工業高等専門学校';
const NAGAOKA = '長岡工業高等専門学校';
const APPOINT_OFFICER = '保護担当者を任命する';

async function openSection(page: Page, baseUrl: string, unit: string, section: string): Promise<void> {
  await page.goto(`${baseUrl}/organisation`);
  await page.getByRole('link', { name: unit, exact: true }).click();
  await heading(page, unit);
  await page.getByRole('link', { name: section, exact: true }).first().click();
  await heading(page, new RegExp(section));
}

describe.skipIf(!chromiumAvailable())('the screens follow the abilities the server sent', () => {
  const app = demoApp();

  it('a 保護管理者 is offered appointments in their own section only', async () => {
    const page = await openPage(app.browser);
    await signIn(page, app.server.url, DEMO.tokyoManager);
    await openSection(page, app.server.url, TOKYO, '教務係');
    await page.getByRole('link', { name: APPOINT_OFFICER }).waitFor();
    await openSection(page, app.server.url, TOKYO, '図書係');
    expect(await page.getByRole('link', { name: APPOINT_OFFICER }).count()).toBe(0);
    await page.context().close();
  });

  it('a 校長 is offered to edit the staff of their own college only', async () => {
    const page = await openPage(app.browser);
    await signIn(page, app.server.url, DEMO.tokyoPrincipal);
    await openSection(page, app.server.url, TOKYO, '教務係');
    await page.getByRole('table').last().getByRole('link').first().click();
    await page.getByRole('link', { name: '編集' }).waitFor();

    await openSection(page, app.server.url, NAGAOKA, '教務係');
    await page.getByRole('table').last().getByRole('link').first().click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.getByRole('link', { name: '編集' }).count()).toBe(0);
    await page.context().close();
  });

  it('「管理」 lists only the administration screens of the person’s roles', async () => {
    const nav = (page: Page) => page.getByRole('navigation', { name: 'メインメニュー' });
    const cards = async (page: Page) =>
      (await page.getByRole('main').getByRole('listitem').allTextContents()).map((t) => t.trim());

    const admin = await openPage(app.browser);
    await signIn(admin, app.server.url, DEMO.admin);
    await nav(admin).getByRole('link', { name: '管理', exact: true }).click();
    await heading(admin, '管理');
    const adminCards = await cards(admin);
    for (const screen of [
      'アカウント管理',
      'パスワードポリシー',
      '二要素認証の必須設定',
      'シングルサインオンの設定',
    ])
      expect(
        adminCards.some((c) => c.startsWith(screen)),
        screen,
      ).toBe(true);
    await expectNoAxeViolations(admin);
    await admin.context().close();

    // A 保護管理者 approves the terminals of their area, and administers nothing else.
    const manager = await openPage(app.browser);
    await signIn(manager, app.server.url, DEMO.tokyoManager);
    await nav(manager).getByRole('link', { name: '管理', exact: true }).click();
    await heading(manager, '管理');
    const managerCards = await cards(manager);
    expect(managerCards.map((c) => c.split(/[（(]/)[0])).toHaveLength(2);
    expect(managerCards.some((c) => c.startsWith('端末の承認'))).toBe(true);
    expect(managerCards.some((c) => c.startsWith('アカウント管理'))).toBe(false);
    await manager.context().close();

    // Staff without a role have no 「管理」, and the page itself says not found.
    const staff = await openPage(app.browser);
    await signIn(staff, app.server.url, DEMO.staff);
    await nav(staff).getByRole('link', { name: 'ホーム' }).waitFor();
    expect(await nav(staff).getByRole('link', { name: '管理', exact: true }).count()).toBe(0);
    await staff.goto(`${app.server.url}/admin`);
    await staff.getByRole('heading', { level: 1 }).waitFor();
    expect(await staff.getByRole('main').getByRole('link', { name: 'アカウント管理' }).count()).toBe(0);
    await staff.context().close();
  });
});
