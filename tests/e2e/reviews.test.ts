/**
 * Inspections in the browser (issue 10; A37), against the built app and the demo: the 保護管理者 of
 * 東京 教務係 inspects the section from its schedule — 記録媒体 要改善, 処理経路 and 保管方法 適 — completes
 * it and reports it to the 総括保護管理者; the 総括保護管理者 of 東京 is told, sees the report among the
 * unit's inspections and acknowledges it; the manager then sees the acknowledgement. Every page is
 * axe-clean.
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

describe.skipIf(!chromiumAvailable())('inspections (issue 10, A37)', () => {
  const app = demoApp();

  const as = async (employeeNumber: string): Promise<Page> => {
    const page = await openPage(app.browser);
    await signIn(page, app.server.url, employeeNumber);
    await heading(page, 'ホーム');
    return page;
  };

  it('an inspection completed and reported is seen and acknowledged by the 総括保護管理者', async () => {
    const manager = await as(DEMO.tokyoManager);
    await manager.goto(`${app.server.url}/oversight/inspections`);
    await heading(manager, '点検');
    const schedule = manager
      .getByRole('table', { name: '課等ごとの点検の周期と次回の期限' })
      .getByRole('row')
      .filter({ hasText: '教務係' });
    await expectNoAxeViolations(manager);
    await schedule.getByRole('link', { name: /^点検する/ }).click();
    await heading(manager, '点検を記録');
    // The section of the schedule's row is chosen; the three areas of A37 are asked.
    expect(await manager.getByLabel('点検する課等').locator('option:checked').textContent()).toMatch(
      /教務係$/,
    );
    const media = manager.getByRole('group', { name: '記録媒体の結果' });
    await media.getByRole('radio', { name: '要改善' }).check();
    await manager.getByLabel('記録媒体の所見').fill('USBメモリの持出し簿に返却日の記入漏れが2件あった');
    await manager.getByRole('group', { name: '処理経路の結果' }).getByRole('radio', { name: '適' }).check();
    await manager
      .getByRole('group', { name: '保管方法の結果' })
      .getByRole('radio', { name: '該当なし' })
      .check();
    await manager.getByLabel('発見された問題点').fill('持出し簿の返却確認が徹底されていない');
    await manager.getByLabel('講じた措置・改善').fill('返却時に係長が確認印を押すこととした');
    await expectNoAxeViolations(manager);
    await manager.getByRole('button', { name: '保存する' }).click();
    const title = await heading(manager, /^点検 \S+$/);
    const number = title.replace('点検 ', '');
    await manager.getByText('点検を記録しました（作成中）。').waitFor();
    const results = manager.getByRole('table', { name: '記録媒体・処理経路・保管方法の点検結果' });
    await results.getByRole('row').filter({ hasText: '記録媒体' }).getByText('要改善').waitFor();
    await results.getByRole('row').filter({ hasText: '保管方法' }).getByText('該当なし').waitFor();
    await expectNoAxeViolations(manager);

    // Completed with the report to the 総括保護管理者 (A37 「必要に応じて報告」).
    await manager.getByRole('checkbox', { name: '総括保護管理者にも報告する' }).check();
    await manager.getByRole('button', { name: '点検を完了する' }).click();
    await manager.getByText('報告済', { exact: true }).first().waitFor();
    await manager.getByText('総括保護管理者の確認を待っています。').waitFor();
    await expect(manager.getByRole('button', { name: '点検を完了する' }).count()).resolves.toBe(0);
    await expectNoAxeViolations(manager);

    // The unit's 総括保護管理者 is told, finds it among the unit's inspections and acknowledges it.
    const principal = await as(DEMO.tokyoPrincipal);
    await principal.goto(`${app.server.url}/notifications`);
    await heading(principal, '通知');
    await principal.getByRole('row').filter({ hasText: '点検結果の報告がありました' }).first().waitFor();
    await principal.goto(`${app.server.url}/oversight/inspections?status=reported`);
    await heading(principal, '点検');
    const row = principal
      .getByRole('table', { name: '点検の記録' })
      .getByRole('row')
      .filter({ hasText: number });
    await row.getByText('未確認').waitFor();
    await expectNoAxeViolations(principal);
    await row.getByRole('link', { name: number }).click();
    await heading(principal, `点検 ${number}`);
    await principal.getByText('持出し簿の返却確認が徹底されていない').waitFor();
    await principal.getByRole('button', { name: '報告を確認した' }).click();
    await principal.getByText('報告を確認しました。').waitFor();
    await principal.getByText(/が確認しました。$/).waitFor();
    await expectNoAxeViolations(principal);

    // The manager sees the acknowledgement.
    await manager.reload();
    await heading(manager, `点検 ${number}`);
    await manager.getByText(/が確認しました。$/).waitFor();
  });

  it("a unit evaluation takes the year's inspections, decides an action and its owner records it done", async () => {
    // A38: the unit's 総括保護管理者 keeps the unit's yearly evaluation.
    const principal = await as(DEMO.tokyoPrincipal);
    await principal.goto(`${app.server.url}/oversight/evaluations`);
    await heading(principal, '評価・見直し');
    await expectNoAxeViolations(principal);
    await principal.getByLabel('年度').fill('2026');
    expect(await principal.getByLabel('対象').locator('option:checked').textContent()).toBe(
      '東京工業高等専門学校',
    );
    await principal.getByRole('button', { name: '始める' }).click();
    await heading(principal, /^令和8年度の評価・見直し（.*東京.*）$/);
    await principal.getByText('評価・見直しを始めました。').waitFor();
    // The inputs: the year's inspections of the unit, each linked to its record.
    const inputs = principal.getByRole('table', { name: 'この年度の点検' });
    await inputs.getByRole('row').filter({ hasText: '教務係' }).first().getByRole('link').waitFor();
    await principal
      .getByLabel('評価の内容')
      .fill('記録媒体の持出し管理に不備が続いている。様式の見直しが必要。');
    await principal.getByRole('button', { name: '評価を保存する' }).click();
    await principal.getByText('記録しました。').waitFor();

    // A decided action with its owner (the section's 保護管理者) and due date.
    await principal.getByLabel('措置の内容').fill('持出し簿の様式を改め、返却確認欄を設ける');
    await principal.getByLabel('関係する規定').fill('A37');
    const owner = principal.getByLabel('担当者');
    const sano = await owner.locator('option', { hasText: '佐野 武志' }).first().getAttribute('value');
    expect(sano).toBeTruthy();
    await owner.selectOption(String(sano));
    await principal.getByLabel('期限').fill('2027-03-31');
    await expectNoAxeViolations(principal);
    await principal.getByRole('button', { name: '措置を追加する' }).click();
    const action = principal
      .getByRole('listitem')
      .filter({ hasText: '持出し簿の様式を改め、返却確認欄を設ける' });
    await action.getByText('未了').waitFor();
    await principal.getByRole('button', { name: '評価・見直しを決定する' }).click();
    await principal.getByText('評価・見直しを決定しました。担当者に通知しました。').waitFor();
    await principal.getByText('決定', { exact: true }).first().waitFor();
    const url = principal.url();

    // The owner is told, reads the evaluation and records the action done.
    const manager = await as(DEMO.tokyoManager);
    await manager.goto(`${app.server.url}/notifications`);
    await heading(manager, '通知');
    await manager
      .getByRole('row')
      .filter({ hasText: '評価・見直しの措置の担当になりました' })
      .first()
      .waitFor();
    await manager.goto(url);
    await heading(manager, /^令和8年度の評価・見直し（.*東京.*）$/);
    const mine = manager
      .getByRole('listitem')
      .filter({ hasText: '持出し簿の様式を改め、返却確認欄を設ける' });
    await mine.getByLabel('実施した内容').fill('新様式を12月から使用開始');
    await expectNoAxeViolations(manager);
    await mine.getByRole('button', { name: '完了を記録する' }).click();
    await mine.getByText('完了', { exact: true }).waitFor();
    await mine.getByText('新様式を12月から使用開始').waitFor();
    await expectNoAxeViolations(manager);
  });
});
