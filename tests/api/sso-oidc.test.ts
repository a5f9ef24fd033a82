/**
 * Single sign-on with OpenID Connect (issue 3, A21), against an IdP started on loopback
 * (oidc-provider, standing in for Entra ID). The IdP only identifies an existing, active person of
 * the provider's unit; everything else is refused, audited with a reason, and sent back to /login.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { databases } from '../support/databases.ts';
import { startOidcIdp, type OidcIdp } from '../support/oidc-idp.ts';
import { freePort } from '../support/ports.ts';
import { ORIGIN, oidcIdpSignIn, onMamori, ssoHarness } from './support/sso-support.ts';
import type { HttpClient } from './support/http-client.ts';

// The provider id is fixed before the IdP starts, so that the IdP knows the callback URL.
const ACCOUNTS = {
  shimizu: { email: 'TokyoKyomuStaff1@Example.jp' }, // mail matches case-insensitively
  tsuchiya: { email: 'nagaokastaff@example.jp' }, // a person of 長岡
  sonoda: { email: 'tokyoretired@example.jp' }, // inactive
  stranger: { email: 'nobody@example.jp' },
};

describe.each(databases)('OIDC sign-in on %s', (kind) => {
  let idp: OidcIdp;
  let other: OidcIdp;
  const providerIds = [randomUUID(), randomUUID(), randomUUID()];
  const callbacks = providerIds.map((id) => `${ORIGIN}/api/auth/oidc/${id}/callback`);

  beforeAll(async () => {
    idp = await startOidcIdp({ redirectUris: callbacks, accounts: ACCOUNTS, port: await freePort() });
    // Another issuer with the same client: the mix-up of issuers must be refused.
    other = await startOidcIdp({ redirectUris: callbacks, accounts: ACCOUNTS });
  });
  afterAll(async () => {
    await idp?.stop();
    await other?.stop();
  });

  async function setUp() {
    const h = await ssoHarness(kind);
    const admin = await h.admin();
    const res = await admin.post('/api/admin/sso/providers', {
      unitId: h.org.units.tokyo,
      kind: 'oidc',
      displayName: '東京高専 Microsoft 365',
      enabled: true,
      matchBy: 'email',
      issuerUrl: idp.issuer,
      clientId: idp.clientId,
      clientSecret: idp.clientSecret,
    });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json<{ id: string }>();
    // Re-key the provider to the id the IdP knows (ids are random; the IdP was started first).
    const id = providerIds[0]!;
    await h.services.database.db
      .updateTable('sso_providers')
      .set({ id })
      .where('id', '=', created.id)
      .execute();
    return { h, id };
  }

  async function start(browser: HttpClient, id: string, next = '/people') {
    const res = await browser.get(`/api/auth/sso/${id}/start?next=${encodeURIComponent(next)}`);
    expect(res.statusCode, res.body).toBe(303);
    return res.headers.location as string;
  }

  it('signs in an existing person of the unit by mail, and audits it', async () => {
    const { h, id } = await setUp();
    const browser = h.browser();
    const authUrl = await start(browser, id);
    expect(authUrl.startsWith(`${idp.issuer}/`)).toBe(true);
    expect(new URL(authUrl).searchParams.get('code_challenge_method')).toBe('S256');
    const callback = await oidcIdpSignIn(authUrl, 'shimizu');
    const res = await browser.get(onMamori(callback));
    expect(res.statusCode, res.body).toBe(303);
    expect(res.headers.location).toBe('/people');
    const session = await browser.get('/api/session');
    expect(session.statusCode).toBe(200);
    expect(session.json<{ person: { id: string } }>().person.id).toBe(h.org.people.tokyoKyomuStaff1);
    const [signedIn] = await h.services.ledger.list(h.services.database.db, {
      type: 'identity.signed_in',
      limit: 1,
    });
    expect(signedIn?.payload?.method).toBe('oidc');
    expect(signedIn?.subjectId).toBe(h.org.people.tokyoKyomuStaff1);
  });

  it('refuses an answer whose state does not match', async () => {
    const { h, id } = await setUp();
    const browser = h.browser();
    const callback = new URL(await oidcIdpSignIn(await start(browser, id), 'shimizu'));
    callback.searchParams.set('state', 'forged-state');
    const res = await browser.get(onMamori(callback.href));
    expect(res.headers.location).toBe('/login?sso_error=sso.rejected');
    expect((await browser.get('/api/session')).statusCode).toBe(401);
    expect(await h.refusals()).toEqual(['state_mismatch']);
  });

  it('refuses the same answer a second time (the state is used once)', async () => {
    const { h, id } = await setUp();
    const browser = h.browser();
    const callback = await oidcIdpSignIn(await start(browser, id), 'shimizu');
    const flowCookie = browser.cookies.get('mamori_sso')!;
    expect((await browser.get(onMamori(callback))).headers.location).toBe('/people');
    const replay = h.browser();
    replay.cookies.set('mamori_sso', flowCookie);
    const res = await replay.get(onMamori(callback));
    expect(res.headers.location).toBe('/login?sso_error=sso.expired');
    expect((await replay.get('/api/session')).statusCode).toBe(401);
    expect(await h.refusals()).toEqual(['pending_used']);
  });

  it('refuses an answer without the flow cookie (another browser)', async () => {
    const { h, id } = await setUp();
    const callback = await oidcIdpSignIn(await start(h.browser(), id), 'shimizu');
    const res = await h.browser().get(onMamori(callback));
    expect(res.headers.location).toBe('/login?sso_error=sso.expired');
    expect(await h.refusals()).toEqual(['no_pending']);
  });

  it('refuses an answer issued by another issuer (mix-up)', async () => {
    const { h, id } = await setUp();
    const browser = h.browser();
    const authUrl = new URL(await start(browser, id));
    const atOther = new URL(authUrl.pathname + authUrl.search, other.issuer);
    const callback = await oidcIdpSignIn(atOther.href, 'shimizu');
    const res = await browser.get(onMamori(callback));
    expect(res.headers.location).toBe('/login?sso_error=sso.rejected');
    expect((await browser.get('/api/session')).statusCode).toBe(401);
    expect(await h.refusals()).toEqual(['issuer_mismatch']);
  });

  it.each([
    ['a person of another unit (長岡 through 東京’s IdP)', 'tsuchiya', 'other_unit'],
    ['an unknown mail', 'stranger', 'unknown_person'],
    ['a person no longer active', 'sonoda', 'inactive_person'],
  ])('refuses %s', async (_what, login, reason) => {
    const { h, id } = await setUp();
    const browser = h.browser();
    const callback = await oidcIdpSignIn(await start(browser, id), login);
    const res = await browser.get(onMamori(callback));
    expect(res.headers.location).toBe('/login?sso_error=sso.not_matched');
    expect((await browser.get('/api/session')).statusCode).toBe(401);
    expect(await h.refusals()).toEqual([reason]);
    // No personal data in the audit record of a refusal.
    const [entry] = await h.services.ledger.list(h.services.database.db, {
      type: 'sso.sign_in_refused',
      limit: 1,
    });
    expect(JSON.stringify(entry)).not.toMatch(/@example\.jp/i);
  });

  it('never redirects to another site after signing in (open redirect)', async () => {
    const { h, id } = await setUp();
    const browser = h.browser();
    const callback = await oidcIdpSignIn(await start(browser, id, '//evil.example/steal'), 'shimizu');
    const res = await browser.get(onMamori(callback));
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/');
  });

  it('does not start a disabled provider', async () => {
    const { h, id } = await setUp();
    await h.services.database.db
      .updateTable('sso_providers')
      .set({ enabled: 0 })
      .where('id', '=', id)
      .execute();
    const res = await h.browser().get(`/api/auth/sso/${id}/start`);
    expect(res.headers.location).toBe('/login?sso_error=sso.provider_disabled');
    const list = await h.browser().get('/api/auth/sso/providers');
    expect(list.json()).toEqual([]);
  });
});
