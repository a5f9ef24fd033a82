/**
 * Disposal in the browser (issue 7, A15), against the built app and the demo: the 教務係's
 * 保護管理者 gives a 保護担当者 the 'dispose' permission (A11-1); the 保護担当者 asks to dispose of one
 * record of the 学籍ファイル — held for 30 years as a 法人文書, so only as an exception, which the
 * 総括保護管理者 decides; once approved, the 保護担当者 carries it out with the witness confirmed, the
 * record answers as erased, and the 廃棄証明書 downloads as a PDF. Every page is axe-clean.
 * SCREENSHOT_DIR=… saves a picture of each page.
 */
import path from 'node:path';
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

const shots = process.env.SCREENSHOT_DIR;
const shot = async (page: Page, name: string) => {
  if (shots) await page.screenshot({ path: path.join(shots, `disposal-${name}.png`), fullPage: true });
};

describe.skipIf(!chromiumAvailable())('disposal (issue 7, A15)', () => {
  const app = demoApp();

  const as = async (employeeNumber: string): Promise<Page> => {
    const page = await openPage(app.browser);
    await signIn(page, app.server.url, employeeNumber);
    await heading(page, 'ホーム');
    return page;
  };
  /** A call of the API as the page's person (with the CSRF token, as the app sends it). */
  const call = async (page: Page, method: 'GET' | 'POST', url: string, data?: unknown): Promise<unknown> => {
    const { token } = z
      .object({ token: z.string() })
      .parse(await (await page.request.get(`${app.server.url}/api/csrf`)).json());
    const res = await page.request.fetch(`${app.server.url}${url}`, {
      method,
      headers: { 'x-csrf-token': token, 'content-type': 'application/json' },
      ...(data === undefined ? {} : { data: JSON.stringify(data) }),
    });
    expect(res.status(), `${method} ${url}: ${await res.text()}`).toBeLessThan(300);
    return res.json();
  };

  it('requests an exception, is approved by the 総括保護管理者, erases with a witness, and certifies', async () => {
    // The 保護管理者 re-grants the 保護担当者 with the 'dispose' permission (A11-1).
    const manager = await as(DEMO.tokyoManager);
    const files = z.object({ files: z.array(z.object({ fileId: z.string(), name: z.string() })) });
    const fileId = files
      .parse(await call(manager, 'GET', '/api/vault/files'))
      .files.find((f) => f.name === '学籍ファイル')!.fileId;
    const grants = z
      .object({
        grants: z.array(
          z.object({
            id: z.string(),
            personId: z.string(),
            permissions: z.array(z.string()),
            revokedAt: z.string().nullable(),
          }),
        ),
      })
      .parse(await call(manager, 'GET', `/api/vault/files/${fileId}/grants`)).grants;
    const officerGrant = grants.find((g) => g.permissions.includes('verify') && g.revokedAt === null)!;
    await call(manager, 'POST', `/api/vault/grants/${officerGrant.id}/revoke`, {
      reason: '廃棄の権限を追加するため',
    });
    await call(manager, 'POST', `/api/vault/files/${fileId}/grants`, {
      personId: officerGrant.personId,
      permissions: [...officerGrant.permissions, 'dispose'],
      validFrom: '2026-04-01',
      validUntil: '2027-03-31',
      reason: '教務係の学籍事務（廃棄を含む）を担当するため',
    });

    const officer = await as(DEMO.tokyoOfficer);
    const records = z
      .object({ records: z.array(z.object({ id: z.string() })) })
      .parse(
        await call(officer, 'GET', `/api/vault/files/${fileId}/records?purpose=enrolment&limit=5`),
      ).records;
    const target = records[0]!.id;
    await officer.goto(`${app.server.url}/handling/disposals/new?fileId=${fileId}&recordId=${target}`);
    await heading(officer, '廃棄の申請');
    await officer.getByText(/^30年/).waitFor();
    await officer.getByLabel('利用目的').selectOption('enrolment');
    // Held for 30 years: without the exception the server refuses (409 handling.retention_hold).
    const witnessGroup = officer.getByRole('group', { name: '立会者' });
    await witnessGroup.getByRole('textbox').fill(DEMO.staff);
    await witnessGroup.getByRole('button', { name: '検索' }).click();
    await witnessGroup
      .getByRole('button', { name: /選ぶ|選択/ })
      .first()
      .click();
    await officer.getByLabel('廃棄の理由').fill('誤って登録した記録の削除（本人からの申出）');
    await officer.getByRole('button', { name: '申請する' }).click();
    await officer
      .getByText(/保存期間中の法人文書/)
      .first()
      .waitFor();
    await officer.getByLabel('保存期間内であるが、例外として廃棄を申請する').check();
    await officer.getByLabel('例外とする理由').fill('誤登録のため（保存対象外）');
    await officer.getByText(/決裁者:\s*総括保護管理者/).waitFor();
    await shot(officer, 'request-form');
    await expectNoAxeViolations(officer);
    await officer.getByRole('button', { name: '申請する' }).click();
    await officer.waitForURL(/\/approvals\/[0-9a-f-]+$/);
    const requestId = new URL(officer.url()).pathname.split('/').pop()!;

    // The 総括保護管理者 approves (the exception is theirs to decide, A5, A15).
    const principal = await as(DEMO.tokyoPrincipal);
    const req = z
      .object({ revision: z.number(), level: z.string() })
      .parse(await call(principal, 'GET', `/api/approvals/${requestId}`));
    expect(req.level).toBe('chief_protection_manager');
    await call(principal, 'POST', `/api/approvals/${requestId}/decision`, {
      decision: 'approve',
      comment: '',
      revision: req.revision,
    });

    // The execute step: the witness confirmed, the record erased, the certificate downloadable.
    await officer.goto(`${app.server.url}/handling/disposals`);
    await heading(officer, '廃棄');
    const confirm = officer.getByLabel(/が立ち会っていることを確認しました/);
    await confirm.waitFor();
    await shot(officer, 'ready');
    await expectNoAxeViolations(officer);
    await officer.getByRole('button', { name: '廃棄を実施する' }).click();
    await officer.getByText('立会者が立ち会っていることを確認してください。').waitFor();
    await confirm.check();
    await officer.getByRole('button', { name: '廃棄を実施する' }).click();
    await officer.getByText('廃棄を実施しました。廃棄証明書をダウンロードできます。').waitFor();
    const row = officer
      .getByRole('table', { name: '廃棄の記録（新しい順）' })
      .getByRole('row')
      .filter({ hasText: /D\d{4}-000001/ });
    await row.waitFor();
    await shot(officer, 'list');
    await expectNoAxeViolations(officer);
    const link = row.getByRole('link', { name: /廃棄証明書 D\d{4}-000001 をダウンロード/ });
    const pdf = await officer.request.get(`${app.server.url}${await link.getAttribute('href')}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

    const gone = await officer.request.get(
      `${app.server.url}/api/vault/files/${fileId}/records/${target}?purpose=enrolment`,
    );
    expect(gone.status()).toBe(410);
  }, 240_000);
});
