import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContextOptions } from 'playwright-core';
import { openPage, type Browser, type Page, type RunningServer } from '../support/browser.ts';
import { signIn } from './e2e-helpers.ts';

/** Steps the facilities e2e files share (issue 11): a signed-in page, and screenshots to look at. */

/**
 * A new page in its own context (`options`: a viewport, touch), signed in as `employeeNumber` (the
 * demo password, and the demo authenticator's code where asked), then at `at` (a path of the app)
 * when given.
 */
export async function signedInAt(
  app: { server: RunningServer; browser: Browser },
  employeeNumber: string,
  at?: string,
  options: BrowserContextOptions = {},
): Promise<Page> {
  const page = await openPage(app.browser, options);
  await signIn(page, app.server.url, employeeNumber);
  if (at !== undefined) await page.goto(`${app.server.url}${at}`);
  return page;
}

/**
 * With SHOT_DIR (or E2E_SHOTS) naming a folder, the page is kept as a screenshot, wide and narrow,
 * to look at; not part of the checks.
 */
export async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.SHOT_DIR ?? process.env.E2E_SHOTS;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
  const size = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: path.join(dir, `${name}-narrow.png`), fullPage: true });
  if (size) await page.setViewportSize(size);
}
