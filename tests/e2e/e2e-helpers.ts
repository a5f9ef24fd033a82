import { expect } from 'vitest';
import type { Page } from '../support/browser.ts';
import { DEMO_PASSWORD } from '../../server/modules/organisation/demo/load-demo.ts';
import { DEMO_TOTP_SECRET } from '../../server/modules/identity/mfa/demo-totp.ts';
import { stepOf, totpCode } from '../../server/modules/identity/mfa/totp.ts';

/** Demo sign-ins printed by `npm start` (see the README). */
export const DEMO = {
  president: 'E000001',
  chiefManager: 'E000002',
  auditOfficer: 'E000006',
  admin: 'E000036',
  tokyoPrincipal: 'E150001',
  tokyoManager: 'E150007',
  tokyoOfficer: 'E150008',
  staff: 'E150020',
} as const;

/** Fills and sends the sign-in form. */
export async function submitSignIn(
  page: Page,
  baseUrl: string,
  employeeNumber: string,
  password: string,
): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('職員番号').fill(employeeNumber);
  await page.getByLabel('パスワード', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'ログイン', exact: true }).click();
}

/**
 * Signs in through the sign-in page as a person, with the demo password unless given; when the
 * second step asks for a code (A21), gives the demo authenticator's code (demo-totp.ts).
 */
export async function signIn(
  page: Page,
  baseUrl: string,
  employeeNumber: string,
  password: string = DEMO_PASSWORD,
): Promise<void> {
  await submitSignIn(page, baseUrl, employeeNumber, password);
  await page.waitForURL(
    (url) => !url.pathname.startsWith('/login') || url.pathname === '/login/second-factor',
  );
  if (new URL(page.url()).pathname === '/login/second-factor') {
    await page.getByLabel('確認コード').fill(await nextTotpCode(baseUrl, employeeNumber, DEMO_TOTP_SECRET));
    await page.getByRole('button', { name: '確認してログイン' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  }
}

const usedSteps = new Map<string, number>();
/**
 * A code the server has not seen yet for this person: the server accepts each time step once
 * (replay refused) within ±1 step of now, so a person signing in again within 30 s uses the next
 * step, and after three sign-ins waits for the clock, as a person with a phone would.
 */
export async function nextTotpCode(baseUrl: string, employeeNumber: string, secret: string): Promise<string> {
  // One server answers as 127.0.0.1 and as localhost (WebAuthn needs the name): key by its port.
  const key = `${new URL(baseUrl).port}|${employeeNumber}`;
  for (;;) {
    const now = stepOf(new Date());
    const last = usedSteps.get(key) ?? -1;
    // The step before now only in its last seconds' grace would be risky: start at now.
    const step = [now, now + 1].find((s) => s > last);
    if (step !== undefined) {
      usedSteps.set(key, step);
      return totpCode(secret, step);
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** The page's single h1 once it shows the expected text (pages say 読み込み中 while loading). */
export async function heading(page: Page, expected: string | RegExp): Promise<string> {
  await page.getByRole('heading', { level: 1, name: expected }).waitFor();
  expect(await page.locator('h1').count()).toBe(1);
  return (await page.locator('h1').textContent())?.trim() ?? '';
}
