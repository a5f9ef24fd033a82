/**
 * The vault's staff screens in the browser (issue 6), against the real built app and the demo vault:
 * a 保護担当者 of 東京 教務係 opens the 学籍ファイル, must name a registered purpose first (A11-3),
 * finds a student by number (the term travels in a request body, never in the URL), sees the 要配慮
 * 異動事由 masked until revealed, and the reveal is in the access log (A22); then edits the phone
 * number. Someone without a grant sees why and is refused the file (A11-2); the file's 保護管理者
 * sees its grants (A11-1). Every page is axe-clean.
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
const records = z.object({
  records: z.array(
    z.object({ id: z.string(), values: z.record(z.string(), z.unknown()), masked: z.array(z.string()) }),
  ),
});
const logPage = z.object({ items: z.array(z.object({ id: z.string(), type: z.string() })) });
const logDetail = z.object({ payload: z.unknown() });

describe.skipIf(!chromiumAvailable())('the vault for staff (issue 6)', () => {
  const app = demoApp();

  const as = async (employeeNumber: string): Promise<Page> => {
    const page = await openPage(app.browser);
    await signIn(page, app.server.url, employeeNumber);
    await heading(page, 'ホーム');
    return page;
  };
  const openVault = async (page: Page) => {
    await page
      .getByRole('navigation', { name: 'メインメニュー' })
      .getByRole('link', { name: '保管庫' })
      .click();
    await heading(page, '保有個人情報（保管庫）');
  };
  const getJson = async <T>(page: Page, path: string, schema: z.ZodType<T>): Promise<T> => {
    const res = await page.request.get(`${app.server.url}${path}`);
    expect(res.status(), path).toBe(200);
    return schema.parse(await res.json());
  };

  it('asks for the purpose, finds a student, reveals the masked field (logged) and edits the record', async () => {
    const officer = await as(DEMO.tokyoOfficer); // 保護担当者 of 東京 教務係, granted the 学籍ファイル
    await openVault(officer);
    await officer.getByRole('row').filter({ hasText: FILE }).getByText('照合').waitFor();
    await expectNoAxeViolations(officer);

    // A11-3: nothing of the file is shown before a registered purpose is chosen.
    await officer.getByRole('link', { name: FILE }).click();
    await heading(officer, FILE);
    const purposes = officer.getByRole('group', { name: /今回の利用目的/ });
    await purposes.waitFor();
    expect(await officer.getByRole('searchbox').count()).toBe(0);
    expect(await officer.getByRole('table').count()).toBe(0);
    await officer.getByRole('button', { name: 'この目的で開く' }).click();
    await officer.getByText('利用目的を選択してください。').waitFor();
    await expectNoAxeViolations(officer);
    await purposes.getByLabel(/^学籍管理/).check();
    await officer.getByRole('button', { name: 'この目的で開く' }).click();
    await officer.getByText(/^利用目的：学籍管理/).waitFor();
    const fileUrl = new URL(officer.url());
    expect(fileUrl.searchParams.get('purpose')).toBe('enrolment');
    // The list of fifty rows is the search results' table (checked by axe below, quicker on one row).
    await officer.getByRole('table', { name: '記録の一覧' }).waitFor();

    // A student on leave: the 異動事由 is 要配慮, so it is masked until revealed.
    const fileId = fileUrl.pathname.split('/').pop() ?? '';
    const page = await getJson(
      officer,
      `/api/vault/files/${fileId}/records?purpose=enrolment&limit=200`,
      records,
    );
    const student = page.records.find((r) => r.values.change_date);
    expect(student, 'the demo has students on leave').toBeDefined();
    const number = String(student!.values.student_number);

    await officer.getByLabel('検索する項目').selectOption({ label: '学生番号' });
    await officer.getByRole('searchbox', { name: '検索する値' }).fill(number);
    await officer.getByRole('button', { name: '検索', exact: true }).click();
    await officer.getByText('学生番号で1件見つかりました。').waitFor();
    expect(officer.url()).not.toContain(number); // the term is personal data: body only
    await expectNoAxeViolations(officer);
    await officer.getByRole('table', { name: '検索結果' }).getByRole('link', { name: number }).click();
    await heading(officer, '記録の詳細');
    await officer.getByText(/^利用目的：学籍管理/).waitFor();
    await officer.getByText(number, { exact: true }).waitFor();

    // The value beside its label (the label carries a 要配慮 badge).
    const reason = officer.locator(
      "xpath=//dt[starts-with(normalize-space(.), '異動事由')]/following-sibling::dd[1]",
    );
    expect(await reason.textContent()).toContain('＊＊＊（非表示）');
    await reason.getByText('表示は記録されます（第22条）').waitFor();
    await expectNoAxeViolations(officer);
    await reason.getByRole('button', { name: '異動事由を表示する' }).click();
    await reason.getByText('表示中').waitFor();
    const revealed = (await reason.locator('span').first().textContent())?.trim() ?? '';
    expect(revealed).toMatch(/休学/);
    await expectNoAxeViolations(officer);

    // The entry is checked as typed (A26); only the changed field is sent; the record shows it.
    await officer.getByRole('link', { name: '編集' }).click();
    await heading(officer, '記録の編集');
    await officer.getByLabel('電話番号').fill('123');
    await officer.getByRole('button', { name: '保存する' }).click();
    await officer.getByText('電話番号は0から始まる10桁または11桁で入力してください。').waitFor();
    expect(await officer.getByLabel('電話番号').getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(officer);
    await officer.getByLabel('電話番号').fill('080-2345-6789');
    await officer.getByRole('button', { name: '保存する' }).click();
    await heading(officer, '記録の詳細');
    await officer.getByText('変更を保存しました。').waitFor();
    await officer.getByText('080-2345-6789').waitFor();
    // Leaving the record forgot the revealed value: it is masked again.
    await officer.getByRole('button', { name: '異動事由を表示する' }).waitFor();

    // A22: the reveal is in the verifiable log, by field, without the value. The officer does not
    // read the log; the file's 保護管理者 does.
    const manager = await as(DEMO.tokyoManager);
    const entries = await getJson(
      manager,
      `/api/log/entries?type=vault.fields_revealed&recordId=${student!.id}`,
      logPage,
    );
    expect(entries.items.length).toBeGreaterThanOrEqual(1);
    const entry = await getJson(manager, `/api/log/entries/${entries.items[0]!.id}`, logDetail);
    const payload = JSON.stringify(entry.payload);
    expect(payload).toContain('leave_reason');
    expect(payload).not.toContain(revealed);
  });

  it('tells someone without a grant why, refuses the file, and shows the 保護管理者 its grants', async () => {
    const staff = await as(DEMO.staff); // no grant on any vault file
    await openVault(staff);
    await staff.getByText('利用権限がありません。保護管理者に申請してください（第11条）').waitFor();
    await expectNoAxeViolations(staff);

    const manager = await as(DEMO.tokyoManager);
    const { files } = await getJson(manager, '/api/vault/files', listed);
    const file = files.find((f) => f.name === FILE);
    expect(file).toBeDefined();

    await staff.goto(`${app.server.url}/vault/files/${file!.fileId}`);
    await staff
      .getByRole('alert')
      .filter({ hasText: 'このファイルの利用権限が付与されていません。保護管理者に申請してください' })
      .waitFor();
    expect(await staff.getByRole('group', { name: /今回の利用目的/ }).count()).toBe(0);
    await expectNoAxeViolations(staff);

    // A11-1: the file's 保護管理者 keeps its grants; the officer's is in force.
    await openVault(manager);
    await manager.getByRole('link', { name: `権限の管理（${FILE}）` }).click();
    await heading(manager, `${FILE}の利用権限`);
    const grants = manager.getByRole('table', { name: '現在の権限' });
    const officerRow = grants.getByRole('row').filter({ hasText: '教務係の学籍事務' });
    await officerRow.getByText('有効', { exact: true }).waitFor();
    await officerRow.getByRole('button', { name: /見直し済みにする/ }).waitFor();
    await manager
      .getByRole('table', { name: /記録項目/ })
      .getByRole('row', { name: /異動事由/ })
      .waitFor();
    await expectNoAxeViolations(manager);
  });
});
