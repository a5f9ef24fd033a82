/**
 * A disclosure request in the browser, from intake to decision (issue 12; 法76–87, features §10),
 * against the built app and the demo: a fictional student of 東京 has records in two vault files
 * (学籍ファイル and 学生定期健康診断ファイル, demo-vault.ts). The 保護管理者 of 東京 教務係 receives the
 * request at the counter on /requests/new (法77), searches every file with the requester's
 * particulars (the search is logged with the request as its purpose, A11-3, A22-1), confirms the
 * student's records and rejects any other candidate with a reason, withholds one field with a ground
 * of 法78-1 (第2号: another individual's information) and asks for approval of a 部分開示 (法79).
 * The unit's 総括保護管理者 approves it on /approvals; the handler sees 決定済 and the decision notice
 * (PDF) answers 200; the access history lists the accesses made for this request. Pages are axe-clean.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { chromiumAvailable, demoApp, expectNoAxeViolations, type Page } from '../support/browser.ts';
import { DEMO, heading } from './e2e-helpers.ts';
import { shot, signedInAt } from './facilities-steps.ts';

const WIDE = { viewport: { width: 1280, height: 800 } };
const files = z.object({ files: z.array(z.object({ fileId: z.string(), name: z.string() })) });
const records = z.object({
  records: z.array(z.object({ id: z.string(), values: z.record(z.string(), z.unknown()) })),
});

describe.skipIf(!chromiumAvailable())('a disclosure request from intake to decision (issue 12)', () => {
  const app = demoApp();

  const getJson = async <T>(page: Page, path: string, schema: z.ZodType<T>): Promise<T> => {
    const res = await page.request.get(`${app.server.url}${path}`);
    expect(res.status(), path).toBe(200);
    return schema.parse(await res.json());
  };

  /**
   * A demo student in both files of 東京 (the first forty students of the 学籍ファイル also have a
   * health record: their numbers end in 001–040), read by the 保護担当者 granted the file.
   */
  async function demoStudent() {
    const officer = await signedInAt(app, DEMO.tokyoOfficer, undefined, WIDE);
    await heading(officer, 'ホーム');
    const file = (await getJson(officer, '/api/vault/files', files)).files.find(
      (f) => f.name === '学籍ファイル',
    );
    expect(file, 'the demo has the 学籍ファイル').toBeDefined();
    const list = await getJson(
      officer,
      `/api/vault/files/${file!.fileId}/records?purpose=enrolment&limit=200`,
      records,
    );
    const values = list.records
      .map((r) => r.values)
      .find((v) => Number(String(v.student_number).slice(-3)) <= 40);
    expect(values, 'a student with a health record').toBeDefined();
    await officer.context().close();
    return {
      number: String(values!.student_number),
      name: String(values!.name),
      kana: String(values!.name_kana),
      birthDate: String(values!.birth_date),
    };
  }

  it('is received, searched, confirmed, partly withheld, approved by the 総括保護管理者 and decided', async () => {
    const student = await demoStudent();

    // 法77: the written request received at the counter of 東京 教務係, the identity checked (法77-2).
    const handler = await signedInAt(app, DEMO.tokyoManager, '/requests/new', WIDE);
    await heading(handler, '請求を受け付ける');
    await handler.getByRole('radio', { name: '開示請求', exact: true }).check();
    // The 保護管理者 receives requests at one office: 東京 教務係 (the first choice after 「選択してください」).
    await handler.getByLabel('受付窓口').selectOption({ index: 1 });
    await handler.getByRole('radio', { name: '窓口', exact: true }).check();
    await handler.getByLabel('氏名', { exact: true }).fill(student.name);
    await handler.getByLabel('フリガナ', { exact: true }).fill(student.kana);
    await handler.getByLabel('生年月日', { exact: true }).fill(student.birthDate);
    await handler.getByLabel('学生番号', { exact: true }).fill(student.number);
    await handler.getByLabel('請求の内容').fill('在学中の学籍に関する記録及び定期健康診断の記録');
    await handler.getByLabel('本人確認書類').selectOption({ label: '学生証・職員証' });
    await handler.getByLabel('希望する開示の実施方法（法87）').selectOption({ label: '写しの交付（紙）' });
    await handler.getByRole('button', { name: '受け付ける' }).click();
    await handler.waitForURL(
      (url) => /^\/requests\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith('/new'),
    );
    await handler.getByText('請求を受け付けました。').waitFor();
    const id = new URL(handler.url()).pathname.split('/').pop()!;
    expect(handler.url()).not.toContain(student.number); // personal data never in a URL

    // 本人情報の検索: the particulars as terms; every file searched; the search is logged (A22-1).
    await handler
      .getByRole('navigation', { name: '請求の画面' })
      .getByRole('link', { name: '本人情報の検索' })
      .click();
    await heading(handler, /^本人情報の検索/);
    await handler.getByText('検索と表示はアクセス記録に残ります').waitFor();
    await handler.getByText(student.number, { exact: true }).first().waitFor();
    await handler.getByRole('button', { name: '全ファイルを検索' }).click();
    await handler.getByText(/^検索しました。/).waitFor();
    const cards = handler.getByTestId('match');
    expect(await cards.count()).toBeGreaterThanOrEqual(2);
    expect(handler.url()).not.toContain(student.number);
    await expectNoAxeViolations(handler);

    // Each candidate: the student's (their number agreed) confirmed; any other rejected with a reason.
    for (let n = 0; n < 20; n++) {
      const open = cards.filter({ hasText: '未確認' });
      const left = await open.count();
      if (left === 0) break;
      const card = open.first();
      if ((await card.textContent())?.includes(student.number)) {
        await card.getByRole('button', { name: '本人のものと確認' }).click();
      } else {
        await card.getByRole('button', { name: '本人のものではない' }).click();
        await card.getByLabel('本人のものではないと判断した理由').fill('学生番号・生年月日が一致しない');
        await card.getByRole('button', { name: '本人のものではないと記録' }).click();
      }
      await expect.poll(() => cards.filter({ hasText: '未確認' }).count()).toBeLessThan(left);
    }
    const confirmed = cards.filter({ hasText: '本人のもの' }).filter({ hasText: student.number });
    expect(await confirmed.count()).toBeGreaterThanOrEqual(2);
    for (const file of ['学籍ファイル', '学生定期健康診断ファイル'])
      await handler.getByRole('heading', { level: 3, name: new RegExp(`^${file}`) }).waitFor();
    await shot(handler, 'requests-search');

    // 決定: the confirmed records by file; the values on demand (logged); one field withheld (法78-1-2).
    await handler.getByRole('navigation', { name: '請求の画面' }).getByRole('link', { name: '決定' }).click();
    await heading(handler, /^決定/);
    await handler.getByTestId('decision-record').first().waitFor();
    expect(await handler.getByTestId('decision-record').count()).toBeGreaterThanOrEqual(2);
    const enrolment = handler
      .getByRole('region', { name: '学籍ファイル' })
      .getByTestId('decision-record')
      .first();
    await enrolment.getByRole('button', { name: '内容を表示' }).click();
    await enrolment.getByRole('cell', { name: student.name, exact: true }).waitFor();
    await enrolment.getByRole('button', { name: '保証人氏名・住所・続柄を不開示にする' }).click();
    const dialog = handler.getByRole('dialog', { name: '不開示にする：保証人氏名・住所・続柄' });
    await dialog.getByRole('button', { name: '不開示として記録' }).click();
    // Without a ground the dialog refuses (the ground is printed in the notice, 法82-1).
    await expect
      .poll(() => dialog.getByLabel('不開示の根拠（法第78条第1項各号）').getAttribute('aria-invalid'))
      .toBe('true');
    await dialog
      .getByLabel('不開示の根拠（法第78条第1項各号）')
      .selectOption({ label: '第2号 開示請求者以外の個人に関する情報' });
    await dialog.getByLabel('不開示とする理由').fill('保証人（本人以外の個人）の氏名・住所であるため');
    await dialog.getByRole('button', { name: '不開示として記録' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const guardian = enrolment.getByRole('row', { name: /^保証人氏名・住所・続柄/ });
    await guardian.getByText('第2号 開示請求者以外の個人に関する情報').waitFor();
    await guardian.getByRole('button', { name: /不開示を取り消す/ }).waitFor();
    await expectNoAxeViolations(handler);

    // 部分開示 is suggested once a field is withheld; asked for the 総括保護管理者's approval.
    expect(await handler.getByRole('radio', { name: '部分開示', exact: true }).isChecked()).toBe(true);
    await handler
      .getByLabel('決定の理由')
      .fill('保証人に関する情報は法第78条第1項第2号に該当するため不開示とする');
    await handler.getByRole('button', { name: '承認を依頼' }).click();
    await handler.getByText('承認待ち', { exact: true }).waitFor();
    await handler.getByRole('link', { name: '承認の依頼を開く' }).waitFor();
    await shot(handler, 'requests-decision-waiting');

    // The unit's 総括保護管理者 (the principal of 東京) approves it on /approvals.
    const chief = await signedInAt(app, DEMO.tokyoPrincipal, '/approvals', WIDE);
    await heading(chief, '承認');
    const row = chief.getByRole('row').filter({ hasText: '開示請求に対する決定' });
    await row.first().waitFor();
    await row.first().getByRole('link').first().click();
    await heading(chief, /^申請 /);
    await chief.getByRole('button', { name: '承認する' }).click();
    await chief.getByText('承認しました。申請者に通知しました。').waitFor();

    // The handler sees 決定済 (部分開示) and the decision notice answers 200 as a PDF.
    await handler.reload();
    await heading(handler, /^決定/);
    await handler.getByTestId('request-header').getByText('決定済', { exact: true }).waitFor();
    await handler
      .getByRole('paragraph')
      .filter({ hasText: /^決定済$/ })
      .waitFor();
    await handler.getByText('部分開示', { exact: true }).first().waitFor();
    const pdf = handler.getByRole('link', { name: '決定通知書（PDF）' });
    const href = await pdf.getAttribute('href');
    expect(href).toBe(`/api/requests/${id}/decision/notice.pdf`);
    const res = await handler.request.get(`${app.server.url}${href}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('application/pdf');
    await handler.getByRole('button', { name: '通知書の送付を記録' }).waitFor();
    await expectNoAxeViolations(handler);
    await shot(handler, 'requests-decision-decided');

    // アクセス履歴: the accesses to the student's records include those made for this request.
    await handler
      .getByRole('navigation', { name: '請求の画面' })
      .getByRole('link', { name: 'アクセス履歴' })
      .click();
    await heading(handler, /^アクセス履歴/);
    const table = handler.getByRole('table', { name: '本人の記録へのアクセス（新しい順）' });
    await table.getByText('本請求の処理').first().waitFor();
    await handler.getByText('npx mamori log verify-history', { exact: false }).waitFor();
    await expectNoAxeViolations(handler);
    await shot(handler, 'requests-history');
  });
});
