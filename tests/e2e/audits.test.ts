/**
 * Audits in the browser (issue 10; A36), against the built app and the demo: the 監査責任者 plans an
 * ad hoc audit of 東京 over 第10条 and 第34条, starts it and finds a checklist of exactly the items of
 * those articles; the report is refused while items are unanswered (with their list); the officer
 * answers every item, links an incident of Mamori as evidence, uploads a document, records a finding
 * whose corrective action goes to the 保護管理者 of 東京 教務係, and issues the report. The
 * 総括保護管理者 of 東京 sees it delivered and acknowledges receipt; the owner sees the action. Every
 * page is axe-clean.
 */
import { describe, expect, it } from 'vitest';
import {
  chromiumAvailable,
  demoApp,
  expectNoAxeViolations,
  openPage,
  type Page,
} from '../support/browser.ts';
import { ARTICLE_ITEMS, itemsForArticles } from '../../shared/compliance/articles.ts';
import { DEMO, heading, signIn } from './e2e-helpers.ts';

/** A day as a date input's value, `days` from today. */
const day = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const pdf = (title: string) => ({
  name: `${title}.pdf`,
  mimeType: 'application/pdf',
  buffer: Buffer.from(
    `%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${title}\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
  ),
});

describe.skipIf(!chromiumAvailable())('audits (issue 10, A36)', () => {
  const app = demoApp();

  const as = async (employeeNumber: string): Promise<Page> => {
    const page = await openPage(app.browser);
    await signIn(page, app.server.url, employeeNumber);
    await heading(page, 'ホーム');
    return page;
  };
  const menu = (page: Page, name: string) =>
    page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name, exact: true });
  /** The checklist item of a feature id (its heading starts with the id). */
  const item = (page: Page, featureId: string) =>
    page.getByRole('region', { name: new RegExp(`^${featureId} `) });

  it('the browser flow of the 監査責任者 running an audit from plan to report works in Chromium', async () => {
    const officer = await as(DEMO.auditOfficer);
    await menu(officer, '監査').click();
    await heading(officer, '監査');
    await expectNoAxeViolations(officer);

    // A36: the plan — an ad hoc audit of 東京 over 第10条 (training) and 第34条 (incidents).
    await officer.getByRole('link', { name: '監査計画を作成' }).click();
    await heading(officer, '監査計画を作成');
    // The default scope is the whole range of A36: 第3–19条 and 第21–35条, never 第20条.
    expect(await officer.getByRole('checkbox', { name: '第3条', exact: true }).isChecked()).toBe(true);
    expect(await officer.getByRole('checkbox', { name: '第35条', exact: true }).isChecked()).toBe(true);
    expect(await officer.getByRole('checkbox', { name: '第20条', exact: true }).count()).toBe(0);
    await expectNoAxeViolations(officer);
    const title = `東京高専 研修・事案対応の随時監査 ${Date.now() % 100000}`;
    await officer.getByLabel('件名').fill(title);
    await officer.getByRole('radio', { name: '随時監査' }).check();
    await officer.getByRole('radio', { name: '選んだ学校等' }).check();
    await officer.getByRole('checkbox', { name: '東京工業高等専門学校' }).check();
    await officer.getByRole('button', { name: 'すべて外す' }).click();
    await officer.getByRole('checkbox', { name: '第10条', exact: true }).check();
    await officer.getByRole('checkbox', { name: '第34条', exact: true }).check();
    const inScope = itemsForArticles([10, 34]).map((i) => i.id);
    await officer.getByText(`チェックリストは${inScope.length}項目になります。`).waitFor();
    await officer.getByLabel('対象期間の開始日').fill(day(-180));
    await officer.getByLabel('対象期間の終了日').fill(day(0));
    await officer.getByLabel('実施予定の開始日').fill(day(0));
    await officer.getByLabel('実施予定の終了日').fill(day(14));
    await expectNoAxeViolations(officer);
    await officer.getByRole('button', { name: '計画を作成する' }).click();
    const h1 = await heading(officer, new RegExp(`^監査 \\S+ ${title}$`));
    const number = h1.split(' ')[1]!;
    await officer.getByText('監査計画を作成しました。').waitFor();
    await officer.getByText('第10条・第34条').waitFor();
    await officer.getByText('随時監査').first().waitFor();
    await expectNoAxeViolations(officer);

    // Started, the checklist holds exactly the items of the articles in scope.
    await officer.getByRole('button', { name: '監査を開始する' }).click();
    await officer.getByText('監査を開始しました。チェックリストが作られました。').waitFor();
    await officer.getByText(`0／${inScope.length}項目に回答済み`).waitFor();
    const shown = await officer.locator('section[id^="item-"] h4 .font-mono').allTextContents();
    expect(shown.sort()).toEqual([...inScope].sort());
    await expectNoAxeViolations(officer);

    // Reporting is refused while items are unanswered, and the page lists them.
    await officer.getByRole('button', { name: '報告書を発行' }).click();
    const refusal = officer
      .getByRole('alert')
      .filter({ hasText: `回答していない項目（${inScope.length}件）` });
    await refusal.waitFor();
    for (const id of inScope) await refusal.getByRole('link', { name: new RegExp(`^${id} `) }).waitFor();

    // Every item answered; A10-4 only partly.
    for (const id of inScope) {
      const region = item(officer, id);
      await region.getByRole('radio', { name: id === 'A10-4' ? '一部適合' : '適合', exact: true }).check();
      if (id === 'A10-4') await region.getByLabel('所見').fill('学生係の参加記録が一部未入力');
      await region.getByRole('button', { name: '回答を保存' }).click();
      await region.getByText('記録しました。').waitFor();
    }
    await officer.getByText(`${inScope.length}／${inScope.length}項目に回答済み`).waitFor();

    // Evidence: an incident of Mamori (A34), linked from the records of the audit's scope …
    const a34 = item(officer, 'A34');
    await a34.getByText('根拠を追加（Mamoriの記録・資料）').click();
    await a34.getByLabel('記録の種類').selectOption({ label: '事案（第34–35条）' });
    const records = a34.getByLabel('記録', { exact: true });
    await records.locator('option').nth(1).waitFor({ state: 'attached' });
    const label = (await records.locator('option').nth(1).textContent())!.trim();
    await records.selectOption({ index: 1 });
    await a34.getByRole('button', { name: '根拠に追加' }).click();
    const link = a34.getByRole('link', { name: label });
    await link.waitFor();
    expect(await link.getAttribute('href')).toMatch(/^\/incidents\/[0-9a-f-]{36}$/);
    // … and a document uploaded to A10-1, served back to the officer.
    const a101 = item(officer, 'A10-1');
    await a101.getByText('根拠を追加（Mamoriの記録・資料）').click();
    await a101.getByLabel('資料をアップロード').setInputFiles(pdf('kenshu-jisshi-kiroku'));
    await a101.getByRole('button', { name: 'アップロード', exact: true }).click();
    const doc = a101.getByRole('link', { name: 'kenshu-jisshi-kiroku.pdf' });
    await doc.waitFor();
    const served = await officer.request.get(`${app.server.url}${await doc.getAttribute('href')}`);
    expect(served.status()).toBe(200);
    expect((await served.body()).toString()).toContain('kenshu-jisshi-kiroku');
    await expectNoAxeViolations(officer);

    // A finding on A10-4 whose corrective action goes to the 保護管理者 of 東京 教務係.
    const a104 = ARTICLE_ITEMS.find((i) => i.id === 'A10-4')!;
    await officer.getByLabel('対象の項目').selectOption({ label: `A10-4 ${a104.ja}` });
    await officer.getByRole('radio', { name: '中', exact: true }).check();
    await officer.getByLabel('指摘の内容').fill('学生係の研修参加記録が一部未入力である。');
    await officer.getByLabel('是正措置', { exact: true }).fill('参加記録を入力し、未受講者に受講させる。');
    await officer.getByLabel('氏名・カナ・職員番号で検索').fill(DEMO.tokyoManager);
    await officer.getByRole('button', { name: '検索', exact: true }).click();
    await officer.getByRole('button', { name: new RegExp(`^選択：.*（${DEMO.tokyoManager}）$`) }).click();
    await officer.getByLabel('期限', { exact: true }).fill(day(30));
    await expectNoAxeViolations(officer);
    await officer.getByRole('button', { name: '指摘事項を記録する' }).click();
    await officer.getByText('指摘事項を記録しました。').waitFor();
    const finding = officer
      .getByRole('listitem')
      .filter({ hasText: '学生係の研修参加記録が一部未入力である。' });
    await finding.getByText('重要度：中').waitFor();
    await finding.getByText(/^担当：.+期限：/).waitFor();

    // The report: issued, delivered to the 総括保護管理者 of 東京, its PDF readable.
    await officer.getByRole('button', { name: '報告書を発行' }).click();
    await officer.getByText('報告書を発行し、総括保護管理者に届けました。').waitFor();
    await officer.getByText('報告済み', { exact: true }).first().waitFor();
    const deliveries = (page: Page) =>
      page.getByRole('table', { name: '総括保護管理者への送付と受領確認' }).getByRole('row');
    // One unit in scope: one delivery, to its 総括保護管理者, not yet acknowledged.
    await deliveries(officer).nth(1).getByText('未確認').waitFor();
    expect(await deliveries(officer).count()).toBe(2);
    const report = await officer.request.get(
      `${app.server.url}${await officer.getByRole('link', { name: '監査報告書（PDF）' }).getAttribute('href')}`,
    );
    expect(report.status()).toBe(200);
    expect(report.headers()['content-type']).toContain('application/pdf');
    await expectNoAxeViolations(officer);

    // The 総括保護管理者 of 東京 finds the audit delivered and acknowledges receipt.
    const principal = await as(DEMO.tokyoPrincipal);
    await menu(principal, '監査').click();
    await heading(principal, '監査');
    const row = principal.getByRole('row').filter({ hasText: title });
    await row.getByText('報告済み').waitFor();
    await row.getByRole('link', { name: number }).click();
    await heading(principal, h1);
    expect(await principal.getByRole('button', { name: '報告書を発行' }).count()).toBe(0);
    await deliveries(principal).nth(1).getByText('未確認').waitFor();
    await expectNoAxeViolations(principal);
    await principal.getByRole('button', { name: '受領を確認' }).click();
    await principal.getByText('受領を確認しました。').waitFor();
    await principal.getByText(/^受領確認済み（/).waitFor();
    expect(await principal.getByRole('button', { name: '受領を確認' }).count()).toBe(0);

    // The officer sees the receipt; the owner of the action finds it among theirs.
    await officer.reload();
    await deliveries(officer)
      .nth(1)
      .getByText(/^受領確認済み（/)
      .waitFor();
    const owner = await as(DEMO.tokyoManager);
    await menu(owner, '監査').click();
    await heading(owner, '監査');
    const action = owner
      .getByRole('region', { name: 'あなたが担当する是正措置' })
      .getByRole('listitem')
      .filter({ hasText: '参加記録を入力し、未受講者に受講させる。' });
    await action.getByText(number).waitFor();
    await expectNoAxeViolations(owner);
    // The owner records completion; the officer then confirms it (the action tracked to done).
    await action.getByRole('button', { name: '完了を記録' }).click();
    await action.getByLabel('完了の内容').fill('参加記録を入力し、未受講者2名が受講した。');
    await action.getByRole('button', { name: '完了を記録' }).last().click();
    await action.getByText('完了', { exact: true }).waitFor();
    await officer.reload();
    await finding.getByText('参加記録を入力し、未受講者2名が受講した。').waitFor();
    await finding.getByRole('button', { name: '完了を確認する' }).click();
    await finding.getByText(/^監査責任者が確認：/).waitFor();
  });
});
