/**
 * The register's staff screens in the browser (A20), against the real built app and the demo register:
 * a section's 保護管理者 drafts an entry with the form (its own validation first), the unit's
 * 総括保護管理者 submits it from the inbox, the 総括管理者 returns it with a reason and, once revised
 * and submitted again, accepts it, after which the public register shows it. Someone who may only read
 * sees no action; someone with no part in the register does not see it at all. Every page is axe-clean.
 */
import { describe, expect, it } from 'vitest';
import {
  chromiumAvailable,
  demoApp,
  expectNoAxeViolations,
  openPage,
  type Page,
} from '../support/browser.ts';
import { DEMO, heading, signIn } from './e2e-helpers.ts';

const NAME = '補習受講者ファイル';

describe.skipIf(!chromiumAvailable())('the register for staff (A20)', () => {
  const app = demoApp();

  const as = async (employeeNumber: string): Promise<Page> => {
    const page = await openPage(app.browser);
    await signIn(page, app.server.url, employeeNumber);
    await heading(page, 'ホーム');
    return page;
  };
  const openFromInbox = async (page: Page, task: string) => {
    await page
      .getByRole('navigation', { name: 'メインメニュー' })
      .getByRole('link', { name: '個人情報ファイル簿' })
      .click();
    await heading(page, '個人情報ファイル簿');
    await page.getByRole('link', { name: /^対応待ち/ }).click();
    await heading(page, '個人情報ファイル簿の対応待ち');
    const row = page.getByRole('row').filter({ hasText: NAME });
    expect(await row.getByRole('cell').first().textContent()).toBe(task);
    await expectNoAxeViolations(page);
    await row.getByRole('link', { name: NAME }).click();
    await heading(page, NAME);
  };
  const confirm = async (page: Page, action: string) => {
    await page.getByRole('button', { name: action }).click();
    const dialog = page.getByRole('dialog', { name: action });
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: '実行する' }).click();
  };

  it('takes an entry from the section’s draft through return, revision and submission to the public register', async () => {
    // A20-1: the 保護管理者 of 教務係 drafts; the form checks before anything is sent.
    const manager = await as(DEMO.tokyoManager);
    await manager.getByRole('link', { name: '個人情報ファイル簿' }).first().click();
    await heading(manager, '個人情報ファイル簿');
    await manager.getByRole('link', { name: 'ファイルを登録する' }).click();
    await heading(manager, '個人情報ファイルの登録');
    await manager.getByText('法第74条第1項第3号・第61条: 特定した利用目的を具体的に記入します。').waitFor();
    await manager.getByRole('button', { name: '下書きを保存する' }).click();
    await manager.getByText(/入力内容に誤りがあります。\d+件の項目を確認してください。/).waitFor();
    expect(await manager.getByLabel('個人情報ファイルの名称').getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(manager);

    expect(await manager.getByLabel('課等', { exact: true }).inputValue()).not.toBe(''); // the one section they keep
    await manager.getByLabel('個人情報ファイルの名称').fill(NAME);
    await manager
      .getByLabel('個人情報ファイルが利用に供される事務をつかさどる組織の名称')
      .fill('東京工業高等専門学校 学生課教務係');
    await manager.getByLabel('個人情報ファイルの利用目的').fill('補習の受講者の管理に利用する。');
    await manager.getByLabel('記録項目').fill('学生番号\n氏名\n受講科目');
    await manager.getByLabel('記録範囲').fill('補習を受講した学生');
    await manager.getByLabel('記録情報の収集方法').fill('本人申込');
    await manager
      .getByRole('group', { name: /要配慮個人情報/ })
      .getByLabel('含まれない')
      .check();
    await manager
      .getByLabel('開示請求等を受理する組織の名称及び所在地')
      .fill('東京工業高等専門学校 総務課（東京都八王子市椚田町1220-2）');
    // Inviting proposals for anonymised information needs the office that receives them (法110).
    await manager
      .getByRole('group', { name: /提案の募集をする/ })
      .getByLabel('該当する', { exact: true })
      .check();
    await manager.getByRole('button', { name: '下書きを保存する' }).click();
    await manager
      .getByText('匿名加工情報の提案を募集する場合は、提案を受ける組織の名称及び所在地を記入してください。')
      .first()
      .waitFor();
    await manager
      .getByRole('group', { name: /提案の募集をする/ })
      .getByLabel('該当しない')
      .check();
    await manager.getByRole('button', { name: '下書きを保存する' }).click();

    await heading(manager, NAME);
    await manager.getByText('ファイルを作成しました。内容を確認して提出してください。').waitFor();
    await manager.getByText('1 学生番号').waitFor();
    // The 保護管理者 drafts but does not submit (A20-1: the 総括保護管理者 does).
    await manager.getByRole('link', { name: '内容を編集する' }).waitFor();
    expect(await manager.getByRole('button', { name: '総括管理者に提出する' }).count()).toBe(0);
    await expectNoAxeViolations(manager);

    // A20-1: the unit's 総括保護管理者 submits it from the inbox.
    const principal = await as(DEMO.tokyoPrincipal);
    // The home page says so first: the demo's three steps for 東京's 校長, and this one.
    await principal.getByText('4件の手続があなたの対応を待っています。').waitFor();
    await openFromInbox(principal, '総括管理者への提出');
    await confirm(principal, '総括管理者に提出する');
    await principal.getByText('総括管理者に提出しました。').waitFor();

    // A20-2: the 総括管理者 returns it with a reason (the reason is required).
    const chief = await as(DEMO.chiefManager);
    await openFromInbox(chief, '登録の判断（受理または差戻し）');
    await chief.getByRole('button', { name: '差し戻す' }).click();
    const dialog = chief.getByRole('dialog', { name: '差し戻す' });
    await dialog.getByRole('button', { name: '差し戻す' }).click();
    await dialog.getByText('入力してください。').waitFor();
    await dialog.getByLabel('理由').fill('記録範囲に対象の学年を書いてください。');
    await dialog.getByRole('button', { name: '差し戻す' }).click();
    await chief.getByText('差し戻しました。').waitFor();

    // The section sees why, corrects the entry; the 総括保護管理者 submits again.
    await manager.goto(`${app.server.url}/register-admin/inbox`);
    await manager
      .getByRole('row')
      .filter({ hasText: '差し戻された内容の修正' })
      .getByRole('link', { name: NAME })
      .click();
    await manager.getByText('記録範囲に対象の学年を書いてください。').first().waitFor();
    await manager.getByRole('link', { name: '内容を編集する' }).click();
    await heading(manager, '内容の編集（第1版）');
    await manager.getByLabel('記録範囲').fill('補習を受講した本科1〜3年生');
    await manager.getByRole('button', { name: '下書きを保存する' }).click();
    await manager.getByText('内容を保存しました。').waitFor();
    await manager.getByText('補習を受講した本科1〜3年生').first().waitFor();
    await principal.goto(`${app.server.url}/register-admin`);
    await openFromInbox(principal, '総括管理者への提出');
    await confirm(principal, '総括管理者に提出する');
    await principal.getByText('総括管理者に提出しました。').waitFor();

    // A20-2: accepted, the entry is registered and published at once.
    await chief.goto(`${app.server.url}/register-admin`);
    await openFromInbox(chief, '登録の判断（受理または差戻し）');
    await confirm(chief, '受理して登録する');
    await chief.getByText('受理し、個人情報ファイル簿に登録しました。').waitFor();
    await chief.getByText('公開の個人情報ファイル簿に掲載中').waitFor();
    const publicLink = await chief.getByRole('link', { name: '公開ページで見る' }).getAttribute('href');
    const pub = await openPage(app.browser);
    await pub.goto(`${app.server.url}${publicLink}`);
    await pub.getByRole('heading', { level: 1, name: NAME }).waitFor();
    await pub.getByText('補習を受講した本科1〜3年生').waitFor();
  });

  it('shows the history of an amendment as a diff, and no action to one who may only read', async () => {
    const officer = await as(DEMO.tokyoOfficer); // 保護担当者 of 教務係: reads its files only
    await officer.goto(`${app.server.url}/register-admin`);
    await heading(officer, '個人情報ファイル簿');
    expect(await officer.getByRole('link', { name: 'ファイルを登録する' }).count()).toBe(0);
    await officer.getByRole('link', { name: '学籍ファイル' }).click();
    await heading(officer, '学籍ファイル');
    expect(
      await officer
        .getByRole('button')
        .filter({ hasText: /提出|受理|廃止|差し戻す/ })
        .count(),
    ).toBe(0);
    expect(await officer.getByRole('link', { name: /編集|変更を始める/ }).count()).toBe(0);

    // The demo's 情報システムアカウントファイル is being amended (A20-3): version 2 against version 1.
    const chief = await as(DEMO.chiefManager);
    await chief.goto(`${app.server.url}/register-admin`);
    await chief.getByRole('link', { name: '情報システムアカウントファイル' }).click();
    await heading(chief, '情報システムアカウントファイル');
    const diff = chief.getByRole('table', { name: '第1版と第2版の差分' });
    const row = diff.getByRole('row').filter({ hasText: '記録情報の経常的提供先' });
    await row.getByRole('cell').last().waitFor();
    expect(await row.getByRole('cell').allTextContents()).toEqual([
      'クラウドサービス事業者（委託）',
      'クラウドサービス事業者（委託）、学術認証フェデレーション',
    ]);
    expect(await diff.locator('tbody tr').count()).toBe(1);
    await expectNoAxeViolations(chief);

    // Someone with no part in the register does not see it, and its API refuses them.
    const staff = await as(DEMO.staff);
    expect(
      await staff
        .getByRole('navigation', { name: 'メインメニュー' })
        .getByRole('link', { name: '個人情報ファイル簿' })
        .count(),
    ).toBe(0);
    await staff.goto(`${app.server.url}/register-admin`);
    await staff.getByRole('alert').filter({ hasText: 'エラーが発生しました' }).waitFor();
  });
});
