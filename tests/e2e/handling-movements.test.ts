/**
 * Media and their movements in the browser (issue 7; A12(3), A14), against the built app and the
 * demo: the 保護担当者 of 東京 教務係 registers a USB stick in the register of media with its storage
 * place, asks to take it out (the 学籍ファイル's media need the 保護管理者's approval, A12), and once
 * the 保護管理者 approves, records it taken out and then back in its place. Every page is axe-clean.
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

const files = z.object({
  files: z.array(
    z.object({ fileId: z.string(), name: z.string(), canManage: z.boolean(), inVault: z.boolean() }),
  ),
});
const grants = z.object({
  grants: z.array(
    z.object({
      id: z.string(),
      personId: z.string(),
      permissions: z.array(z.string()),
      validFrom: z.string(),
      validUntil: z.string(),
      reason: z.string(),
      state: z.string(),
    }),
  ),
});
const movements = z.object({ movements: z.array(z.object({ id: z.string(), requestId: z.string() })) });

describe.skipIf(!chromiumAvailable())('media and their movements (issue 7, A12(3), A14)', () => {
  const app = demoApp();

  const as = async (employeeNumber: string): Promise<Page> => {
    const page = await openPage(app.browser);
    await signIn(page, app.server.url, employeeNumber);
    await heading(page, 'ホーム');
    return page;
  };
  /** A JSON call of the API as the page's person (with the CSRF token on changes). */
  const call = async <T>(page: Page, method: string, path: string, schema: z.ZodType<T>, body?: unknown) => {
    const token = z
      .object({ token: z.string() })
      .parse(await (await page.request.get(`${app.server.url}/api/csrf`)).json());
    const res = await page.request.fetch(`${app.server.url}${path}`, {
      method,
      headers: { 'x-csrf-token': token.token, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { data: JSON.stringify(body) }),
    });
    expect(res.status(), `${method} ${path}: ${await res.text()}`).toBeLessThan(300);
    return schema.parse(await res.json());
  };

  it('registers a medium, takes it out with approval and records its return to its place', async () => {
    const officer = await as(DEMO.tokyoOfficer);
    const me = z.object({ person: z.object({ id: z.string() }) });
    const officerId = me.parse(await (await officer.request.get(`${app.server.url}/api/session`)).json())
      .person.id;
    // The 保護管理者 gives the 保護担当者 the take_out permission (A11-1): an approval never widens a grant.
    const manager = await as(DEMO.tokyoManager);
    const file = (await call(manager, 'GET', '/api/vault/files', files)).files.find(
      (f) => f.canManage && f.inVault && f.name === '学籍ファイル',
    )!;
    const granted = (await call(manager, 'GET', `/api/vault/files/${file.fileId}/grants`, grants)).grants;
    const officerGrant = granted.find((g) => g.personId === officerId && g.state === 'in_force')!;
    await call(manager, 'POST', `/api/vault/grants/${officerGrant.id}/revoke`, z.unknown(), {
      reason: '媒体の持出しを担当するため',
    });
    await call(manager, 'POST', `/api/vault/files/${file.fileId}/grants`, z.unknown(), {
      personId: officerGrant.personId,
      permissions: [...officerGrant.permissions, 'take_out'],
      validFrom: officerGrant.validFrom,
      validUntil: officerGrant.validUntil,
      reason: officerGrant.reason,
    });

    await officer.goto(`${app.server.url}/handling/media`);
    await heading(officer, '媒体の登録簿');
    // The demo's own medium (教務係 USBメモリ No.1) is already registered; this one is added beside it.
    await officer.getByLabel('媒体の名称').fill('教務係 USBメモリ No.3');
    await officer.getByRole('textbox', { name: '保管場所' }).fill('教務係 施錠キャビネットA');
    await officer.getByRole('checkbox', { name: '学籍ファイル' }).check();
    await officer.getByRole('button', { name: '登録する' }).click();
    await officer.getByText('媒体を登録しました。').waitFor();
    await officer.getByRole('row').filter({ hasText: '教務係 USBメモリ No.3' }).getByText('保管中').waitFor();
    await expectNoAxeViolations(officer);

    await officer.goto(`${app.server.url}/handling/movements/new?fileId=${file.fileId}&kind=take_out`);
    await heading(officer, '送信・媒体の持出しの申請');
    await officer.getByText(/保護管理者の承認が必要です/).waitFor();
    await expectNoAxeViolations(officer);
    await officer.getByLabel('利用目的').selectOption({ index: 1 });
    await officer
      .getByLabel('媒体', { exact: true })
      .selectOption({ label: '教務係 USBメモリ No.3（教務係 施錠キャビネットA）' });
    await officer.getByLabel('送るデータの内容').fill('3年生の学生番号・氏名・学科（成績会議資料）');
    await officer.getByLabel('件数').fill('40');
    await officer.getByLabel('送信先・持出し先').fill('第2キャンパス 会議室');
    await officer.getByLabel('返却予定日').fill('2099-03-31');
    await officer.getByLabel('理由').fill('第2キャンパスでの成績会議のため');
    await officer.getByRole('button', { name: '承認を申請する' }).click();
    await heading(officer, '送信・媒体の持出し');
    await officer.getByRole('row').filter({ hasText: '第2キャンパス' }).getByText('承認待ち').waitFor();

    const [asked] = (await call(officer, 'GET', '/api/handling/movements?box=mine', movements)).movements;
    await call(manager, 'POST', `/api/approvals/${asked!.requestId}/decision`, z.unknown(), {
      decision: 'approve',
      comment: '',
      revision: 1,
    });

    await officer.reload();
    await officer.getByRole('button', { name: /の実施を記録/ }).click();
    await officer.getByText('実施を記録しました。').waitFor();
    const row = officer.getByRole('row').filter({ hasText: '第2キャンパス' });
    await row.getByText('持出し中').waitFor();
    await expectNoAxeViolations(officer);

    await row.getByRole('button', { name: /の返却を記録/ }).click();
    const dialog = officer.getByRole('dialog');
    await dialog.getByLabel('戻した保管場所').fill('教務係 施錠キャビネットA');
    await dialog.getByRole('button', { name: '返却を記録' }).click();
    await officer.getByText('返却を記録しました。').waitFor();
    await row.getByText('返却済み').waitFor();

    await officer.goto(`${app.server.url}/handling/media`);
    await officer.getByRole('row').filter({ hasText: '教務係 USBメモリ No.3' }).getByText('保管中').waitFor();
  }, 240_000); // two people, each signing in with a second factor; the machine is shared
});
