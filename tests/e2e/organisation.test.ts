/**
 * A new user's first minutes, in Chromium against the real built app with the demo organisation:
 * sign in, browse units and sections, search people, switch language and calendar. Every page
 * must pass axe-core (WCAG 2.1 AA) with no violations.
 */
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, expectNoAxeViolations, openPage, demoApp } from '../support/browser.ts';
import { DEMO, heading, signIn, submitSignIn } from './e2e-helpers.ts';

describe.skipIf(!chromiumAvailable())('browsing the organisation (A3–A9)', () => {
  const app = demoApp();

  it('prints how to sign in as each role, and asks for sign-in before anything else', async () => {
    expect(app.server.stdout()).toContain(`${DEMO.chiefManager}  総括管理者`);
    const page = await openPage(app.browser);
    await page.goto(`${app.server.url}/organisation`);
    await page.waitForURL(/\/login/);
    await heading(page, 'ログイン');
    expect(await page.locator('html').getAttribute('lang')).toBe('ja');
    await expectNoAxeViolations(page);
  });

  it('refuses a wrong password with a message in Japanese', async () => {
    const page = await openPage(app.browser);
    await submitSignIn(page, app.server.url, DEMO.staff, 'wrong-password-123');
    await page.getByText('職員番号またはパスワードが正しくありません。').first().waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    await expectNoAxeViolations(page);
  });

  it('shows the units, a college with its sections, a section with its staff and appointments', async () => {
    const page = await openPage(app.browser);
    await signIn(page, app.server.url, DEMO.chiefManager);
    await heading(page, 'ホーム');
    await expectNoAxeViolations(page);

    await page.getByRole('navigation').getByRole('link', { name: '組織' }).click();
    await page.getByRole('link', { name: '東京工業高等専門学校' }).waitFor();
    expect(await page.getByRole('link', { name: /高等専門学校$/ }).count()).toBe(51);
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: '東京工業高等専門学校' }).click();
    await heading(page, /東京工業高等専門学校/);
    await page.getByRole('link', { name: '教務係' }).first().waitFor();
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: '教務係' }).first().click();
    await heading(page, /教務係/);
    await page.getByText('保護管理者').first().waitFor();
    await expectNoAxeViolations(page);
  });

  it('finds a person by kana and shows their appointment history', async () => {
    const page = await openPage(app.browser);
    await signIn(page, app.server.url, DEMO.tokyoPrincipal);
    await page.goto(`${app.server.url}/people`);
    await page.getByRole('textbox').first().fill(DEMO.tokyoManager);
    await page.getByRole('button', { name: '検索' }).click();
    await page
      .getByRole('link')
      .filter({ hasText: /\S+ \S+/ })
      .first()
      .waitFor();
    await expectNoAxeViolations(page);
    // The search term never reaches the address bar (no personal data in URLs).
    expect(page.url()).not.toContain(DEMO.tokyoManager);

    await page.locator('main table a').first().click();
    await page.waitForURL(/\/people\/[0-9a-f-]{36}$/);
    await page.getByText('保護管理者').first().waitFor();
    await expectNoAxeViolations(page);
  });

  it('switches to the Western calendar and back to 和暦 (dates in Asia/Tokyo)', async () => {
    const page = await openPage(app.browser);
    await signIn(page, app.server.url, DEMO.tokyoPrincipal);
    await page.getByRole('navigation').getByRole('link', { name: '組織' }).click();
    await page.getByRole('link', { name: '東京工業高等専門学校' }).click();
    await heading(page, /東京工業高等専門学校/);
    await page
      .getByText(/令和\d+年\d+月\d+日から/)
      .first()
      .waitFor();
    await page.getByRole('button', { name: '西暦' }).click();
    await page
      .getByText(/20\d\d年\d+月\d+日から/)
      .first()
      .waitFor();
    expect(await page.getByText(/令和\d+年\d+月\d+日から/).count()).toBe(0);
    await page.getByRole('button', { name: '和暦' }).click();
    await page
      .getByText(/令和\d+年\d+月\d+日から/)
      .first()
      .waitFor();
  });

  it('switches to English after moving around in the app, and remembers it', async () => {
    const page = await openPage(app.browser);
    await signIn(page, app.server.url, DEMO.auditOfficer);
    // Move within the app first (no page load): the switch must still reach the signed-in session.
    await page.getByRole('navigation').getByRole('link', { name: '教職員' }).click();
    await heading(page, '教職員');
    await page.getByRole('button', { name: /English/ }).click();
    await heading(page, 'People');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.reload();
    await heading(page, 'People');
    await expectNoAxeViolations(page);
  });
});
