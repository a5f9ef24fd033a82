import { expect } from 'vitest';
import type { Page } from '../support/browser.ts';
import { DEMO_PASSWORD } from '../../server/modules/organisation/demo/load-demo.ts';

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

/** Signs in through the sign-in page as a person, with the demo password unless given. */
export async function signIn(
  page: Page,
  baseUrl: string,
  employeeNumber: string,
  password: string = DEMO_PASSWORD,
): Promise<void> {
  await submitSignIn(page, baseUrl, employeeNumber, password);
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** The page's single h1 once it shows the expected text (pages say 読み込み中 while loading). */
export async function heading(page: Page, expected: string | RegExp): Promise<string> {
  await page.getByRole('heading', { level: 1, name: expected }).waitFor();
  expect(await page.locator('h1').count()).toBe(1);
  return (await page.locator('h1').textContent())?.trim() ?? '';
}
