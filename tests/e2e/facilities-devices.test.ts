/**
 * Devices and media in the browser (issue 11; A14, A30, A34), against the built app and the demo:
 * the 保護管理者 of 東京 教務係 (E150007) registers a USB memory (A14, A30-1) and asks to take it out
 * (A30-2); being the section's own decider, the request goes to the unit's 総括保護管理者 (E150001),
 * who approves it in 「承認・通知」; the manager then records the take-out and the return. A loss
 * report opens an incident at once (A34) whose number links to the incident. Staff of the section
 * read the register but do not keep it. Every page is axe-clean.
 */
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, demoApp, expectNoAxeViolations } from '../support/browser.ts';
import { DEMO, heading } from './e2e-helpers.ts';
import { shot, signedInAt } from './facilities-steps.ts';

/** A day in Tokyo, `days` from today, as a date input's value. */
const day = (days = 0): string =>
  new Date(Date.now() + 9 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

describe.skipIf(!chromiumAvailable())('facilities: devices and media (issue 11: A14, A30)', () => {
  const app = demoApp();
  const stamp = Date.now() % 100000;
  const label = `教務係 USBメモリ E2E-${stamp}`;
  let devicePath = '';
  let requestNumber = '';

  it('the 保護管理者 registers a USB memory from the hub, after the form says what is missing (A14, A30-1)', async () => {
    const page = await signedInAt(app, DEMO.tokyoManager);
    await page
      .getByRole('navigation', { name: 'メインメニュー' })
      .getByRole('link', { name: '施設・機器' })
      .click();
    await heading(page, '施設・機器');
    await page.getByText('規則第14条・第30条').waitFor();
    await expectNoAxeViolations(page);
    await shot(page, 'hub');
    await page.getByRole('link', { name: /^端末・媒体/ }).click();
    await heading(page, '端末・媒体');
    // The demo's devices, and handling's media shown read-only with the way to its movements.
    await page.getByRole('link', { name: '送信・媒体の持出しへ' }).waitFor();
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: '端末・媒体を登録' }).click();
    await heading(page, '端末・媒体の登録');
    await page.getByRole('button', { name: '登録する' }).click();
    await page.getByText(/件の項目を確認してください/).waitFor();
    await page.getByLabel('種類').selectOption({ label: 'USBメモリ' });
    await page.getByLabel('名称').fill(label);
    await page.getByLabel('資産番号・製造番号').fill(`S/N E2E-${stamp}`);
    await page.getByLabel('保管場所').fill('教務係 施錠キャビネットA');
    await page.getByRole('radio', { name: 'ディスク全体を暗号化' }).check();
    await page.getByLabel('暗号化の方法').fill('暗号化機能付きUSBメモリ');
    await expectNoAxeViolations(page);
    await shot(page, 'device-form');
    await page.getByRole('button', { name: '登録する' }).click();
    await heading(page, new RegExp(label));
    await page.getByText('端末・媒体を登録しました。').waitFor();
    await page.locator('dd').getByText('保管中', { exact: true }).waitFor();
    devicePath = new URL(page.url()).pathname;
    expect(devicePath).toMatch(/^\/facilities\/devices\/[0-9a-f-]{36}$/);
    await expectNoAxeViolations(page);

    // The record is changed (the section stays): a new storage place (A14).
    await page.getByRole('link', { name: '登録内容を変更' }).click();
    await heading(page, '登録内容の変更');
    await page.getByLabel('保管場所').fill('教務係 施錠キャビネットB');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: '変更を保存する' }).click();
    await page.getByText('登録内容を変更しました。').waitFor();
    await page
      .getByRole('definition')
      .filter({ hasText: /^教務係 施錠キャビネットB$/ })
      .waitFor();
    await page.context().close();
  }, 120_000);

  it('taking it out needs approval: requested, approved in 「承認・通知」 by the 総括保護管理者, then recorded (A30-2)', async () => {
    const manager = await signedInAt(app, DEMO.tokyoManager, devicePath);
    await heading(manager, new RegExp(label));
    // Nothing approved yet: no take-out to record.
    expect(await manager.getByRole('button', { name: '持出しを記録する' }).count()).toBe(0);
    await manager.getByRole('button', { name: '持出しを申請' }).click();
    const dialog = manager.getByRole('dialog');
    await dialog.getByLabel('持出し先').fill('第2キャンパス 会議室');
    await dialog.getByLabel('目的').fill('成績会議の資料を表示するため');
    await dialog.getByLabel('返却予定日').fill(day(7));
    await expectNoAxeViolations(manager);
    await shot(manager, 'take-out-request');
    await dialog.getByRole('button', { name: '承認を申請する' }).click();
    await manager.getByText('持出しの承認を申請しました。', { exact: false }).waitFor();
    const row = manager.getByRole('row').filter({ hasText: '第2キャンパス 会議室' });
    await row.getByText('承認待ち').waitFor();
    requestNumber = ((await row.getByRole('link').first().textContent()) ?? '').trim();
    expect(requestNumber).not.toBe('');

    // The manager's own request is decided above the section: the unit's 総括保護管理者.
    const principal = await signedInAt(app, DEMO.tokyoPrincipal);
    await principal
      .getByRole('navigation', { name: 'メインメニュー' })
      .getByRole('link', { name: /^承認・通知/ })
      .click();
    await heading(principal, '承認');
    const asked = principal.getByRole('row').filter({ hasText: requestNumber });
    await asked.getByText('端末・媒体の持出し').waitFor();
    await asked.getByRole('link', { name: requestNumber }).click();
    await principal.getByRole('button', { name: '承認する' }).click();
    await principal.getByText('承認しました。申請者に通知しました。').waitFor();
    await principal.context().close();

    await manager.reload();
    await heading(manager, new RegExp(label));
    await manager
      .getByRole('row')
      .filter({ hasText: requestNumber })
      .getByText('承認済み（未実施）')
      .waitFor();
    await expectNoAxeViolations(manager);
    await manager.getByRole('button', { name: '持出しを記録する' }).click();
    await manager.getByText('持出しを記録しました。').waitFor();
    await manager
      .locator('dd')
      .getByText(/持出中$/)
      .first()
      .waitFor();
    await manager.getByRole('rowheader', { name: '持出し', exact: true }).waitFor();
    await expectNoAxeViolations(manager);
    await shot(manager, 'device-out');

    await manager.getByRole('button', { name: '持出しからの返却を記録' }).click();
    await manager.getByRole('dialog').getByRole('button', { name: '持出しからの返却を記録' }).click();
    await manager.getByText('返却を記録しました。').waitFor();
    await manager.locator('dd').getByText('保管中', { exact: true }).waitFor();
    await manager.getByRole('row').filter({ hasText: requestNumber }).getByText('返却済み').waitFor();
    await shot(manager, 'device-returned');
    await manager.goto(`${app.server.url}/facilities/devices`);
    await heading(manager, '端末・媒体');
    await manager.getByRole('row').filter({ hasText: label }).getByText('保管中').waitFor();
    await shot(manager, 'devices');
    await manager.context().close();
  }, 240_000);

  it('staff of another section (総務係) do not see the devices of 教務係, and may still ask to bring one in', async () => {
    const page = await signedInAt(app, DEMO.staff, '/facilities');
    await heading(page, '施設・機器');
    await page.getByRole('link', { name: /^端末・媒体/ }).click();
    await heading(page, '端末・媒体');
    await page.getByRole('link', { name: '持込みを申請' }).waitFor();
    expect(await page.getByRole('link', { name: '端末・媒体を登録' }).count()).toBe(0);
    expect(await page.getByRole('row').filter({ hasText: label }).count()).toBe(0);
    await expectNoAxeViolations(page);
    await shot(page, 'devices-staff');
    // The device's own address answers as if it did not exist (A30: its section's register).
    await page.goto(`${app.server.url}${devicePath}`);
    await page.getByText('指定された端末・媒体は見つかりません。').waitFor();
    expect(await page.getByRole('button', { name: '持出しを申請' }).count()).toBe(0);
    await page.goto(`${app.server.url}/facilities/devices/bring-ins`);
    await heading(page, '持込みの申請');
    await page
      .getByLabel('持ち込む係')
      .locator('option', { hasText: '総務係' })
      .waitFor({ state: 'attached' });
    await expectNoAxeViolations(page);
    await shot(page, 'bring-ins');
    await page.context().close();
  }, 120_000);

  it('a loss reported opens an incident at once, linked from the device (A34)', async () => {
    const page = await signedInAt(app, DEMO.tokyoManager, devicePath);
    await heading(page, new RegExp(label));
    await page.getByRole('button', { name: '紛失・盗難を届け出る' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('ただちに事案（第34条）として記録され', { exact: false }).waitFor();
    await dialog.getByLabel('すでに行ったこと').fill('執務室と会議室を探した');
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: '届け出る' }).click();
    await page.getByText('紛失・盗難を届け出ました。', { exact: false }).waitFor();
    await page
      .locator('dd')
      .getByText(/紛失・盗難$/)
      .waitFor();
    const link = page.getByText('事案の記録：').getByRole('link');
    const incidentHref = await link.getAttribute('href');
    expect(incidentHref).toMatch(/^\/incidents\/[0-9a-f-]{36}$/);
    await expectNoAxeViolations(page);
    await shot(page, 'device-lost');
    await link.click();
    await page.waitForURL((url) => url.pathname === incidentHref);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.context().close();
  }, 120_000);
});
