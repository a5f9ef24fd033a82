/**
 * Oversight in the browser (issue 10; A9, A40, A41), against the built app and the demo: the 理事長
 * appoints a committee member; the 総括管理者 schedules a meeting of the 情報公開・個人情報保護委員会,
 * records it as held with its decisions, minutes and the minutes' PDF; the member reads them and
 * downloads the PDF. The 総括保護管理者 of 東京 attaches a supplementary rule of the unit (A40-2) that
 * a member of its staff reads. The 保護管理者 of 東京 教務係 marks its 学籍ファイル as historical
 * material (A41) and removes the mark with a reason. Every page is axe-clean.
 */
import { describe, expect, it } from 'vitest';
import {
  chromiumAvailable,
  demoApp,
  expectNoAxeViolations,
  openPage,
  type Page,
} from '../support/browser.ts';
import { DEMO, heading, signIn } from './e2e-helpers.ts';

/** Today in Tokyo (the server's calendar) as a date input's value. */
const today = (): string => new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);

/** A small PDF: the server types uploads by their first bytes (%PDF-). */
const pdf = (title: string) => ({
  name: `${title}.pdf`,
  mimeType: 'application/pdf',
  buffer: Buffer.from(
    `%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${title}\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
  ),
});

/** Follows a document link with the page's session and returns what it serves. */
async function download(page: Page, linkName: string): Promise<{ status: number; body: string }> {
  const href = await page.getByRole('link', { name: linkName }).first().getAttribute('href');
  expect(href).toBeTruthy();
  const res = await page.request.get(new URL(href!, page.url()).toString());
  return { status: res.status(), body: (await res.body()).toString('latin1') };
}

describe.skipIf(!chromiumAvailable())('oversight (issue 10: A9, A40, A41)', () => {
  const app = demoApp();
  const stamp = Date.now() % 100000;
  const member = DEMO.tokyoOfficer; // appointed a committee member in the first test

  it('the 理事長 appoints a committee member (A9)', async () => {
    const page = await openPage(app.browser);
    await signIn(page, app.server.url, DEMO.president);
    await page.goto(`${app.server.url}/organisation/appointments/new?role=committee_member`);
    await heading(page, '任命の登録');
    await page.getByLabel('氏名・カナ・職員番号で検索').fill(member);
    await page.getByRole('button', { name: '検索' }).click();
    await page.getByRole('button', { name: '選択' }).first().click();
    await page.getByLabel('根拠').fill('令和8年11月30日付け 理事長決定');
    await page.getByRole('button', { name: '任命を登録する' }).click();
    await page.getByText('任命を登録しました。').waitFor();
    await page.context().close();
  });

  it('the 総括管理者 schedules a meeting and records it held with decisions, minutes and a PDF; a member reads them', async () => {
    const page = await openPage(app.browser);
    await signIn(page, app.server.url, DEMO.chiefManager);
    await page
      .getByRole('navigation', { name: 'メインメニュー' })
      .getByRole('link', { name: '点検・評価・委員会' })
      .click();
    await heading(page, '点検・評価・委員会');
    await page.getByText('第9条').first().waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: /^委員会/ }).click();
    await heading(page, '情報公開・個人情報保護委員会');
    // The member just appointed is listed (A9: members are the current appointments).
    await page.getByRole('row').filter({ hasText: member }).waitFor();
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: '会議を予定する' }).click();
    await heading(page, '会議を予定する');
    await page.getByRole('button', { name: '予定を登録する' }).click();
    // A meeting needs its day, place and agenda: the form says so before asking the server.
    await page.getByText('3件の項目を確認してください').waitFor();
    await page.getByLabel('開催日').fill(today());
    await page.getByLabel('開始時刻').fill('09:00');
    await page.getByLabel('場所').fill(`本部 第1会議室 ${stamp}`);
    await page.getByLabel('議題').fill('令和8年度 研修計画について\n委託先の監督状況について');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: '予定を登録する' }).click();
    const title = await heading(page, /^委員会 /);
    await page.getByText('会議を予定しました。').waitFor();
    await page.getByText('開催予定', { exact: true }).first().waitFor();
    await page.getByText('委託先の監督状況について').waitFor();

    // Held: decisions (one tied to A10), the minutes and their PDF.
    await page.getByLabel('決定事項 1', { exact: true }).fill('全教職員向け研修を12月中に実施する。');
    await page.getByLabel('決定事項 1 に関係する条項').selectOption('A10-1');
    await page.getByRole('button', { name: '決定事項を追加' }).click();
    await page.getByLabel('決定事項 2', { exact: true }).fill('委託先の点検結果を次回報告する。');
    await page.getByLabel('議事録', { exact: true }).fill('委員長から研修計画の説明があり、了承された。');
    await page.getByLabel('議事録の文書').setInputFiles(pdf(`minutes-${stamp}`));
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: '開催を記録する' }).click();
    await page.getByText('開催を記録しました。').waitFor();
    await page.getByText('開催済', { exact: true }).first().waitFor();
    await page.getByText('全教職員向け研修を12月中に実施する。').waitFor();
    await page.getByRole('link', { name: `minutes-${stamp}.pdf` }).waitFor();
    expect(await page.getByRole('button', { name: '開催を記録する' }).count()).toBe(0);
    await expectNoAxeViolations(page);
    await page.context().close();

    // The committee member reads the meeting and downloads its minutes.
    const reader = await openPage(app.browser);
    await signIn(reader, app.server.url, member);
    await reader.goto(`${app.server.url}/oversight`);
    await heading(reader, '点検・評価・委員会');
    await reader.getByRole('link', { name: /^委員会/ }).click();
    await heading(reader, '情報公開・個人情報保護委員会');
    expect(await reader.getByRole('link', { name: '会議を予定する' }).count()).toBe(0);
    await reader.getByRole('link', { name: title.replace('委員会 ', '') }).click();
    await heading(reader, title);
    await reader.getByText('委員長から研修計画の説明があり、了承された。').waitFor();
    await reader.getByText('委託先の点検結果を次回報告する。').waitFor();
    expect(await reader.getByRole('button', { name: '開催を記録する' }).count()).toBe(0);
    expect(await reader.getByLabel('議事録の文書').count()).toBe(0);
    const got = await download(reader, `minutes-${stamp}.pdf`);
    expect(got.status).toBe(200);
    expect(got.body.startsWith('%PDF-')).toBe(true);
    expect(got.body).toContain(`minutes-${stamp}`);
    await expectNoAxeViolations(reader);
    await reader.context().close();
  });

  it('the 総括保護管理者 attaches a rule of the unit (A40-2) that its staff read', async () => {
    const page = await openPage(app.browser);
    await signIn(page, app.server.url, DEMO.tokyoPrincipal);
    await page.goto(`${app.server.url}/oversight`);
    await heading(page, '点検・評価・委員会');
    await page.getByRole('link', { name: /^細則/ }).click();
    await heading(page, '細則');
    const rule = `東京高専 保有個人情報管理細則 ${stamp}`;
    // Only the principal's own unit is offered.
    const scope = page.getByLabel('対象');
    await expect.poll(() => scope.locator('option').allTextContents()).toEqual(['東京工業高等専門学校']);
    await page.getByLabel('名称', { exact: true }).fill(rule);
    await page.getByLabel('規程番号').fill('東京高専規程第12号');
    await page.getByLabel('施行日').fill(today());
    await page.getByLabel('規程の文書').setInputFiles(pdf(`rule-${stamp}`));
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: '添付する' }).click();
    await page.getByText('細則を添付しました。').waitFor();
    const row = page.getByRole('row').filter({ hasText: rule });
    await row.getByText('施行中').waitFor();
    await row.getByRole('link', { name: `rule-${stamp}.pdf` }).waitFor();
    await expectNoAxeViolations(page);
    await page.context().close();

    // A member of the unit's staff, without any role, reads it and its PDF.
    const staff = await openPage(app.browser);
    await signIn(staff, app.server.url, DEMO.staff);
    // The hub offers them the rules alone (they hold no role of the rule).
    await staff.goto(`${app.server.url}/oversight`);
    await heading(staff, '点検・評価・委員会');
    await staff.getByRole('link', { name: /^細則/ }).waitFor();
    expect(await staff.getByRole('link', { name: /^委員会/ }).count()).toBe(0);
    await staff.getByRole('link', { name: /^細則/ }).click();
    await heading(staff, '細則');
    await staff.getByRole('row').filter({ hasText: rule }).waitFor();
    expect(await staff.getByRole('heading', { name: '細則を添付する' }).count()).toBe(0);
    const got = await download(staff, `rule-${stamp}.pdf`);
    expect(got.status).toBe(200);
    expect(got.body.startsWith('%PDF-')).toBe(true);
    await staff.getByRole('link', { name: rule }).click();
    await heading(staff, rule);
    await staff.getByText('第40条第2項').waitFor();
    await expectNoAxeViolations(staff);
    await staff.context().close();
  });

  it('the 保護管理者 marks a register file as historical material (A41) and removes the mark with a reason', async () => {
    const page = await openPage(app.browser);
    await signIn(page, app.server.url, DEMO.tokyoManager);
    await page.goto(`${app.server.url}/oversight/historical`);
    await heading(page, '歴史資料等');
    await page.getByText('第11条から第19条まで').waitFor();
    await expectNoAxeViolations(page);
    const select = page.getByLabel('個人情報ファイル');
    const option = select.locator('option', { hasText: /^学籍ファイル（/ }).first();
    const fileLabel = (await option.textContent()) ?? '';
    expect(fileLabel).toContain('教務係');
    await select.selectOption({ label: fileLabel });
    await page.getByLabel('指定施設の名称').fill('架空市立歴史資料館');
    await page.getByLabel('指定年月日').fill('2020-04-01');
    await page.getByRole('button', { name: '指定する' }).click();
    await page.getByText('歴史資料等として指定しました。').waitFor();
    const row = page.getByRole('row').filter({ hasText: '架空市立歴史資料館' });
    await row.getByText('指定中').waitFor();
    await row.getByRole('link', { name: '学籍ファイル' }).waitFor();
    await expectNoAxeViolations(page);

    // The mark ends with its reason; the list of all marks keeps it.
    await row.getByRole('button', { name: '学籍ファイルの指定を解除' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('解除の理由').fill('指定施設への移管が取り消されたため');
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: '指定を解除' }).click();
    await page.getByText('指定されたファイルはありません。').waitFor();
    await page.getByRole('checkbox', { name: '解除した指定も表示する' }).check();
    await page.getByText('指定施設への移管が取り消されたため').waitFor();
    await page.getByRole('row').filter({ hasText: '架空市立歴史資料館' }).getByText(/^解除/).waitFor();
    await page.context().close();
  });
});
