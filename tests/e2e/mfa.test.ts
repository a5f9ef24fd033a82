/**
 * The second factor in the browser (A21 「ICカード又は生体認証」): a システム管理者 resets a person's
 * factors; the person enrols an authenticator app at the next sign-in (QR code, key, first code,
 * recovery codes shown once), signs out and signs in with a code; a security key (Chromium's virtual
 * authenticator) is added on 「二要素認証」 and then used to sign in. axe-clean pages throughout.
 * WebAuthn needs a secure context and a host name: the browser opens http://localhost, not 127.0.0.1.
 */
import { describe, expect, it } from 'vitest';
import {
  chromiumAvailable,
  expectNoAxeViolations,
  openPage,
  demoApp,
  type Page,
} from '../support/browser.ts';
import { DEMO_PASSWORD } from '../../server/modules/organisation/demo/load-demo.ts';
import { DEMO, heading, nextTotpCode, signIn, submitSignIn } from './e2e-helpers.ts';

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'ログアウト' }).click();
  await page.waitForURL((url) => url.pathname === '/login');
}

describe.skipIf(!chromiumAvailable())('second factor in the browser (A21)', () => {
  const app = demoApp();

  it('after a reset by the システム管理者, enrols an authenticator app at sign-in, then signs in with a code', async () => {
    const who = DEMO.tokyoManager;
    const first = await openPage(app.browser);
    await signIn(first, app.server.url, who); // the demo seed
    const me = (await (await first.request.get(`${app.server.url}/api/session`)).json()) as {
      person: { id: string };
    };
    await first.goto(`${app.server.url}/account/security`);
    await heading(first, '二要素認証');
    await first.getByText('あなたの職務では二要素認証が必須です。').waitFor();
    await expectNoAxeViolations(first);
    // The last factor of a mandatory person cannot be removed.
    await first.getByRole('button', { name: '認証アプリの登録を削除' }).click();
    await first.getByText('最後の認証方法は削除できません').first().waitFor();
    await first.context().close();

    const admin = await openPage(app.browser);
    await signIn(admin, app.server.url, DEMO.admin);
    await admin.goto(`${app.server.url}/admin/mfa`);
    await heading(admin, '二要素認証の必須設定');
    // The roles' checkboxes come with the settings, after the heading.
    await admin.getByRole('checkbox').first().waitFor();
    expect(await admin.getByRole('checkbox').count()).toBe(9);
    await expectNoAxeViolations(admin);
    await admin.goto(`${app.server.url}/people/${me.person.id}/account`);
    await admin.locator('#factors').getByRole('heading', { name: '二要素認証' }).waitFor();
    await admin.getByText('認証アプリ：あり').waitFor();
    await expectNoAxeViolations(admin);
    admin.once('dialog', (d) => void d.accept());
    await admin.getByRole('button', { name: '二要素認証をすべて解除' }).click();
    await admin.getByText('解除しました。').waitFor();
    await admin.getByText('認証アプリ：なし').waitFor();
    await admin.context().close();

    const page = await openPage(app.browser);
    await submitSignIn(page, app.server.url, who, DEMO_PASSWORD);
    await page.waitForURL((url) => url.pathname === '/login/second-factor');
    await heading(page, '二要素認証の登録');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: '認証アプリを登録する' }).click();
    await page.getByRole('img', { name: '認証アプリに登録するためのQRコード' }).waitFor();
    const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await expectNoAxeViolations(page);
    await page.getByLabel('確認コード').fill('000000');
    await page.getByRole('button', { name: '登録を完了する' }).click();
    await page.getByText('確認コードが正しくないか').first().waitFor();
    await page.getByLabel('確認コード').fill(await nextTotpCode(app.server.url, who, secret));
    await page.getByRole('button', { name: '登録を完了する' }).click();
    await heading(page, 'リカバリーコードを控えてください');
    expect(await page.getByRole('list', { name: 'リカバリーコード一覧' }).getByRole('listitem').count()).toBe(
      10,
    );
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: '控えたので続ける' }).click();
    await heading(page, 'ホーム');

    await signOut(page);
    await submitSignIn(page, app.server.url, who, DEMO_PASSWORD);
    await page.waitForURL((url) => url.pathname === '/login/second-factor');
    await heading(page, '確認コードの入力');
    expect(await page.getByLabel('確認コード').getAttribute('autocomplete')).toBe('one-time-code');
    await expectNoAxeViolations(page);
    await page.getByLabel('確認コード').fill(await nextTotpCode(app.server.url, who, secret));
    await page.getByRole('button', { name: '確認してログイン' }).click();
    await heading(page, 'ホーム');
    await page.context().close();
  }, 180_000);

  it('registers a security key (virtual authenticator) and signs in with it', async () => {
    const base = app.server.url.replace('127.0.0.1', 'localhost');
    const page = await openPage(app.browser);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
      },
    });
    await signIn(page, base, DEMO.tokyoOfficer);
    await page.goto(`${base}/account/security`);
    await heading(page, '二要素認証');
    await page.getByLabel('キーの名前').fill('このパソコンの指紋認証');
    await page.getByRole('button', { name: 'セキュリティキーを追加' }).click();
    await page.getByText('セキュリティキーを登録しました。').waitFor();
    await page.getByRole('button', { name: 'このパソコンの指紋認証を削除' }).waitFor();
    // The first key of a person without recovery codes brings them, shown once.
    expect(await page.getByRole('list', { name: 'リカバリーコード一覧' }).getByRole('listitem').count()).toBe(
      10,
    );
    await expectNoAxeViolations(page);

    await signOut(page);
    await submitSignIn(page, base, DEMO.tokyoOfficer, DEMO_PASSWORD);
    await page.waitForURL((url) => url.pathname === '/login/second-factor');
    await page.getByRole('button', { name: 'セキュリティキーを使う' }).click();
    await heading(page, 'ホーム');
    const signedIn = (await (await page.request.get(`${base}/api/session`)).json()) as {
      person: { employeeNumber: string };
    };
    expect(signedIn.person.employeeNumber).toBe(DEMO.tokyoOfficer);
    await page.context().close();
  }, 120_000);
  it('enrols a security key at sign-in when the role requires a factor and none is registered', async () => {
    const base = app.server.url.replace('127.0.0.1', 'localhost');
    const who = DEMO.tokyoPrincipal;
    const first = await openPage(app.browser);
    await signIn(first, base, who);
    const me = (await (await first.request.get(`${base}/api/session`)).json()) as { person: { id: string } };
    await first.context().close();
    const admin = await openPage(app.browser);
    await signIn(admin, base, DEMO.admin);
    await admin.goto(`${base}/people/${me.person.id}/account`);
    admin.once('dialog', (d) => void d.accept());
    await admin.getByRole('button', { name: '二要素認証をすべて解除' }).click();
    await admin.getByText('解除しました。').waitFor();
    await admin.context().close();

    const page = await openPage(app.browser);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'usb',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
      },
    });
    await submitSignIn(page, base, who, DEMO_PASSWORD);
    await page.waitForURL((url) => url.pathname === '/login/second-factor');
    await heading(page, '二要素認証の登録');
    await page.getByRole('button', { name: 'セキュリティキーを登録する' }).click();
    await heading(page, 'リカバリーコードを控えてください');
    await page.getByRole('button', { name: '控えたので続ける' }).click();
    await heading(page, 'ホーム');
    await signOut(page);
    await submitSignIn(page, base, who, DEMO_PASSWORD);
    await page.getByRole('button', { name: 'セキュリティキーを使う' }).click();
    await heading(page, 'ホーム');
    await page.context().close();
  }, 120_000);
});
