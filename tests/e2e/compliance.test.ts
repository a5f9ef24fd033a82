/**
 * The compliance overview in the browser (issue 10), against the built app and the demo: the
 * 監査責任者 sees the units (and 機構全体) × the rule's article families, each cell with its colour in
 * words and marks (never colour alone) under a header that stays in view; the red cell of 東京's
 * 提供・委託 (the demo's contract without its six clauses, A19-1) drills down to that gap and on to
 * the contract's page. Every page is axe-clean.
 */
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, demoApp, expectNoAxeViolations, openPage } from '../support/browser.ts';
import { DEMO, heading, signIn } from './e2e-helpers.ts';

const FAMILIES = [
  '組織・役割',
  '研修',
  '取扱い',
  '提供・委託',
  'ファイル簿',
  '情報システム',
  'サーバ室',
  '事案',
  '監査・点検',
  'その他',
];

describe.skipIf(!chromiumAvailable())('compliance overview (issue 10)', () => {
  const app = demoApp();

  it('a red cell drills down to its gap and to its record’s page', async () => {
    const page = await openPage(app.browser);
    await signIn(page, app.server.url, DEMO.auditOfficer);
    await heading(page, 'ホーム');
    await page
      .getByRole('navigation', { name: 'メインメニュー' })
      .getByRole('link', { name: 'コンプライアンス状況' })
      .click();
    await heading(page, 'コンプライアンス状況');

    // A column per family, a row per unit and one for 機構全体; the header sticks while scrolling.
    const matrix = page.getByRole('table', { name: '学校等×条項群の状況（升目を選ぶと内訳を表示）' });
    await matrix.waitFor();
    const headers = (await matrix.locator('thead th span:first-child').allTextContents()).map((s) =>
      s.trim(),
    );
    expect(headers).toEqual(FAMILIES);
    await matrix.getByRole('rowheader', { name: '機構全体' }).waitFor();
    await matrix.getByRole('rowheader', { name: '東京工業高等専門学校' }).waitFor();
    expect(await matrix.locator('tbody tr').count()).toBe(53); // 本部事務局, 51 colleges, 機構全体
    expect(
      await matrix
        .locator('thead th')
        .first()
        .evaluate((th) => getComputedStyle(th).position),
    ).toBe('sticky');
    await expectNoAxeViolations(page);

    // Each cell says its colour in words (the link's name) and shows a mark, not colour alone.
    const cell = matrix.getByRole('link', { name: /^東京工業高等専門学校 提供・委託：赤（要対応）\d+件$/ });
    expect((await cell.textContent())?.trim()).toMatch(/^✕\s*\d+$/);
    const green = matrix.getByRole('link', { name: '東京工業高等専門学校 組織・役割：緑（問題なし）' });
    expect((await green.textContent())?.trim()).toBe('○');

    // The drill-down: the gap behind the cell, with the page of its record.
    await cell.click();
    await heading(page, '東京工業高等専門学校 — 提供・委託（第18–19条）');
    await page.getByText('赤（要対応）').first().waitFor();
    const gap = page.getByRole('row').filter({ hasText: '委託契約の必要条項の不足' });
    await gap.getByRole('cell', { name: '第19条第1項', exact: true }).waitFor();
    const open = gap.getByRole('link', { name: /^記録を開く/ });
    const path = await open.getAttribute('href');
    expect(path).toMatch(/^\/provision\/contracts\/[0-9a-f-]{36}$/);
    await expectNoAxeViolations(page);

    // The record's own page: the contract, still lacking its clauses.
    await open.click();
    await heading(page, /^委託契約 C\d{4}-\d{4}$/);
    expect(new URL(page.url()).pathname).toBe(path);
  });
});
