/**
 * Single sign-on with SAML 2.0 (issue 3, A21), against a small IdP built from xml-crypto, standing
 * in for a GakuNin Shibboleth IdP. Only a signed assertion of the configured IdP, addressed to us,
 * still valid, answering a request we sent (once) identifies a person; everything else is refused.
 */
import { describe, expect, it } from 'vitest';
import { databases } from '../support/databases.ts';
import {
  FORGER_KEYS,
  IDP_KEYS,
  readAuthnRequest,
  samlResponse,
  type ResponseOptions,
} from '../support/saml-idp.ts';
import { ORIGIN, ssoHarness } from './support/sso-support.ts';
import type { HttpClient } from './support/http-client.ts';

const IDP_ENTITY = 'https://idp.tokyo-ct.example.jp/idp/shibboleth';
const SP_ENTITY = 'https://mamori.example.jp/shibboleth-sp';

describe.each(databases)('SAML sign-in on %s', (kind) => {
  async function setUp(matchBy: 'email' | 'eppn' = 'email', env: NodeJS.ProcessEnv = {}) {
    const h = await ssoHarness(kind, env);
    const admin = await h.admin();
    const res = await admin.post('/api/admin/sso/providers', {
      unitId: h.org.units.tokyo,
      kind: 'saml',
      displayName: '東京高専 学認IdP',
      enabled: true,
      matchBy,
      idpSsoUrl: 'https://idp.tokyo-ct.example.jp/idp/profile/SAML2/Redirect/SSO',
      idpCert: IDP_KEYS.cert,
      idpEntityId: IDP_ENTITY,
      spEntityId: SP_ENTITY,
    });
    expect(res.statusCode, res.body).toBe(201);
    return { h, id: res.json<{ id: string }>().id };
  }

  /** Starts a sign-in; answers what the IdP needs to answer it. */
  async function start(browser: HttpClient, id: string, next = '/people') {
    const res = await browser.get(`/api/auth/sso/${id}/start?next=${encodeURIComponent(next)}`);
    expect(res.statusCode, res.body).toBe(303);
    const location = res.headers.location as string;
    expect(location.startsWith('https://idp.tokyo-ct.example.jp/')).toBe(true);
    const request = readAuthnRequest(location);
    expect(request.acsUrl).toBe(`${ORIGIN}/api/auth/saml/${id}/acs`);
    return request;
  }

  const answer = (request: { id: string; acsUrl: string | null }, o: Partial<ResponseOptions> = {}) =>
    samlResponse({
      idpEntityId: IDP_ENTITY,
      inResponseTo: request.id,
      acsUrl: request.acsUrl!,
      audience: SP_ENTITY,
      attributes: { mail: 'tokyokyomustaff1@example.jp' },
      ...o,
    });

  // The IdP's page posts a form: no CSRF token, no JSON.
  const post = (browser: HttpClient, id: string, SAMLResponse: string) =>
    browser.request('POST', `/api/auth/saml/${id}/acs`, undefined, {
      csrf: false,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ SAMLResponse }).toString(),
    });

  it('signs in an existing person of the unit with a valid signed assertion', async () => {
    const { h, id } = await setUp();
    const browser = h.browser();
    const res = await post(browser, id, answer(await start(browser, id)));
    expect(res.statusCode, res.body).toBe(303);
    expect(res.headers.location).toBe('/people');
    const session = await browser.get('/api/session');
    expect(session.json<{ person: { id: string } }>().person.id).toBe(h.org.people.tokyoKyomuStaff1);
    const [signedIn] = await h.services.ledger.list(h.services.database.db, {
      type: 'identity.signed_in',
      limit: 1,
    });
    expect(signedIn?.payload?.method).toBe('saml');
  });

  it('identifies by eduPersonPrincipalName when configured so', async () => {
    const { h, id } = await setUp('eppn');
    await h.services.database.db
      .updateTable('people')
      .set({ eppn: 'shimizu@tokyo-ct.example.jp' })
      .where('id', '=', h.org.people.tokyoKyomuStaff1)
      .execute();
    const browser = h.browser();
    const res = await post(
      browser,
      id,
      answer(await start(browser, id), { attributes: { eppn: 'shimizu@tokyo-ct.example.jp' } }),
    );
    expect(res.headers.location).toBe('/people');
    expect((await browser.get('/api/session')).statusCode).toBe(200);
  });

  const refused: [string, (r: { id: string; acsUrl: string | null }) => string, string, string][] = [
    [
      'signed with another key (forged)',
      (r) => answer(r, { keys: FORGER_KEYS }),
      'sso.rejected',
      'signature',
    ],
    ['unsigned', (r) => answer(r, { unsigned: true }), 'sso.rejected', 'signature'],
    [
      'tampered after signing',
      (r) =>
        Buffer.from(
          Buffer.from(answer(r, { attributes: { mail: 'nobody@example.jp' } }), 'base64')
            .toString('utf8')
            .replace('nobody@example.jp', 'tokyokyomustaff1@example.jp'),
        ).toString('base64'),
      'sso.rejected',
      'signature',
    ],
    [
      'expired (NotOnOrAfter in the past)',
      (r) => answer(r, { validForSeconds: -120 }),
      'sso.expired',
      'expired',
    ],
    [
      'for another audience',
      (r) => answer(r, { audience: 'https://other-sp.example.jp/sp' }),
      'sso.rejected',
      'audience',
    ],
    ['for a request we never sent', (r) => answer({ ...r, id: '_never-sent' }), 'sso.expired', 'no_pending'],
    [
      'naming a person of another unit',
      (r) => answer(r, { attributes: { mail: 'nagaokastaff@example.jp' } }),
      'sso.not_matched',
      'other_unit',
    ],
  ];
  it.each(refused)('refuses an assertion %s', async (_what, make, code, reason) => {
    const { h, id } = await setUp();
    const browser = h.browser();
    const res = await post(browser, id, make(await start(browser, id)));
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/login?sso_error=${code}`);
    expect((await browser.get('/api/session')).statusCode).toBe(401);
    expect(await h.refusals()).toEqual([reason]);
  });

  it('refuses a replayed response (InResponseTo is used once)', async () => {
    const { h, id } = await setUp();
    const browser = h.browser();
    const response = answer(await start(browser, id));
    expect((await post(browser, id, response)).headers.location).toBe('/people');
    const attacker = h.browser();
    const res = await post(attacker, id, response);
    expect(res.headers.location).toBe('/login?sso_error=sso.expired');
    expect((await attacker.get('/api/session')).statusCode).toBe(401);
    expect(await h.refusals()).toEqual(['pending_used']);
  });

  it('over https, accepts the answer only in the browser that started the sign-in (no login CSRF)', async () => {
    const { h, id } = await setUp('email', { COOKIE_SECURE: 'true' });
    const started = h.browser();
    const request = await start(started, id);
    expect(started.cookies.has('__Host-mamori_sso')).toBe(true);
    // An assertion someone obtained for their own sign-in, posted from another browser, is refused.
    const victim = h.browser();
    const res = await post(victim, id, answer(request));
    expect(res.headers.location).toBe('/login?sso_error=sso.rejected');
    expect(await h.refusals()).toEqual(['browser_mismatch']);

    const again = await start(started, id);
    expect((await post(started, id, answer(again))).headers.location).toBe('/people');
    expect((await started.get('/api/session')).statusCode).toBe(200);
  });

  it('publishes SP metadata asking for signed assertions', async () => {
    const { h, id } = await setUp();
    const res = await h.browser().get(`/api/auth/saml/${id}/metadata`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/samlmetadata+xml');
    expect(res.body).toContain(`entityID="${SP_ENTITY}"`);
    expect(res.body).toContain('WantAssertionsSigned="true"');
    expect(res.body).toContain(`Location="${ORIGIN}/api/auth/saml/${id}/acs"`);
  });
});
