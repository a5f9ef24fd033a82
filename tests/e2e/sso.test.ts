/**
 * Single sign-on in the browser (issue 3, A21): the システム管理者 configures a 東京 provider on
 * 「シングルサインオンの設定」 (axe-clean), and a demo staff member of that unit signs in through the
 * local OIDC provider (oidc-provider) and through the local SAML IdP (xml-crypto), starting from the
 * login page's 「シングルサインオン」 section. Against the built app and the fictional demo data.
 */
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
import { startOidcIdp, type OidcIdp } from '../support/oidc-idp.ts';
import { freePort } from '../support/ports.ts';
import { IDP_KEYS, startSamlIdp, type SamlIdp } from '../support/saml-idp.ts';
import { DEMO_TOTP_SECRET } from '../../server/modules/identity/mfa/demo-totp.ts';
import { DEMO, heading, nextTotpCode, signIn } from './e2e-helpers.ts';

describe.skipIf(!chromiumAvailable())('single sign-on in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let saml: SamlIdp | undefined;
  let oidc: OidcIdp | undefined;
  /** The demo staff member (fictional) and their unit, as the demo data has them. */
  let person: { email: string; unitName: string };

  beforeAll(async () => {
    server = await startServer({ RATE_LIMIT_PER_MINUTE: '100000' });
    browser = await launchBrowser();
    const db = new SQLite(path.join(server.dataDir, 'mamori.sqlite'), { readonly: true });
    person = db
      .prepare(
        'select p.email as email, u.name as unitName from people p join units u on u.id = p.unit_id where p.employee_number = ?',
      )
      .get(DEMO.staff) as typeof person;
    db.close();
  });
  afterAll(async () => {
    await saml?.stop();
    await oidc?.stop();
    await browser?.close();
    await server?.stop();
  });

  async function configure(page: Page, fill: () => Promise<void>, kind: string) {
    await page.goto(`${server.url}/admin/sso`);
    await heading(page, 'シングルサインオンの設定');
    await page.getByRole('button', { name: '認証基盤を追加' }).click();
    await page.getByLabel('学校等').selectOption({ label: person.unitName });
    await page.getByLabel(kind).check();
    await fill();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('保存しました。').waitFor();
  }

  /** From the login page's single sign-on section, through the IdP's form, back signed in. */
  async function signInThrough(linkName: RegExp, login: string) {
    const page = await openPage(browser);
    await page.goto(`${server.url}/login?next=/account/sessions`);
    await page.getByRole('heading', { name: 'シングルサインオン' }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: linkName }).click();
    await page.getByLabel('ログイン名').fill(login);
    await page.getByRole('button', { name: 'サインイン' }).click();
    // A21: the IdP identified the person; the demo asks everyone for the second factor as well.
    await page.waitForURL((url) => url.origin === server.url && url.pathname !== '/login');
    if (new URL(page.url()).pathname === '/login/second-factor') {
      await page.getByLabel('確認コード').fill(await nextTotpCode(server.url, DEMO.staff, DEMO_TOTP_SECRET));
      await page.getByRole('button', { name: '確認してログイン' }).click();
    }
    await page.waitForURL((url) => url.origin === server.url && url.pathname === '/account/sessions');
    const session = await page.request.get(`${server.url}/api/session`);
    expect(session.status()).toBe(200);
    expect(((await session.json()) as { person: { employeeNumber: string } }).person.employeeNumber).toBe(
      DEMO.staff,
    );
    await page.context().close();
  }

  it('a システム管理者 configures the local OIDC provider, and a staff member signs in through it', async () => {
    const admin = await openPage(browser);
    await signIn(admin, server.url, DEMO.admin);
    const idpPort = await freePort();
    await configure(
      admin,
      async () => {
        await admin.getByLabel('表示名').fill('テスト用 Microsoft 365');
        await admin.getByLabel('発行者（Issuer）URL').fill(`http://127.0.0.1:${idpPort}`);
        await admin.getByLabel('クライアントID（アプリケーションID）').fill('mamori-test');
        await admin.getByLabel('クライアントシークレット').fill('test-client-secret-for-loopback-only');
      },
      'OpenID Connect',
    );
    await expectNoAxeViolations(admin);
    const list = (await (await admin.request.get(`${server.url}/api/admin/sso/providers`)).json()) as {
      id: string;
      kind: string;
      clientSecretSet: boolean;
    }[];
    const provider = list.find((p) => p.kind === 'oidc')!;
    expect(provider.clientSecretSet).toBe(true);
    expect(JSON.stringify(list)).not.toContain('test-client-secret');
    await admin.context().close();

    oidc = await startOidcIdp({
      port: idpPort,
      redirectUris: [`${server.url}/api/auth/oidc/${provider.id}/callback`],
      accounts: { demo: { email: person.email } },
    });
    await signInThrough(/テスト用 Microsoft 365でログイン/, 'demo');
  }, 120_000);

  it('a システム管理者 configures the local SAML IdP, and a staff member signs in through it', async () => {
    const spEntityId = `${server.url}/shibboleth-sp`;
    saml = await startSamlIdp({ audience: spEntityId, accounts: { demo: { mail: person.email } } });
    const admin = await openPage(browser);
    await signIn(admin, server.url, DEMO.admin);
    await configure(
      admin,
      async () => {
        await admin.getByLabel('表示名').fill('テスト用 学認IdP');
        await admin.getByLabel('IdP の SSO URL（HTTP-Redirect）').fill(saml!.ssoUrl);
        await admin.getByLabel('IdP の署名用証明書（PEM）').fill(IDP_KEYS.cert.trim());
        await admin.getByLabel('IdP のエンティティID').fill(saml!.entityId);
        await admin.getByLabel('このシステム（SP）のエンティティID').fill(spEntityId);
      },
      'SAML（学認）',
    );
    await admin.context().close();
    await signInThrough(/テスト用 学認IdPでログイン/, 'demo');
  }, 120_000);

  it('says on the login page why a single sign-on was refused, in Japanese', async () => {
    const page = await openPage(browser);
    await page.goto(`${server.url}/login?sso_error=sso.not_matched`);
    await page.getByRole('alert').getByText('シングルサインオンでログインできませんでした').waitFor();
    await page.getByText('在職中の職員が見つかりません').waitFor();
    await expectNoAxeViolations(page);
    await page.context().close();
  });
});
