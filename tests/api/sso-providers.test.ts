/**
 * Configuring single sign-on (issue 3, A21): the システム管理者 keeps identity providers per unit;
 * the OIDC client secret is sealed at rest, never answered and never audited; every change is an
 * audit event; a provider lacking what its protocol needs is refused.
 */
import { describe, expect, it } from 'vitest';
import { databases } from '../support/databases.ts';
import { problemOf } from './support/http-client.ts';
import { ssoHarness } from './support/sso-support.ts';

const SECRET = 'entra-client-secret-value-0123456789';

describe.each(databases)('single sign-on settings on %s', (kind) => {
  const oidcBody = (unitId: string) => ({
    unitId,
    kind: 'oidc',
    displayName: '東京高専 Microsoft 365',
    enabled: true,
    matchBy: 'email',
    issuerUrl: 'https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0',
    clientId: 'client-id-of-mamori',
    clientSecret: SECRET,
  });

  it('keeps the client secret sealed: answered only as "set", never stored or audited in plain text', async () => {
    const h = await ssoHarness(kind);
    const admin = await h.admin();
    const created = await admin.post('/api/admin/sso/providers', oidcBody(h.org.units.tokyo));
    expect(created.statusCode, created.body).toBe(201);
    expect(created.body).not.toContain(SECRET);
    const view = created.json<{ id: string; clientSecretSet: boolean; unitName: string }>();
    expect(view.clientSecretSet).toBe(true);
    const list = await admin.get('/api/admin/sso/providers');
    expect(list.body).not.toContain(SECRET);

    const row = await h.services.database.db
      .selectFrom('sso_providers')
      .select('client_secret_sealed')
      .where('id', '=', view.id)
      .executeTakeFirstOrThrow();
    expect(row.client_secret_sealed).not.toContain(SECRET);
    expect(h.services.keys.open('sso', row.client_secret_sealed!)).toBe(SECRET);

    const [audit] = await h.services.ledger.list(h.services.database.db, { type: 'sso.provider_created' });
    expect(audit?.actorId).toBe(h.org.people.sysadmin);
    expect(JSON.stringify(audit)).not.toContain(SECRET);
  });

  it('keeps the stored secret when an edit leaves it empty, and audits enabling and disabling', async () => {
    const h = await ssoHarness(kind);
    const admin = await h.admin();
    const { id } = (await admin.post('/api/admin/sso/providers', oidcBody(h.org.units.tokyo))).json<{
      id: string;
    }>();
    const { unitId: _u, kind: _k, ...edit } = oidcBody(h.org.units.tokyo);
    const disabled = await admin.put(`/api/admin/sso/providers/${id}`, {
      ...edit,
      enabled: false,
      clientSecret: '',
    });
    expect(disabled.statusCode, disabled.body).toBe(200);
    expect(disabled.json<{ enabled: boolean; clientSecretSet: boolean }>()).toMatchObject({
      enabled: false,
      clientSecretSet: true,
    });
    const row = await h.services.database.db
      .selectFrom('sso_providers')
      .select('client_secret_sealed')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(h.services.keys.open('sso', row.client_secret_sealed!)).toBe(SECRET);
    expect(await h.services.ledger.count(h.services.database.db, { type: 'sso.provider_disabled' })).toBe(1);
    expect((await h.browser().get('/api/auth/sso/providers')).json()).toEqual([]);

    await admin.put(`/api/admin/sso/providers/${id}`, { ...edit, enabled: true, clientSecret: null });
    expect(await h.services.ledger.count(h.services.database.db, { type: 'sso.provider_enabled' })).toBe(1);
    const listed = (await h.browser().get('/api/auth/sso/providers')).json<Record<string, unknown>[]>();
    expect(listed).toEqual([
      { id, unitName: '東京工業高等専門学校', displayName: '東京高専 Microsoft 365', kind: 'oidc' },
    ]);
  });

  it('refuses a provider without what its protocol needs', async () => {
    const h = await ssoHarness(kind);
    const admin = await h.admin();
    const res = await admin.post('/api/admin/sso/providers', {
      unitId: h.org.units.tokyo,
      kind: 'saml',
      displayName: '学認',
      enabled: true,
      matchBy: 'eppn',
      idpSsoUrl: 'https://idp.example.jp/idp/profile/SAML2/Redirect/SSO',
    });
    expect(res.statusCode).toBe(400);
    const problem = problemOf(res);
    expect(problem.code).toBe('sso.invalid_config');
    expect(problem.errors?.map((e) => e.path).sort()).toEqual(['idpCert', 'spEntityId']);
    expect(await h.services.ledger.count(h.services.database.db, { type: 'sso.provider_created' })).toBe(0);
  });

  it('is for the システム管理者 only (a 総括保護管理者 is denied, and the denial audited)', async () => {
    const h = await ssoHarness(kind);
    const token = await h.services.identity.startSession(h.org.people.tokyoPrincipal, {
      ip: null,
      userAgent: null,
      requestId: null,
    });
    const principal = h.browser();
    principal.cookies.set('mamori_session', token);
    const res = await principal.post('/api/admin/sso/providers', oidcBody(h.org.units.tokyo));
    expect(res.statusCode).toBe(403);
    expect(await h.services.ledger.count(h.services.database.db, { type: 'authz.denied' })).toBe(1);
  });
});
