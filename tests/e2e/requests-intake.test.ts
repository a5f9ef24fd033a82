/**
 * Receiving a disclosure request and its periods in the browser (issue 12; 法77, 法83, features §10),
 * against the built app and the demo: the 保護管理者 of 東京 教務係 (E150007) receives a disclosure
 * request at the counter on /requests/new; the overview shows its number and the decision's due date
 * 30 days after the day of receipt (法83-1; the first day not counted, 民法140条). A 補正 is asked
 * (法77-3): the board shows 補正中 instead of a date; once answered the due date moves by the days
 * paused (法83-1 ただし書). An extension with its written reason (法83-2) shows on the periods panel.
 * Pages are axe-clean at 1280×800 and at 768 px.
 */
import holidayJp from '@holiday-jp/holiday_jp';
import { describe, expect, it } from 'vitest';
import { formatDate, todayInTokyo } from '../../web/ui/format-date.ts';
import { chromiumAvailable, demoApp, expectNoAxeViolations, type Page } from '../support/browser.ts';
import { DEMO, heading } from './e2e-helpers.ts';
import { shot, signedInAt } from './facilities-steps.ts';

const WIDE = { viewport: { width: 1280, height: 800 } };
const TABLET = { width: 768, height: 1024 };

/** 'YYYY-MM-DD' + n calendar days. */
function plus(day: string, n: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** A working day (no weekend, national holiday or 12/29–1/3), so no roll to the next one can move it. */
function working(day: string): boolean {
  const d = new Date(`${day}T12:00:00Z`);
  const md = day.slice(5);
  return (
    d.getUTCDay() !== 0 && d.getUTCDay() !== 6 && !holidayJp.isHoliday(d) && !(md >= '12-29' || md <= '01-03')
  );
}

/**
 * A day of receipt some days ago (the server refuses future dates) whose due dates — 30 days on,
 * then 5 more after the 補正, then 10 more after the extension — are working days, whatever today is.
 */
function receiptDay(): string {
  const today = todayInTokyo();
  for (let back = 12; back < 28; back++) {
    const d = plus(today, -back);
    if ([30, 35, 45].every((n) => working(plus(d, n)))) return d;
  }
  throw new Error('no receipt day found');
}

const wareki = (day: string) => formatDate(day, 'japanese', 'ja');

/** Records one change of the overview in its dialog (opened by `button`) with `fill`, then 記録する. */
async function record(
  page: Page,
  button: string,
  fill: (dialog: ReturnType<Page['getByRole']>) => Promise<void>,
) {
  await page.getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: button });
  await fill(dialog);
  await dialog.getByRole('button', { name: '記録する' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

describe.skipIf(!chromiumAvailable())('receiving a disclosure request and its periods (issue 12)', () => {
  const app = demoApp();

  it('is received at the counter, paused by a 補正, answered and extended, with the due date moving as the law says', async () => {
    const received = receiptDay();
    const askedOn = plus(received, 2);
    const answeredOn = plus(received, 7); // 5 days not counted (法83-1 ただし書)
    const page = await signedInAt(app, DEMO.tokyoManager, '/requests', WIDE);
    await heading(page, '開示請求等');
    await page.getByRole('link', { name: '請求を受け付ける' }).click();
    await heading(page, '請求を受け付ける');

    // Without the requester's name, content and identity document the form refuses, by field.
    await page.getByRole('button', { name: '受け付ける', exact: true }).click();
    await expect
      .poll(() => page.getByLabel('氏名', { exact: true }).getAttribute('aria-invalid'))
      .toBe('true');
    expect(await page.getByLabel('本人確認書類').getAttribute('aria-invalid')).toBe('true');
    expect(page.url()).toMatch(/\/requests\/new$/);
    await expectNoAxeViolations(page);

    await page.getByRole('radio', { name: '開示請求', exact: true }).check();
    await page.getByLabel('受付窓口').selectOption({ label: '東京 教務係' });
    await page.getByRole('radio', { name: '窓口', exact: true }).check();
    await page.getByLabel('受付日').fill(received);
    await page.getByRole('radio', { name: '本人', exact: true }).check();
    await page.getByLabel('氏名', { exact: true }).fill('架空 請求太郎');
    await page.getByLabel('フリガナ', { exact: true }).fill('カクウ セイキュウタロウ');
    await page.getByLabel('請求の内容').fill('在学中の学籍に関する記録');
    await page.getByLabel('本人確認書類').selectOption({ label: '運転免許証' });
    await page.getByLabel('納付日').fill(received);
    await shot(page, 'requests-intake');
    await page.getByRole('button', { name: '受け付ける', exact: true }).click();
    await page.waitForURL(/\/requests\/[^/]+$/);
    expect(page.url()).not.toContain(encodeURIComponent('架空')); // personal data never in a URL

    // The overview: the number, 受付済, due 30 days after the day of receipt (法83-1, 民法140条).
    await page.getByText('請求を受け付けました。').waitFor();
    const header = page.getByTestId('request-header');
    const number = (await header.locator('.font-mono').first().textContent())!.trim();
    expect(number).toMatch(/^R\d{4}-\d{4}$/);
    await heading(page, `請求 ${number}`);
    await header.getByText('受付済', { exact: true }).waitFor();
    await expect
      .poll(() => page.getByTestId('request-due').textContent())
      .toContain(wareki(plus(received, 30)));
    await page.getByRole('navigation', { name: '請求の画面' }).getByRole('link', { name: '概要' }).waitFor();
    await expectNoAxeViolations(page);

    // 補正 (法77-3): the clock stops; the header and the board say 補正中 instead of a date.
    await record(page, '補正を求める', async (d) => {
      await d.getByLabel('補正を求めた日').fill(askedOn);
      await d.getByLabel('補正を求める事項').fill('請求に係る保有個人情報の特定が不十分なため');
    });
    await header.getByText('補正中').first().waitFor();
    await page.getByTestId('pauses').getByText('請求に係る保有個人情報の特定が不十分なため').waitFor();
    await page.getByRole('link', { name: '開示請求等' }).first().click();
    await heading(page, '開示請求等');
    const row = page.getByTestId('requests-board').getByRole('row').filter({ hasText: number });
    await row.getByText('補正中').first().waitFor();
    expect(await row.textContent()).not.toContain(wareki(plus(received, 30)));
    await expectNoAxeViolations(page);
    await page.setViewportSize(TABLET);
    await expectNoAxeViolations(page);
    await shot(page, 'requests-board');
    await page.setViewportSize(WIDE.viewport);

    // The 補正 answered: the due date moves by the 5 days not counted.
    await row.getByRole('link', { name: number }).click();
    await heading(page, `請求 ${number}`);
    await record(page, '補正を記録', async (d) => {
      await d.getByLabel('補正された日').fill(answeredOn);
    });
    await expect
      .poll(() => page.getByTestId('request-due').textContent())
      .toContain(wareki(plus(received, 35)));
    await page.getByTestId('pauses').getByRole('cell', { name: '5日' }).waitFor();

    // Extension (法83-2): 10 days with the written reason and the day the requester was told.
    const reason = '対象の記録が複数の部署にわたり、確認に時間を要するため';
    await record(page, '延長を記録', async (d) => {
      await d.getByLabel('延長する日数').fill('10');
      await d.getByLabel('延長の理由').fill(reason);
      await d.getByLabel('請求者に通知した日').fill(todayInTokyo());
    });
    const panel = page.getByRole('region', { name: '期限の計算' });
    await panel.getByTestId('period-extension').getByText(reason, { exact: false }).waitFor();
    expect(await panel.getByTestId('period-extension').textContent()).toContain('10日');
    await expect
      .poll(() => page.getByTestId('request-due').textContent())
      .toContain(wareki(plus(received, 45)));
    await page.getByTestId('request-header').getByText('延長', { exact: true }).waitFor();
    await expectNoAxeViolations(page);
    await page.setViewportSize(TABLET);
    await expectNoAxeViolations(page);
    await shot(page, 'requests-overview');
  });
});
