/**
 * The usage ledger of a file in the browser (issue 7, A16), against the real built app and the demo
 * vault: the 保護管理者 of 東京 教務係 opens the 学籍ファイル's ledger, sees what an officer's reading
 * just put in it (totals by act and purpose, the rows with the officer's name and purpose), filters
 * by act, finds the downloads, and the monthly sign-off; staff without a role are refused. Every
 * page is axe-clean.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  chromiumAvailable,
  demoApp,
  expectNoAxeViolations,
  openPage,
  type Page,
} from '../support/browser.ts';
import { DEMO, heading, signIn } from './e2e-helpers.ts';

const FILE = '学籍ファイル';
const listed = z.object({ files: z.array(z.object({ fileId: z.string(), name: z.string() })) });

describe.skipIf(!chromiumAvailable())('the usage ledger (issue 7, A16)', () => {
  const app = demoApp();

  const as = async (employeeNumber: string): Promise<Page> => {
    const page = await openPage(app.browser);
    await signIn(page, app.server.url, employeeNumber);
    await heading(page, 'ホーム');
    return page;
  };

  it('shows the 保護管理者 what was done with the file, filtered, downloadable, to be signed monthly', async () => {
    const manager = await as(DEMO.tokyoManager);
    const res = await manager.request.get(`${app.server.url}/api/vault/files`);
    const file = listed.parse(await res.json()).files.find((f) => f.name === FILE)!;
    expect(file).toBeDefined();

    // An officer reads the file's list for 学籍管理: a use the ledger shows at once.
    const officer = await as(DEMO.tokyoOfficer);
    const list = await officer.request.get(
      `${app.server.url}/api/vault/files/${file.fileId}/records?purpose=enrolment&limit=5`,
    );
    expect(list.status()).toBe(200);

    await manager.goto(`${app.server.url}/handling/files/${file.fileId}/ledger`);
    await heading(manager, `利用状況の記録：${FILE}`);
    await manager.getByRole('table', { name: '区分ごとの合計' }).getByRole('row', { name: /利用/ }).waitFor();
    const rows = manager.getByRole('table', { name: '記録の一覧' });
    await rows
      .getByRole('row')
      .filter({ hasText: '一覧の表示' })
      .filter({ hasText: '学籍管理' })
      .first()
      .waitFor();
    await manager.getByRole('link', { name: 'Excel形式でダウンロード' }).waitFor();
    await manager.getByRole('link', { name: 'PDF形式でダウンロード' }).waitFor();
    await manager.getByRole('heading', { name: '月ごとの確認と署名' }).waitFor();
    await expectNoAxeViolations(manager);

    // Filtered by act: only 複製 (none yet this month), and the address says so.
    await manager.getByLabel('区分').selectOption('copy');
    await manager.getByRole('button', { name: 'この条件で表示' }).click();
    await manager.waitForURL(/act=copy/);
    await manager.getByText('この期間・条件に該当する記録はありません。').waitFor();
    await expectNoAxeViolations(manager);

    // Staff without a role are refused (A16: the 保護管理者 keeps it).
    const staff = await as(DEMO.staff);
    await staff.goto(`${app.server.url}/handling/files/${file.fileId}/ledger`);
    await staff.getByRole('alert').filter({ hasText: '権限' }).waitFor();
  });
});
