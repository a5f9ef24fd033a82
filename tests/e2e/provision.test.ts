/**
 * Third parties in the browser (issue 9; A19-1), against the built app and the demo: the 保護管理者 of
 * 東京 教務係 registers a contractor in the register of outside parties, creates an outsourcing
 * contract for the 学籍ファイル, is refused activation while the six clauses are not recorded, checks
 * all six with their 条項番号, activates it and sees it active in the list. Every page is axe-clean.
 */
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, demoApp, expectNoAxeViolations, openPage } from '../support/browser.ts';
import { DEMO, heading, signIn } from './e2e-helpers.ts';

/** A19-1 (1)–(6) as the contract page words them. */
const CLAUSES = [
  '(1) 個人情報に関する秘密保持等の義務',
  '(2) 再委託の制限又は条件に関する事項',
  '(3) 個人情報の複製等の制限に関する事項',
  '(4) 個人情報の漏えい等の事案の発生時における対応に関する事項',
  '(5) 委託終了時における個人情報の消去及び媒体の返却に関する事項',
  '(6) 違反した場合における契約解除の措置その他必要な事項',
];

/** A day as a date input's value, `days` from today. */
const day = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe.skipIf(!chromiumAvailable())('third parties (issue 9, A19)', () => {
  const app = demoApp();

  it('a contractor is registered and a contract with all six clauses becomes active', async () => {
    const page = await openPage(app.browser);
    await signIn(page, app.server.url, DEMO.tokyoManager);
    await heading(page, 'ホーム');

    // The menu leads to the hub, the hub to the register of parties.
    await page
      .getByRole('navigation', { name: 'メインメニュー' })
      .getByRole('link', { name: '第三者提供・委託' })
      .click();
    await heading(page, '第三者提供・委託');
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: '外部の相手方' }).click();
    await heading(page, '外部の相手方');
    await page.getByRole('link', { name: '相手方を登録' }).click();
    await heading(page, '相手方を登録');

    // A19-1: a contractor, with its management structure and a contact.
    const name = `株式会社テスト学務システム ${Date.now() % 100000}`;
    await page.getByLabel('種別').selectOption({ label: '企業' });
    await page.getByLabel('名称', { exact: true }).fill(name);
    await page.getByLabel('所在地').fill('東京都千代田区架空町1-2-3');
    await page.getByLabel('法人番号').fill('3010401099999');
    await page.getByRole('checkbox', { name: 'この相手方に業務を委託する（委託先）' }).check();
    await page.getByLabel('責任者等の管理体制').fill('情報管理責任者を置き、担当者を3名に限定');
    await page.getByRole('button', { name: '連絡先を追加' }).click();
    await page.getByLabel('部署').fill('システム保守部');
    await page.getByLabel('電話番号').fill('03-0000-0000');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: '登録する' }).click();
    await heading(page, name);
    await page.getByText('相手方を登録しました。').waitFor();
    await page.getByText('能力の確認なし').first().waitFor(); // a contractor not yet checked (A19-1)
    await expectNoAxeViolations(page);

    // A contract for the 学籍ファイル of 東京 教務係.
    await page.goto(`${app.server.url}/provision/contracts`);
    await heading(page, '委託契約');
    await page.getByRole('link', { name: '委託契約を登録' }).click();
    await heading(page, '委託契約を登録');
    await page.getByLabel('委託先（派遣元）').selectOption({ label: name });
    await page.getByLabel('課等').selectOption({ label: '東京 教務係' });
    await page.getByRole('checkbox', { name: '学籍ファイル' }).check();
    await page.getByLabel('契約件名').fill('学籍システム保守業務委託');
    await page.getByLabel('委託する業務の内容').fill('学籍システムの保守及び障害対応');
    await page.getByLabel('契約期間の開始日').fill(day(0));
    await page.getByLabel('契約期間の終了日').fill(day(365));
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: '登録する' }).click();
    const title = await heading(page, /^委託契約 C\d{4}-\d{4}$/);
    await page.getByText('委託契約を登録しました。').waitFor();
    await page.getByText('起案中', { exact: true }).first().waitFor();

    // Without the clauses the server refuses activation, and the page says why (A19-1).
    await page.getByRole('button', { name: '契約を有効にする' }).click();
    await page.getByText('総括保護管理者の例外承認がなければ契約中にできません').nth(1).waitFor();

    // The six clauses, each with its 条項番号.
    for (const [n, clause] of CLAUSES.entries()) {
      await page.getByRole('checkbox', { name: clause }).check();
      await page.getByLabel(`(${n + 1})の条項番号`).fill(`第${n + 5}条`);
    }
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: '条項の確認を保存する' }).click();
    await page.getByText('記録しました。').waitFor();
    await page.getByRole('button', { name: '契約を有効にする' }).click();
    await page.getByText('契約を有効にしました。').waitFor();
    await page.getByText('契約中', { exact: true }).first().waitFor();
    await page.getByText('明記（第5条）').waitFor();
    await expectNoAxeViolations(page);

    // The list shows it active, with all six clauses.
    await page.getByRole('navigation', { name: '現在位置' }).getByRole('link', { name: '委託契約' }).click();
    await heading(page, '委託契約');
    const row = page.getByRole('row').filter({ hasText: title.replace('委託契約 ', '') });
    await row.getByText('契約中', { exact: true }).waitFor();
    await row.getByText('6項目すべて').waitFor();
    expect(await row.getByText(name).count()).toBe(1);
    await expectNoAxeViolations(page);
  });
});
