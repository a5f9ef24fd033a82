/**
 * Incidents in the browser (issue 8; A34-1 … A34-3, 法68), against the built app and the demo: a
 * member of staff reports from another page through the header's 「事案を報告」 (a few fields, 学籍ファイル
 * named); the 保護管理者 of 東京 教務係 sees it in the notifications and on the board, records the
 * containment (A34-2), fills the investigation (A34-3) and reports to the 総括保護管理者; the
 * 総括保護管理者 then sees that it is their turn. Every page is axe-clean.
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

describe.skipIf(!chromiumAvailable())('incidents (issue 8, A34, 法68)', () => {
  const app = demoApp();

  const as = async (employeeNumber: string): Promise<Page> => {
    const page = await openPage(app.browser);
    await signIn(page, app.server.url, employeeNumber);
    await heading(page, 'ホーム');
    return page;
  };
  const menu = (page: Page) =>
    page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: /^事案/ });

  it('is reported from any page, contained, investigated and escalated along the chain', async () => {
    // A34-1: anyone reports from the page they are on; 「戻る」 leads back to it.
    const staff = await as(DEMO.staff);
    await staff.goto(`${app.server.url}/vault`);
    await heading(staff, '保管庫');
    await staff.getByRole('banner').getByRole('link', { name: '事案を報告' }).click();
    await heading(staff, '事案を報告');
    expect(new URL(staff.url()).searchParams.get('from')).toBe('/vault');
    expect(await staff.getByRole('link', { name: '戻る' }).getAttribute('href')).toBe('/vault');
    await staff.getByText('本人の氏名や記録の内容は書かないでください').waitFor();
    await expectNoAxeViolations(staff);
    // 知った日時 defaults to now in Japan time.
    expect(await staff.getByLabel('知った日時').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    await staff.getByRole('button', { name: '報告する' }).click();
    await staff.getByRole('button', { name: '何が起きたか（事案の概要）' }).waitFor(); // the error summary
    await staff.getByLabel('何が起きたか（事案の概要）').fill('教務係のUSBメモリNo.1が所在不明になった');
    await staff.getByRole('checkbox', { name: '学籍ファイル（教務係）' }).check();
    await staff.getByLabel('関係するシステム・媒体・場所').fill('教務係 USBメモリ No.1');
    await staff.getByRole('button', { name: '報告する' }).click();
    const title = await heading(staff, /^事案 I\d{4}-\d{4}$/);
    const number = title.replace('事案 ', '');
    await staff.getByText('事案を報告しました。担当の保護管理者に通知しました。').waitFor();
    await expectNoAxeViolations(staff);

    // The section's 保護管理者 is told (notification and the navigation's count) and sees it on the board.
    const manager = await as(DEMO.tokyoManager);
    await menu(manager)
      .filter({ hasText: /（対応が必要な事案 \d+件）/ })
      .waitFor();
    await manager.goto(`${app.server.url}/notifications`);
    await heading(manager, '通知');
    await manager
      .getByRole('row')
      .filter({ hasText: '事案の報告がありました' })
      .getByRole('link', { name: number })
      .waitFor();
    await menu(manager).click();
    await heading(manager, '事案');
    const row = manager.getByRole('row').filter({ hasText: number });
    await row.getByText('教務係のUSBメモリNo.1が所在不明になった').waitFor();
    await row.getByText('あなたの番', { exact: true }).waitFor();
    await row.getByText('判断中', { exact: true }).waitFor(); // the number of persons is not known yet (法68①)
    await expectNoAxeViolations(manager);
    await row.getByRole('link', { name: number }).click();
    await heading(manager, `事案 ${number}`);
    await manager.getByRole('heading', { name: '次に対応する人' }).waitFor();
    await manager.getByText('あなたが対応する番です。').waitFor();
    await expectNoAxeViolations(manager);

    // A34-2: what was done at once.
    await manager.getByLabel('行った措置').fill('USBメモリのパスワードを無効化し、所在を捜索した');
    await manager.getByRole('button', { name: '措置を記録する' }).click();
    await manager
      .getByRole('listitem')
      .filter({ hasText: 'USBメモリのパスワードを無効化し、所在を捜索した' })
      .first()
      .waitFor();

    // A34-3: the investigation comes before the report to the 総括保護管理者.
    await manager.getByLabel('発生の原因').fill('持出し後の返却確認の漏れ');
    await manager.getByLabel('被害の状況').fill('現時点で不正利用は確認されていない');
    await manager.getByLabel('漏えい等した個人情報の項目').fill('氏名、学籍番号、成績');
    await manager.getByLabel('本人の数').fill('40');
    await manager.getByRole('button', { name: '調査結果を保存する' }).click();
    await manager.getByText(/^最終更新：/).waitFor();
    await manager.getByText('報告は不要', { exact: true }).first().waitFor(); // 40 persons, no other case (規則43)

    const step = manager.getByRole('button', { name: '「総括保護管理者への報告」を記録' });
    await step.click();
    const dialog = manager.getByRole('dialog', { name: '「総括保護管理者への報告」を記録' });
    await dialog.getByLabel('内容').fill('事案の概要と調査結果を口頭と書面で報告');
    await expectNoAxeViolations(manager);
    await dialog.getByRole('button', { name: '記録する' }).click();
    await manager.getByText('報告の経過を記録しました。').waitFor();
    const chief = manager.getByRole('listitem').filter({ hasText: '総括保護管理者への報告' }).first();
    await chief.getByText('済', { exact: true }).waitFor();
    await manager.getByText('事案の概要と調査結果を口頭と書面で報告').first().waitFor();
    await expectNoAxeViolations(manager);

    // A34-4: now the 総括保護管理者 must act; the board and the incident say so.
    const principal = await as(DEMO.tokyoPrincipal);
    await menu(principal)
      .filter({ hasText: /（対応が必要な事案 \d+件）/ })
      .waitFor();
    await menu(principal).click();
    await heading(principal, '事案');
    const theirs = principal.getByRole('row').filter({ hasText: number });
    await theirs.getByText('あなたの番', { exact: true }).waitFor();
    await theirs.getByText('総括管理者及び理事長への報告', { exact: true }).waitFor();
    await theirs.getByText('総括管理者及び理事長への報告（速やかに）').waitFor(); // the next deadline
    await theirs.getByRole('link', { name: number }).click();
    await heading(principal, `事案 ${number}`);
    await principal.getByText('あなたが対応する番です。').waitFor();
    await principal.getByRole('button', { name: '「総括管理者及び理事長への報告」を記録' }).waitFor();
    await expectNoAxeViolations(principal);
  });
});
