/** Routes of sso (issue 3) in the authorisation matrix; see authz-matrix.table.ts for the letters. */
import { systemCtx } from '../../server/platform/context.ts';
import {
  MISSING_ID,
  everyone,
  only,
  publicGet,
  unitOf,
  type Fixture,
  type RouteEntry,
} from './authz-matrix.kit.ts';

const DUMMY_CERT = '-----BEGIN CERTIFICATE-----\nMIIBmatrix\n-----END CERTIFICATE-----';

/** A disabled SAML provider of 東京 (settings complete, never used to sign in). */
const providerBody = (fx: Fixture) => {
  const n = fx.next();
  return {
    unitId: unitOf(fx, 'tokyo'),
    kind: 'saml' as const,
    displayName: `権限表IdP${n}`,
    enabled: false,
    matchBy: 'email' as const,
    idpSsoUrl: 'https://idp.example.jp/idp/profile/SAML2/Redirect/SSO',
    idpCert: DUMMY_CERT,
    idpEntityId: 'https://idp.example.jp/idp/shibboleth',
    spEntityId: `https://mamori.example.jp/sp/${n}`,
  };
};

export const SSO_ROUTES: RouteEntry[] = [
  publicGet('/api/auth/sso/providers', 'the login page lists enabled providers: names only'),
  {
    ...publicGet('/api/auth/sso/:providerId/start', 'an unknown provider sends the browser back to /login'),
    cases: [
      {
        scopes: ['none'],
        expect: everyone('A'),
        request: () => ({ method: 'GET', url: `/api/auth/sso/${MISSING_ID}/start?next=/` }),
      },
    ],
  },
  {
    ...publicGet(
      '/api/auth/oidc/:providerId/callback',
      'the IdP redirects here; checked against the flow cookie',
    ),
    cases: [
      {
        scopes: ['none'],
        expect: everyone('A'),
        request: () => ({ method: 'GET', url: `/api/auth/oidc/${MISSING_ID}/callback?code=x&state=y` }),
      },
    ],
  },
  {
    ...publicGet('/api/auth/saml/:providerId/metadata', 'SP metadata: nothing secret'),
    cases: [
      {
        scopes: ['none'],
        expect: everyone('A'),
        request: () => ({ method: 'GET', url: `/api/auth/saml/${MISSING_ID}/metadata` }),
      },
    ],
  },
  {
    method: 'POST',
    path: '/api/auth/saml/:providerId/acs',
    access: 'public',
    note: 'posted by the IdP (no CSRF token): protected by the signed assertion',
    cases: [
      {
        scopes: ['none'],
        expect: everyone('A'),
        request: () => ({ method: 'POST', url: `/api/auth/saml/${MISSING_ID}/acs`, body: {} }),
      },
    ],
  },
  {
    method: 'GET',
    path: '/api/admin/sso/providers',
    access: 'protected',
    note: 'A21: the システム管理者 only',
    cases: [
      {
        scopes: ['none'],
        expect: only('D', { sysadmin: 'A' }),
        request: () => ({ method: 'GET', url: '/api/admin/sso/providers' }),
      },
    ],
  },
  {
    method: 'POST',
    path: '/api/admin/sso/providers',
    access: 'protected',
    cases: [
      {
        scopes: ['tokyo'],
        expect: only('D', { sysadmin: 'A' }),
        request: (fx) => ({ method: 'POST', url: '/api/admin/sso/providers', body: providerBody(fx) }),
      },
    ],
  },
  {
    method: 'PUT',
    path: '/api/admin/sso/providers/:id',
    access: 'protected',
    note: 'the ability is checked before the provider is looked up',
    cases: [
      {
        scopes: ['tokyo', 'missing'],
        expect: only('DD', { sysadmin: 'AN' }),
        request: async (fx, scope) => {
          const { unitId: _unit, kind: _kind, ...body } = providerBody(fx);
          const id =
            scope === 'missing'
              ? MISSING_ID
              : (await fx.services.sso.providers.create(systemCtx('matrix'), providerBody(fx))).id;
          return { method: 'PUT', url: `/api/admin/sso/providers/${id}`, body };
        },
      },
    ],
  },
];
