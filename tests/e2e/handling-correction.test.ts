/**
 * Correction of errors in the browser (issue 7, A13), against the real built app and the demo vault:
 * the 保護担当者 of 東京 教務係 reports an error in a student's phone from the 「誤りを報告」 form (its
 * words never in a URL), the section's 保護管理者 reads the report (an access in the log) and
 * instructs, the 保護担当者 corrects it, and the 保護管理者 sees the values before and after. Every
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

const WORDS = '本人からの届出により電話番号が変わっています（架空）';
const listed = z.object({ files: z.array(z.object({ fileId: z.string(), name: z.string() })) });
const records = z.object({ records: z.array(z.object({ id: z.string() })) });
const correction = z.object({ requestId: z.string() });
const request = z.object({ revision: z.number() });

describe.skipIf(!chromiumAvailable())('correction of errors (issue 7, A13)', () => {
  const app = demoApp();

  const as = async (employeeNumber: string): Promise<Page> => {
    const page = await openPage(app.browser);
    await signIn(page, app.server.url, employeeNumber);
    await heading(page, 'ホーム');
    return page;
  };
  /** A call of the API from the signed-in page (same cookies, the CSRF token as the app sends it). */
  const call = (page: Page, method: string, path: string, body?: unknown) =>
    page.evaluate(
      async ({ method, path, body }) => {
        const { token } = (await (await fetch('/api/csrf')).json()) as { token: string };
        const res = await fetch(path, {
          method,
          headers: { 'content-type': 'application/json', 'x-csrf-token': token },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        return { status: res.status, json: (await res.json()) as unknown };
      },
      { method, path, body },
    );

  it('a reported error is instructed, corrected, and its before and after kept for the manager', async () => {
    const officer = await as(DEMO.tokyoOfficer);
    const files = listed.parse((await call(officer, 'GET', '/api/vault/files')).json);
    const file = files.files.find((f) => f.name === '学籍ファイル')!;
    const recordId = records.parse(
      (await call(officer, 'GET', `/api/vault/files/${file.fileId}/records?purpose=enrolment&limit=1`)).json,
    ).records[0]!.id;

    await officer.goto(
      `${app.server.url}/handling/corrections/new?fileId=${file.fileId}&recordId=${recordId}&purpose=enrolment`,
    );
    await heading(officer, '誤りを報告');
    await expectNoAxeViolations(officer);
    await officer.getByLabel('電話番号').check();
    await officer.getByLabel('どのような誤りか').fill(WORDS);
    await officer.getByRole('button', { name: '報告する' }).click();
    await officer.waitForURL(/\/handling\/corrections\/[0-9a-f-]{36}$/);
    expect(officer.url()).not.toContain(encodeURIComponent(WORDS.slice(0, 4)));
    await expect.poll(() => officer.getByText('指示待ち').count()).toBeGreaterThan(0);
    const id = officer.url().split('/').pop()!;

    const manager = await as(DEMO.tokyoManager);
    await manager.goto(`${app.server.url}/handling/corrections/${id}`);
    await heading(manager, '誤りの報告');
    await manager.getByRole('button', { name: '報告の内容を表示' }).click();
    await manager.getByText(WORDS).waitFor();
    await expectNoAxeViolations(manager);
    // The instruction is the approval of the request (decided on the approval pages).
    const { requestId } = correction.parse(
      (await call(manager, 'GET', `/api/handling/corrections/${id}`)).json,
    );
    const { revision } = request.parse((await call(manager, 'GET', `/api/approvals/${requestId}`)).json);
    const decided = await call(manager, 'POST', `/api/approvals/${requestId}/decision`, {
      decision: 'approve',
      comment: '届出のとおり訂正してください',
      revision,
    });
    expect(decided.status).toBe(200);

    await officer.goto(`${app.server.url}/handling/corrections/${id}`);
    await heading(officer, '誤りの報告');
    await officer.getByLabel('利用目的').selectOption('enrolment');
    await officer.getByLabel('電話番号（正しい値）').fill('090-2468-1357');
    await officer.getByRole('button', { name: '訂正を登録する' }).click();
    await officer.getByText('訂正を登録しました。報告者にお知らせしました。').waitFor();
    await expectNoAxeViolations(officer);

    await manager.goto(`${app.server.url}/handling/corrections/${id}`);
    await heading(manager, '誤りの報告');
    await manager.getByRole('button', { name: '訂正前後の値を表示' }).click();
    await manager.getByRole('cell', { name: '090-2468-1357' }).waitFor();
    await expectNoAxeViolations(manager);
  });
});
