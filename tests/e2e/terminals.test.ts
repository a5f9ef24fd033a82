/**
 * Terminals in the browser (A29 端末の限定): a staff member asks to register the browser they use,
 * the manager of the area approves it from another app.browser, the first browser then shows
 * 「登録済み」; the manager revokes it and the first browser shows 「未登録の端末」. Pages axe-clean.
 * Against the built app and the demo organisation (東京高専 教務係 執務室, managed by its 保護管理者).
 */
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, expectNoAxeViolations, openPage, demoApp } from '../support/browser.ts';
import { DEMO, heading, signIn } from './e2e-helpers.ts';

describe.skipIf(!chromiumAvailable())(
  'terminal request, approval and revocation in the browser (A29)',
  () => {
    const app = demoApp();

    it('a requested terminal becomes 登録済み once approved and 未登録 once revoked', async () => {
      const staff = await openPage(app.browser);
      await signIn(staff, app.server.url, DEMO.staff);
      await staff
        .getByRole('navigation', { name: 'メインメニュー' })
        .getByRole('link', { name: '端末の登録' })
        .click();
      await heading(staff, '端末の登録');
      await staff.getByText('未登録の端末').waitFor();
      await expectNoAxeViolations(staff);

      await staff.getByLabel('区域').selectOption({ label: '教務係 執務室（一般）' });
      await staff.getByLabel('端末名').fill('総務係 PC-7');
      await staff.getByLabel('申請の理由').fill('教務係の応援業務で使用するため');
      await staff.getByRole('button', { name: '申請する' }).click();
      await staff.getByText('この端末: 承認待ち（教務係 執務室）').waitFor();
      // The device credential is HttpOnly: the page's scripts never see it.
      expect(await staff.evaluate(() => document.cookie)).not.toContain('mamori_terminal');
      const cookies = await staff.context().cookies();
      expect(cookies.find((c) => c.name === 'mamori_terminal')).toMatchObject({
        httpOnly: true,
        sameSite: 'Strict',
      });

      const manager = await openPage(app.browser);
      await signIn(manager, app.server.url, DEMO.tokyoManager);
      await manager.goto(`${app.server.url}/terminals/inbox`);
      await heading(manager, '端末の承認');
      const card = manager.getByRole('article', { name: '総務係 PC-7' });
      await card.waitFor();
      await expectNoAxeViolations(manager);
      await card.getByRole('button', { name: '承認する' }).click();
      await manager.getByText('承認しました。').waitFor();
      await manager.getByText('承認待ちの申請はありません。').waitFor();

      await staff.reload();
      await staff.getByText('この端末: 登録済み（教務係 執務室）').waitFor();
      await expectNoAxeViolations(staff);

      await manager.goto(`${app.server.url}/terminals/areas`);
      await heading(manager, '区域と端末');
      await expectNoAxeViolations(manager);
      await manager.getByRole('button', { name: '無効化する: 総務係 PC-7' }).click();
      const dialog = manager.getByRole('dialog', { name: '端末「総務係 PC-7」を無効化する' });
      await dialog.getByLabel('無効化の理由').fill('応援業務の終了');
      await expectNoAxeViolations(manager);
      await dialog.getByRole('button', { name: '無効化する' }).click();
      await manager.getByText('端末を無効化しました。').waitFor();

      await staff.reload();
      await staff.getByText('未登録の端末').waitFor();
      await staff.getByText('この端末の登録は無効化されました。', { exact: false }).waitFor();
      await staff.context().close();
      await manager.context().close();
    }, 120_000);
  },
);
