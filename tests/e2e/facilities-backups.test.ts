/**
 * Backups in the browser (issue 11, A27), against the built app and the demo (its destination is
 * DATA_DIR/backups): the システム管理者 (E000036) runs a backup now, watches it run and sees it
 * succeed with its checksum and its destination written, then runs a restore test and sees the
 * counts match and the log verified. The 総括管理者 reads the page without the buttons; a member of
 * staff (E150020) is refused. Every page is axe-clean.
 */
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, demoApp, expectNoAxeViolations } from '../support/browser.ts';
import { DEMO, heading } from './e2e-helpers.ts';
import { shot, signedInAt } from './facilities-steps.ts';

describe.skipIf(!chromiumAvailable())('backups (issue 11: A27)', () => {
  const app = demoApp();

  it('the システム管理者 backs up now and sees it succeed, then a restore test pass', async () => {
    const page = await signedInAt(app, DEMO.admin, '/facilities/backups');
    await heading(page, 'バックアップ');
    await page.getByText('複数の場所に保管', { exact: false }).first().waitFor();
    await page.getByText(/npx mamori restore/).waitFor();
    // The schedules in words (the defaults: nightly at 2:15, restore tests on Sundays at 3:45).
    await page.getByText('毎日 2:15（日本時間）').waitFor();
    await page.getByText('毎週日曜日 3:45（日本時間）').waitFor();
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: '今すぐバックアップ' }).click();
    await shot(page, 'backups-running');
    // While it runs the buttons wait; then the result, and the run in the list.
    await page.getByText('バックアップが完了しました。').waitFor({ timeout: 120_000 });
    const run = page.getByRole('table', { name: '最近のバックアップの一覧' }).getByRole('row').nth(1);
    await run.getByText('成功').waitFor();
    await run.getByText('手動').waitFor();
    await run.getByText('書き込み済み').first().waitFor();
    expect(await run.getByRole('button', { name: 'SHA-256 をコピー' }).count()).toBe(1);
    expect(await run.getByText(/backups/).count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page);
    await shot(page, 'backups-after-run');

    await page.getByRole('button', { name: '復元テストを実行' }).click();
    await page.getByText(/復元テストに成功しました。/).waitFor({ timeout: 180_000 });
    const test = page.getByRole('table', { name: '復元テストの一覧' }).getByRole('row').nth(1);
    await test.getByText('一致', { exact: true }).waitFor();
    await test.getByText('検証成功').waitFor();
    await expectNoAxeViolations(page);
    await shot(page, 'backups-after-test');
    await page.context().close();
  });

  it('the 総括管理者 reads the records without the buttons; a member of staff is refused', async () => {
    const chief = await signedInAt(app, DEMO.chiefManager, '/facilities/backups');
    await heading(chief, 'バックアップ');
    await chief.getByRole('heading', { name: '最近のバックアップ' }).waitFor();
    expect(await chief.getByRole('button', { name: '今すぐバックアップ' }).count()).toBe(0);
    await chief.getByText('バックアップと復元テストの実行は、システム管理者だけができます。').waitFor();
    await expectNoAxeViolations(chief);
    await chief.context().close();

    const staff = await signedInAt(app, DEMO.staff, '/facilities/backups');
    await heading(staff, 'バックアップ');
    await staff
      .getByRole('alert')
      .getByText(/だけが見られます/)
      .waitFor();
    expect(await staff.getByRole('heading', { name: '最近のバックアップ' }).count()).toBe(0);
    expect(await staff.getByRole('button', { name: '今すぐバックアップ' }).count()).toBe(0);
    // The server refuses too, whatever the page shows.
    const res = await staff.request.get(`${app.server.url}/api/facilities/backups`);
    expect([403, 404]).toContain(res.status());
    await expectNoAxeViolations(staff);
    await shot(staff, 'backups-refused');
    await staff.context().close();
  });
});
