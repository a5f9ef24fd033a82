/**
 * The verifiable log in the browser (A22): the 監査責任者 browses every record, opens one and the
 * browser itself checks its inclusion proof against the signed checkpoint (A22-2), then verifies the
 * whole log on the 記録の保全状況 page; the 教務係's 保護管理者 sees only their section's records and
 * the state of the log without its controls; the 総括管理者 sets the retention (A22-1); a person
 * without a role has no 「アクセス記録」 at all. Pages axe-clean. Against the built app and the demo.
 */
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, expectNoAxeViolations, openPage, demoApp } from '../support/browser.ts';
import { DEMO, heading, signIn } from './e2e-helpers.ts';

describe.skipIf(!chromiumAvailable())('the access records in the browser (A22)', () => {
  const app = demoApp();

  it('the 監査責任者 browses every record, the browser checks a proof, and the log verifies', async () => {
    const page = await openPage(app.browser);
    await signIn(page, app.server.url, DEMO.auditOfficer);
    await page
      .getByRole('navigation', { name: 'メインメニュー' })
      .getByRole('link', { name: 'アクセス記録' })
      .click();
    await heading(page, '記録の閲覧');
    await page.getByText('すべての部署の記録を表示しています。').waitFor();
    const table = page.getByRole('table', { name: 'アクセス記録（新しい順）' });
    await table.waitFor();
    await expectNoAxeViolations(page);

    // Narrow to appointments (written when the demo was loaded: long since in a checkpoint).
    await page.getByLabel('種別').selectOption({ label: '監査' });
    await page.getByLabel('内容（種類の名前）').fill('organisation.appointment.created');
    await page.getByRole('button', { name: '絞り込む', exact: true }).click();
    // The new page of results replaces the old one: wait until every row is an appointment.
    const contents = () => table.locator('tbody tr td:nth-child(3)').allTextContents();
    await expect
      .poll(async () => {
        const rows = await contents();
        return rows.length > 0 && rows.every((r) => r.includes('organisation.appointment.created'));
      })
      .toBe(true);
    const kinds = await table.locator('tbody tr td:nth-child(2)').allTextContents();
    expect(new Set(kinds)).toEqual(new Set(['監査']));
    await page.getByRole('button', { name: 'さらに表示' }).click();
    await page.getByText('件を表示しています。', { exact: false }).waitFor();

    await table.locator('tbody tr').first().getByRole('link').click();
    await heading(page, '記録の詳細');
    await page.getByText('organisation.appointment.created').waitFor();
    const verified = page.getByText(
      /この記録はチェックポイント（大きさ \d+）に含まれていることを、このブラウザで確認しました/,
    );
    await verified.waitFor();
    await page.getByText('localhost', { exact: false }).first().waitFor();
    await expectNoAxeViolations(page);

    await page
      .getByRole('navigation', { name: 'アクセス記録のページ' })
      .getByRole('link', { name: '記録の保全状況' })
      .click();
    await heading(page, '記録の保全状況');
    await page.getByRole('heading', { name: '最新のチェックポイント' }).waitFor();
    await page.getByRole('table', { name: 'チェックポイントの証人' }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: '今すぐ検証' }).click();
    await page.getByText('問題は見つかりませんでした').waitFor({ timeout: 30_000 });
    // The auditor may not change the retention nor prune: they read the periods.
    expect(await page.getByRole('button', { name: '保存期間を保存' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '保存期間を過ぎた記録を整理' }).count()).toBe(0);
    await page.getByText('1825日（約5年）').waitFor();

    // An entry that does not exist (or out of scope) says so, nothing more.
    await page.goto(`${app.server.url}/logs/entries/00000000-0000-4000-8000-000000000000`);
    await page.getByText('この記録は見つからないか、閲覧する権限がありません。').waitFor();
    await page.context().close();
  }, 120_000);

  it('the 教務係 保護管理者 sees only the records of their section, and the state of the log read-only', async () => {
    const page = await openPage(app.browser);
    await signIn(page, app.server.url, DEMO.tokyoManager);
    await page
      .getByRole('navigation', { name: 'メインメニュー' })
      .getByRole('link', { name: 'アクセス記録' })
      .click();
    await heading(page, '記録の閲覧');
    await page.getByText('あなたが管理する部署・係の記録だけを表示しています。').waitFor();
    const table = page.getByRole('table', { name: 'アクセス記録（新しい順）' });
    await table.waitFor();
    const places = await table.locator('tbody tr td:nth-child(5)').allTextContents();
    expect(places.length).toBeGreaterThan(0);
    for (const place of places) expect(place).toContain('教務係');
    await expectNoAxeViolations(page);

    await page.goto(`${app.server.url}/logs/status`);
    await heading(page, '記録の保全状況');
    await page.getByRole('heading', { name: '最新のチェックポイント' }).waitFor();
    expect(await page.getByRole('button', { name: '今すぐ検証' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '保存期間を保存' }).count()).toBe(0);
    await page.context().close();
  }, 120_000);

  it('the 総括管理者 sets the retention (at least 365 days); a person without a role has no access records', async () => {
    const page = await openPage(app.browser);
    await signIn(page, app.server.url, DEMO.chiefManager);
    await page.goto(`${app.server.url}/logs/status`);
    await heading(page, '記録の保全状況');
    const access = page.getByLabel('アクセスの記録（日）');
    await access.fill('300');
    await page.getByRole('button', { name: '保存期間を保存' }).click();
    await page.getByText('365から36500までの整数で入力してください。').waitFor();
    await expectNoAxeViolations(page);
    await access.fill('2000');
    await page.getByRole('button', { name: '保存期間を保存' }).click();
    await page.getByText('保存期間を保存しました。').waitFor();
    await page.reload();
    await heading(page, '記録の保全状況');
    expect(await page.getByLabel('アクセスの記録（日）').inputValue()).toBe('2000');
    await page.context().close();

    const staff = await openPage(app.browser);
    await signIn(staff, app.server.url, DEMO.staff);
    await heading(staff, /.+/);
    const menu = staff.getByRole('navigation', { name: 'メインメニュー' });
    await menu.getByRole('link', { name: 'ホーム' }).waitFor();
    expect(await menu.getByRole('link', { name: 'アクセス記録' }).count()).toBe(0);
    await staff.context().close();
  }, 120_000);
});
