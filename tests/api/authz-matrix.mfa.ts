/** Routes of mfa (issue 3) in the authorisation matrix; see authz-matrix.table.ts for the letters. */
import { ROLES } from '../../shared/roles.ts';
import { everyone, MISSING_ID, only, personOf, type Method, type RouteEntry } from './authz-matrix.kit.ts';

/** The second step of sign-in: public, it takes the challenge cookie (none here: mfa.challenge_missing). */
const secondStep = (method: Method, path: string, body?: unknown): RouteEntry => ({
  method,
  path,
  access: 'public',
  note: 'without a pending sign-in it answers mfa.challenge_missing',
  cases: [
    {
      scopes: ['none'],
      expect: everyone('A'),
      request: () => ({ method, url: path, ...(body !== undefined ? { body } : {}) }),
    },
  ],
});
/** One's own factors: everyone signed in, on their own account only. */
const own = (method: Method, path: string, body?: unknown, note?: string): RouteEntry => ({
  method,
  path,
  access: 'protected',
  ...(note ? { note } : {}),
  cases: [
    {
      scopes: ['own'],
      expect: everyone('A'),
      request: () => ({ method, url: path, ...(body !== undefined ? { body } : {}) }),
    },
  ],
});

export const MFA_ROUTES: RouteEntry[] = [
  secondStep('GET', '/api/auth/second-factor'),
  secondStep('POST', '/api/auth/second-factor/totp', { code: '123456' }),
  secondStep('POST', '/api/auth/second-factor/recovery', { code: 'abcd-efgh-jkmn' }),
  secondStep('POST', '/api/auth/second-factor/totp/setup'),
  secondStep('POST', '/api/auth/second-factor/totp/confirm', { code: '123456' }),
  secondStep('POST', '/api/auth/second-factor/webauthn/options'),
  secondStep('POST', '/api/auth/second-factor/webauthn', { response: {} }),
  secondStep('POST', '/api/auth/second-factor/webauthn/register/options'),
  secondStep('POST', '/api/auth/second-factor/webauthn/register', { response: {}, name: 'key' }),

  own('GET', '/api/me/factors'),
  own('POST', '/api/me/factors/totp/setup'),
  own('POST', '/api/me/factors/totp/confirm', { code: '000000' }, 'a wrong code answers mfa.invalid_code'),
  own('POST', '/api/me/factors/totp/remove', undefined, 'nothing enrolled answers mfa.not_enrolled'),
  own('POST', '/api/me/factors/recovery-codes', undefined, 'nothing enrolled answers mfa.not_enrolled'),
  own('POST', '/api/me/factors/keys/options'),
  own(
    'POST',
    '/api/me/factors/keys',
    { response: {}, name: 'key' },
    'no ceremony answers mfa.webauthn_failed',
  ),
  {
    method: 'POST',
    path: '/api/me/factors/keys/:id/remove',
    access: 'protected',
    note: 'only one’s own keys: any other id is 404',
    cases: [
      {
        scopes: ['missing'],
        expect: everyone('N'),
        request: () => ({ method: 'POST', url: `/api/me/factors/keys/${MISSING_ID}/remove` }),
      },
    ],
  },

  // Administration: the システム管理者 reads and resets anyone's factors (A21).
  {
    method: 'GET',
    path: '/api/people/:id/factors',
    access: 'protected',
    cases: [
      {
        scopes: ['tokyoKyomu', 'nagaoka', 'missing'],
        expect: only('DDD', { sysadmin: 'AAN' }),
        request: (fx, scope) => ({ method: 'GET', url: `/api/people/${personOf(fx, scope)}/factors` }),
      },
    ],
  },
  {
    method: 'POST',
    path: '/api/people/:id/factors/reset',
    access: 'protected',
    cases: [
      {
        scopes: ['tokyoKyomu', 'nagaoka', 'missing'],
        expect: only('DDD', { sysadmin: 'AAN' }),
        request: (fx, scope) => ({ method: 'POST', url: `/api/people/${personOf(fx, scope)}/factors/reset` }),
      },
    ],
  },
  {
    method: 'GET',
    path: '/api/mfa/settings',
    access: 'protected',
    cases: [
      {
        scopes: ['none'],
        expect: only('D', { sysadmin: 'A' }),
        request: () => ({ method: 'GET', url: '/api/mfa/settings' }),
      },
    ],
  },
  {
    method: 'PUT',
    path: '/api/mfa/settings',
    access: 'protected',
    cases: [
      {
        scopes: ['none'],
        expect: only('D', { sysadmin: 'A' }),
        request: () => ({ method: 'PUT', url: '/api/mfa/settings', body: { mandatoryRoles: [...ROLES] } }),
      },
    ],
  },
];
