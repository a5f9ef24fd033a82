/**
 * The approval pages in the browser (issue 7, ADR 0008; A12), against the real built app and the demo
 * organisation: a request of 東京 教務係's 保護担当者 to copy the 学籍ファイル (A12(1)) reaches the
 * section's 保護管理者, whose navigation counts it; the manager sends it back with a comment (a
 * comment is required to send back); the requester revises the reason and resubmits; the manager
 * approves; the requester sees 承認, the next step of a copy, and the notifications. Every page is
 * axe-clean.
 *
 * The request is the demo's own (server/modules/handling/demo-handling.ts): the 保護担当者 (E150008)
 * asks to copy part of the 学籍ファイル, waiting for the 保護管理者 (E150007).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  chromiumAvailable,
  expectNoAxeViolations,
  launchBrowser,
  openPage,
  startServer,
  type Browser,
  type Page,
  type RunningServer,
} from '../support/browser.ts';
import { DEMO, heading, signIn } from './e2e-helpers.ts';

const counts = z.object({ toDecide: z.number(), sentBack: z.number(), unread: z.number() });

describe.skipIf(!chromiumAvailable())('approvals in the browser (issue 7)', () => {
  let server: RunningServer;
  let browser: Browser;
  let number = '';
  let fileId = '';

  beforeAll(async () => {
    server = await startServer({ RATE_LIMIT_PER_MINUTE: '100000' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** The demo's waiting request, as its requester's list names it. */
  const demoRequest = async (page: Page) => {
    const res = await page.request.get(`${server.url}/api/approvals?box=mine`);
    const list = z
      .object({
        requests: z.array(z.object({ number: z.string(), kind: z.string(), fileId: z.string().nullable() })),
      })
      .parse(await res.json());
    const request = list.requests.find((r) => r.kind === 'export')!;
    number = request.number;
    fileId = request.fileId!;
  };

  const as = async (employeeNumber: string): Promise<Page> => {
    const page = await openPage(browser);
    await signIn(page, server.url, employeeNumber);
    await heading(page, 'ホーム');
    return page;
  };
  const menu = (page: Page) =>
    page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: /^承認・通知/ });
  const pending = async (page: Page) => {
    const res = await page.request.get(`${server.url}/api/approvals/counts`);
    const c = counts.parse(await res.json());
    return c.toDecide + c.sentBack + c.unread;
  };
  const openRequest = async (page: Page) => {
    await page.getByRole('link', { name: number }).click();
    await heading(page, `申請 ${number}`);
  };

  it('routes the request to the 保護管理者, who sends it back; resubmitted, it is approved and the requester is told', async () => {
    const manager = await as(DEMO.tokyoManager); // 保護管理者 of 東京 教務係
    const officer = await as(DEMO.tokyoOfficer); // the requester
    await demoRequest(officer);
    expect(number).toMatch(/^R\d{4}-\d{6}$/);

    // The navigation counts what awaits the manager, in words for a screen reader.
    const waiting = await pending(manager);
    expect(waiting).toBeGreaterThanOrEqual(2); // the request to decide and its notification
    const counted = manager.getByRole('link', {
      name: new RegExp(`^承認・通知\\s*（未処理 ${waiting}件）$`),
    });
    await counted.waitFor();
    expect(await counted.textContent()).toBe(`承認・通知${waiting}（未処理 ${waiting}件）`);
    await counted.click();
    await heading(manager, '承認');
    await manager.getByRole('link', { name: '決裁待ち（1件）' }).waitFor();
    const row = manager.getByRole('row').filter({ hasText: number });
    await row.getByText('複製', { exact: true }).waitFor();
    await row.getByText('学籍ファイル').waitFor();
    await row.getByText('決裁待ち').waitFor();
    await expectNoAxeViolations(manager);

    // A12: the manager reads the request and sends it back; sending back needs a comment.
    await openRequest(manager);
    await manager.getByText('学年末の成績会議資料（クラス名簿）の作成のため').waitFor();
    await manager.getByText('形式', { exact: true }).first().waitFor();
    await expectNoAxeViolations(manager);
    await manager.getByRole('button', { name: '差し戻す' }).click();
    await manager.getByText('差戻し・却下にはコメントを入力してください。').waitFor();
    expect(await manager.getByLabel('コメント').getAttribute('aria-invalid')).toBe('true');
    await manager.getByLabel('コメント').fill('複製する項目を必要な範囲に絞ってください。');
    await manager.getByRole('button', { name: '差し戻す' }).click();
    await manager.getByText('差し戻しました。申請者に通知しました。').waitFor();
    await manager.locator('dd').getByText('差戻し', { exact: true }).waitFor();
    expect(await manager.getByRole('button', { name: '承認する' }).count()).toBe(0);

    // The requester finds it sent back, with the comment, revises the reason and resubmits.
    await officer.reload();
    await officer.getByRole('link', { name: /^承認・通知\s*（未処理 \d+件）$/ }).waitFor();
    await menu(officer).click();
    await heading(officer, '承認');
    const mine = officer.getByRole('row').filter({ hasText: number });
    await mine.getByText('差戻し').waitFor();
    await openRequest(officer);
    await officer.getByText('この申請は差し戻されました。', { exact: false }).waitFor();
    await officer.getByText('複製する項目を必要な範囲に絞ってください。').first().waitFor();
    await expectNoAxeViolations(officer);
    await officer.getByLabel('見直した理由').fill('成績会議の資料作成のため（学生番号・氏名・学級のみ）');
    await officer.getByRole('button', { name: '再申請する' }).click();
    await officer.getByText('再申請しました。決裁する人に通知しました。').waitFor();

    // The manager decides the new revision: approved.
    await manager.reload();
    await heading(manager, `申請 ${number}`);
    await manager.getByText('成績会議の資料作成のため（学生番号・氏名・学級のみ）').first().waitFor();
    await manager.getByRole('button', { name: '承認する' }).click();
    await manager.getByText('承認しました。申請者に通知しました。').waitFor();
    const timeline = manager.getByRole('table', { name: '申請の経過（古い順）' });
    for (const step of ['申請', '差戻し', '再申請', '承認'])
      await timeline.getByRole('rowheader', { name: step, exact: true }).waitFor();

    // The requester sees 承認 and the next step of a copy, and is told in the app.
    await officer.reload();
    await heading(officer, `申請 ${number}`);
    await officer.getByText('承認されました。複製データを作成できます。').waitFor();
    expect(await officer.getByRole('link', { name: '手続の画面へ' }).getAttribute('href')).toBe(
      '/handling/exports',
    );
    await expectNoAxeViolations(officer);
    await officer.goto(`${server.url}/notifications`);
    await heading(officer, '通知');
    const told = officer.getByRole('row').filter({ hasText: '申請が承認されました' });
    await told.getByRole('link', { name: number }).waitFor();
    await officer.getByRole('row').filter({ hasText: '申請が差し戻されました' }).waitFor();
    await expectNoAxeViolations(officer);
    await officer.getByRole('button', { name: 'すべて既読にする' }).click();
    await officer.getByText('すべての通知を既読にしました。').waitFor();
    // The list is read again after the change: wait for it rather than read the one shown before.
    await expect.poll(() => officer.getByText('未読', { exact: true }).count()).toBe(0);
    await told.getByRole('link', { name: number }).click();
    await heading(officer, `申請 ${number}`);
    await officer.locator('dd').getByText('承認', { exact: true }).waitFor();
  }, 240_000); // one long story of two people; the machine is shared

  it('shows the 総括保護管理者 the rules of the file to change, never below the minimum (A12), and the deputies', async () => {
    if (!fileId) await demoRequest(await as(DEMO.tokyoOfficer));
    const principal = await as(DEMO.tokyoPrincipal); // 総括保護管理者 of 東京高専
    await principal.goto(`${server.url}/handling/files/${fileId}/rules`);
    await heading(principal, '承認の要否（学籍ファイル）');
    const rules = principal.getByRole('table', { name: '行為ごとの承認の要否' });
    await rules
      .getByRole('row')
      .filter({ hasText: 'ファイルの廃棄' })
      .getByText('総括保護管理者の承認')
      .first()
      .waitFor();
    await expectNoAxeViolations(principal);
    await principal.getByRole('button', { name: '規則を変更する' }).click();
    // A15: a file's disposal is the 総括保護管理者's at least; the looser choices cannot be chosen.
    const disposal = principal.getByLabel('ファイルの廃棄に必要な承認');
    expect(await disposal.locator('option[value="none"]').isDisabled()).toBe(true);
    await principal.getByLabel('媒体の持出しに必要な承認').selectOption('chief_protection_manager');
    await principal.getByRole('button', { name: '変更を保存する' }).click();
    await principal.getByText('入力してください。').waitFor();
    await expectNoAxeViolations(principal);
    await principal.getByLabel('変更の理由').fill('実習先への持出しが増えるため');
    await principal.getByRole('button', { name: '変更を保存する' }).click();
    await principal.getByText('規則を変更しました。').waitFor();
    await rules
      .getByRole('row')
      .filter({ hasText: '媒体の持出し' })
      .getByText('総括保護管理者の承認')
      .first()
      .waitFor();

    await principal.goto(`${server.url}/approvals/deputies`);
    await heading(principal, '決裁の代理');
    await principal.getByRole('heading', { name: '代理を指名する' }).waitFor();
    await expectNoAxeViolations(principal);
    // Someone who manages nothing is told who names deputies, and may not read the rules.
    const staff = await as(DEMO.staff);
    await staff.goto(`${server.url}/approvals/deputies`);
    await staff.getByText('代理を指名できるのは、保護管理者・総括保護管理者です。').waitFor();
    await staff.goto(`${server.url}/handling/files/${fileId}/rules`);
    await staff.getByText('この操作を行う権限がありません。').waitFor();
    await expectNoAxeViolations(staff);
  }, 180_000);
});
