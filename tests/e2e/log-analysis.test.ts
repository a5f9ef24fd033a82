/**
 * The log analysis in the browser (A22-1): the 保護管理者 of 東京高専 教務係 analyses the section on
 * demand, reads the report and signs it off with a comment; the report then shows as 確認済み. The
 * 監査責任者 asks who accessed a record. The staff member has no link to either. Pages axe-clean.
 * Against the built app and the demo organisation.
 */
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, expectNoAxeViolations, openPage, demoApp } from '../support/browser.ts';
import { DEMO, heading, signIn } from './e2e-helpers.ts';

describe.skipIf(!chromiumAvailable())('log analysis reports and sign-off in the browser (A22-1)', () => {
  const app = demoApp();

  it('a manager analyses the section, reads the report and signs it off', async () => {
    const manager = await openPage(app.browser);
    await signIn(manager, app.server.url, DEMO.tokyoManager);
    // From the main menu 「アクセス記録」 to the section's tab 「アクセス記録の分析」.
    await manager.goto(`${app.server.url}/`);
    await manager.getByRole('link', { name: 'アクセス記録', exact: true }).click();
    await manager.getByRole('link', { name: 'アクセス記録の分析' }).click();
    await heading(manager, 'アクセス記録の分析');
    await manager.getByText('該当する分析報告はありません。').waitFor();
    await expectNoAxeViolations(manager);

    const scope = manager.getByLabel('対象の学校等・課等');
    const value = await scope.locator('option', { hasText: /教務係$/ }).getAttribute('value');
    expect(value).toBeTruthy();
    await scope.selectOption(value ?? '');
    await manager.getByLabel('開始日').fill('2026-11-23');
    await manager.getByLabel('終了日').fill('2026-11-29');
    await manager.getByRole('button', { name: '分析する' }).click();

    await heading(manager, 'アクセス記録の分析報告');
    await manager.getByText('分析報告を作成しました。').waitFor();
    await manager.getByText('検出事項はありません。').waitFor();
    await manager.getByText('未確認', { exact: true }).waitFor();
    await expectNoAxeViolations(manager);

    await manager.getByRole('button', { name: '確認済みにする' }).click();
    await manager.getByText('確認コメントを入力してください。').waitFor();
    await manager.getByLabel('確認コメント').fill('検出事項なし。内容を確認した。');
    await manager.getByRole('button', { name: '確認済みにする' }).click();
    await manager.getByText('分析報告を確認済みにしました。').waitFor();
    await manager.getByText('検出事項なし。内容を確認した。').waitFor();
    await expectNoAxeViolations(manager);

    await manager.getByRole('link', { name: '分析報告の一覧' }).click();
    await manager.getByLabel('確認済み').check();
    const row = manager.getByRole('row', { name: /教務係/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('随時');
    await manager.context().close();
  }, 120_000);

  it('the 監査責任者 asks who accessed a record; staff can neither analyse nor find the screens', async () => {
    const auditor = await openPage(app.browser);
    await signIn(auditor, app.server.url, DEMO.auditOfficer);
    await auditor.goto(`${app.server.url}/`);
    await auditor.getByRole('link', { name: 'アクセス記録', exact: true }).click();
    await auditor.getByRole('link', { name: 'アクセス記録の照会' }).click();
    await heading(auditor, 'アクセス記録の照会');
    await auditor.getByLabel('記録ID').fill('student-0001');
    await auditor.getByRole('button', { name: '照会する' }).click();
    await auditor.getByText('該当するアクセス記録はありません。').waitFor();
    await expectNoAxeViolations(auditor);
    await auditor.context().close();

    const staff = await openPage(app.browser);
    await signIn(staff, app.server.url, DEMO.staff);
    await staff.goto(`${app.server.url}/logs/analysis`);
    await heading(staff, 'アクセス記録の分析');
    await staff.getByText('この操作を行う権限がありません', { exact: false }).waitFor();
    expect(await staff.getByRole('button', { name: '分析する' }).count()).toBe(0);
    await staff.goto(`${app.server.url}/`);
    await heading(staff, 'ホーム');
    expect(await staff.getByRole('link', { name: 'アクセス記録', exact: true }).count()).toBe(0);
    expect(await staff.getByRole('link', { name: 'アクセス記録の分析' }).count()).toBe(0);
    await staff.context().close();
  }, 120_000);
});
