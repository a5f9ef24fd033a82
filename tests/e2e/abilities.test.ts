/**
 * Issue 3, authorisation core: the web app receives the person's abilities (CASL rules) with the
 * session and offers only what the server would allow, object by object. A 保護管理者 of 東京 教務係
 * is offered to appoint a 保護担当者 in their own section, not in 東京 図書係 (A6, A11); the 校長 of
 * 東京 may edit 東京's staff, not 長岡's (A5-2). The server refuses the rest in any case
 * (tests/api/authz-matrix.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chromiumAvailable,
  launchBrowser,
  openPage,
  startServer,
  type Browser,
  type Page,
  type RunningServer,
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
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer({ RATE_LIMIT_PER_MINUTE: '100000' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a 保護管理者 is offered appointments in their own section only', async () => {
    const page = await openPage(browser);
    await signIn(page, server.url, DEMO.tokyoManager);
    await openSection(page, server.url, TOKYO, '教務係');
    await page.getByRole('link', { name: APPOINT_OFFICER }).waitFor();
    await openSection(page, server.url, TOKYO, '図書係');
    expect(await page.getByRole('link', { name: APPOINT_OFFICER }).count()).toBe(0);
    await page.context().close();
  });

  it('a 校長 is offered to edit the staff of their own college only', async () => {
    const page = await openPage(browser);
    await signIn(page, server.url, DEMO.tokyoPrincipal);
    await openSection(page, server.url, TOKYO, '教務係');
    await page.getByRole('table').last().getByRole('link').first().click();
    await page.getByRole('link', { name: '編集' }).waitFor();

    await openSection(page, server.url, NAGAOKA, '教務係');
    await page.getByRole('table').last().getByRole('link').first().click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.getByRole('link', { name: '編集' }).count()).toBe(0);
    await page.context().close();
  });
});
