/**
 * Information systems in the browser (issue 11; A23, A24, A28), against the built app and the demo:
 * the 保護管理者 of 東京 教務係 (E150007) sees the demo's 教務システム with its patching safeguard
 * overdue (第24条), records a check and the mark is gone; downloads its 構成図 (A28), and the
 * download is in the document's history; registers a new system with its safeguards and keeps a
 * design document for it. The section's 保護担当者 (E150008) reads the system but is not offered its
 * design documents; staff (E150020) are offered neither the systems nor their documents. Every page
 * is axe-clean.
 */
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, demoApp, expectNoAxeViolations } from '../support/browser.ts';
import { DEMO, heading } from './e2e-helpers.ts';
import { shot, signedInAt } from './facilities-steps.ts';

/** A small PDF: the server types uploads by their first bytes (%PDF-). */
const pdf = (title: string) => ({
  name: `${title}.pdf`,
  mimeType: 'application/pdf',
  buffer: Buffer.from(
    `%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${title}\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
  ),
});

describe.skipIf(!chromiumAvailable())('facilities: information systems (issue 11: A23, A24, A28)', () => {
  const app = demoApp();
  const stamp = Date.now() % 100000;
  let systemPath = '';

  it('an overdue check of the demo system is shown, and a check recorded clears it (A24)', async () => {
    const page = await signedInAt(app, DEMO.tokyoManager, '/facilities');
    await heading(page, '施設・機器');
    await page
      .getByRole('link', { name: /^情報システム(?!室)/ })
      .first()
      .click();
    await heading(page, '情報システム');
    const row = page.getByRole('row').filter({ hasText: '教務システム' });
    await row.getByText('点検期限切れ 1件').waitFor();
    await expectNoAxeViolations(page);
    await shot(page, 'systems');

    await row.getByRole('link', { name: '教務システム' }).click();
    await heading(page, '教務システム');
    systemPath = new URL(page.url()).pathname;
    const patching = page.getByRole('listitem').filter({ hasText: 'ソフトウェアの更新（脆弱性対策）' });
    await patching.getByText('点検期限切れ', { exact: false }).waitFor();
    await expectNoAxeViolations(page);
    await shot(page, 'system');

    await patching.getByRole('button', { name: 'ソフトウェアの更新（脆弱性対策）の点検を記録' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: '点検を記録する' }).click();
    await dialog.getByText('1件の項目を確認してください').waitFor();
    await dialog.getByRole('radio', { name: '問題なし' }).check();
    await dialog.getByLabel('確認した内容・対応').fill('11月分の修正プログラムの適用を確認した。');
    await expectNoAxeViolations(page);
    await shot(page, 'system-check');
    await dialog.getByRole('button', { name: '点検を記録する' }).click();
    await page.getByText('点検を記録しました。').waitFor();
    await expect.poll(() => page.getByText('点検期限切れ', { exact: false }).count()).toBe(0);
    await patching.getByText('点検の記録（2件）').waitFor();
    await expectNoAxeViolations(page);

    await page.goto(`${app.server.url}/facilities/systems`);
    await heading(page, '情報システム');
    await page.getByRole('row').filter({ hasText: '教務システム' }).getByText('措置 4件').waitFor();
    expect(await page.getByRole('table').getByText('点検期限切れ', { exact: false }).count()).toBe(0);
    await page.context().close();
  }, 120_000);

  it('the keeper downloads the design document (A28); the download is in its history', async () => {
    const page = await signedInAt(app, DEMO.tokyoManager, systemPath);
    await heading(page, '教務システム');
    const docs = page.getByRole('region', { name: '設計書・構成図（第28条）' });
    const link = docs.getByRole('table').getByRole('link').first();
    const href = await link.getAttribute('href');
    expect(href).toBeTruthy();
    const res = await page.request.get(new URL(href!, page.url()).toString());
    expect(res.status()).toBe(200);
    expect((await res.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await page.reload();
    await heading(page, '教務システム');
    await docs.getByRole('button', { name: /^ダウンロード履歴（[1-9]\d*回）$/ }).click();
    await page.getByRole('dialog').getByRole('cell', { name: /佐野/ }).first().waitFor();
    await expectNoAxeViolations(page);
    await shot(page, 'system-downloads');
    await page.context().close();
  }, 120_000);

  it('the 保護管理者 registers a system with its safeguards and keeps its design document', async () => {
    const page = await signedInAt(app, DEMO.tokyoManager, '/facilities/systems');
    await heading(page, '情報システム');
    await page.getByRole('link', { name: '情報システムを登録' }).click();
    await heading(page, '情報システムの登録');
    const name = `証明書発行システム ${stamp}`;
    await page.getByLabel('システム名').fill(name);
    await page.getByLabel('利用目的・概要').fill('在学証明書・成績証明書を発行する。');
    await page.getByRole('radio', { name: 'クラウド' }).check();
    await page.getByRole('checkbox', { name: '証明書発行ファイル' }).check();
    const descriptions = [
      '学外からの通信はHTTPSのみ許可する。',
      '管理画面は学内からのみ接続できる。',
      '提供事業者が毎月修正プログラムを適用する。',
      '添付ファイルはウイルス検査してから保存する。',
    ];
    for (const [i, text] of descriptions.entries()) await page.getByLabel(`措置 ${i + 1} の内容`).fill(text);
    await expectNoAxeViolations(page);
    await shot(page, 'system-form');
    await page.getByRole('button', { name: '登録する' }).click();
    await heading(page, name);
    await page.getByText('情報システムを登録しました。').waitFor();
    await page.getByText('まだ点検していません').first().waitFor();

    const docs = page.getByRole('region', { name: '設計書・構成図（第28条）' });
    await docs.getByText('保管されている設計書等はありません。').waitFor();
    await docs.getByLabel('文書の種類').selectOption({ label: '設計書' });
    await docs.getByLabel('文書名').fill(`基本設計書 ${stamp}`);
    await docs.getByLabel('ファイル', { exact: true }).setInputFiles(pdf(`design-${stamp}`));
    await docs.getByRole('button', { name: '保管する' }).click();
    await page.getByText('設計書等を保管しました。').waitFor();
    await docs.getByRole('link', { name: `基本設計書 ${stamp}` }).waitFor();
    await expectNoAxeViolations(page);
    await page.context().close();
  }, 120_000);

  it('the 保護担当者 reads the system without its design documents; staff are offered neither (A28)', async () => {
    const officer = await signedInAt(app, DEMO.tokyoOfficer, systemPath);
    await heading(officer, '教務システム');
    await officer.getByText('安全管理の措置と点検').waitFor();
    expect(await officer.getByRole('heading', { name: '設計書・構成図（第28条）' }).count()).toBe(0);
    expect(await officer.getByRole('button', { name: /の点検を記録$/ }).count()).toBe(0);
    expect(await officer.getByRole('link', { name: '登録内容を変更' }).count()).toBe(0);
    const listed = await officer.request.get(`${app.server.url}/api${systemPath}/documents`);
    expect(listed.status()).toBe(403);
    await expectNoAxeViolations(officer);
    await shot(officer, 'system-officer');
    await officer.context().close();

    const staff = await signedInAt(app, DEMO.staff, '/facilities');
    await heading(staff, '施設・機器');
    await staff.getByRole('link', { name: /^端末・媒体/ }).waitFor();
    expect(await staff.getByRole('link', { name: /^情報システム(?!室)/ }).count()).toBe(0);
    await staff.goto(`${app.server.url}${systemPath}`);
    await staff.getByText('指定された情報システムは見つかりません。').waitFor();
    expect(await staff.getByText('設計書・構成図', { exact: false }).count()).toBe(0);
    await expectNoAxeViolations(staff);
    await staff.context().close();
  }, 120_000);
});
