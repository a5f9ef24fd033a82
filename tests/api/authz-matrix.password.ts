/** Routes of password (issue 3) in the authorisation matrix; see authz-matrix.table.ts for the letters. */
import { everyone, MISSING_ID, only, personOf, type RouteEntry } from './authz-matrix.kit.ts';

/** The policy as it is by default: the matrix changes nothing by sending it back. */
const DEFAULT_POLICY = {
  minLength: 12,
  maxLength: 256,
  requiredClasses: 0,
  maxAgeDays: null,
  historyCount: 0,
};

export const PASSWORD_ROUTES: RouteEntry[] = [
  {
    method: 'POST',
    path: '/api/me/password',
    access: 'protected',
    note: 'one’s own password only; a wrong current password answers 400 password.current_wrong',
    cases: [
      {
        scopes: ['own'],
        expect: everyone('A'),
        request: () => ({
          method: 'POST',
          url: '/api/me/password',
          body: { currentPassword: 'not-the-current-password', newPassword: 'Quiet-Lantern-Orbit-71' },
        }),
      },
    ],
  },
  {
    method: 'GET',
    path: '/api/me/password-rules',
    access: 'protected',
    note: 'A21-2: everyone signed in reads the rules their password must follow',
    cases: [
      {
        scopes: ['none'],
        expect: everyone('A'),
        request: () => ({ method: 'GET', url: '/api/me/password-rules' }),
      },
    ],
  },
  {
    method: 'GET',
    path: '/api/password-policy',
    access: 'protected',
    note: 'A21-2: read by the システム管理者, the 総括管理者 and the 監査責任者',
    cases: [
      {
        scopes: ['none'],
        expect: only('D', { sysadmin: 'A', chiefManager: 'A', auditOfficer: 'A' }),
        request: () => ({ method: 'GET', url: '/api/password-policy' }),
      },
    ],
  },
  {
    method: 'PUT',
    path: '/api/password-policy',
    access: 'protected',
    cases: [
      {
        scopes: ['none'],
        expect: only('D', { sysadmin: 'A' }),
        request: () => ({ method: 'PUT', url: '/api/password-policy', body: DEFAULT_POLICY }),
      },
    ],
  },
  {
    method: 'POST',
    path: '/api/password-policy/review',
    access: 'protected',
    cases: [
      {
        scopes: ['none'],
        expect: only('D', { sysadmin: 'A' }),
        request: () => ({
          method: 'POST',
          url: '/api/password-policy/review',
          body: { note: '権限表の検査', nextReviewOn: '2099-12-31' },
        }),
      },
    ],
  },
  {
    method: 'GET',
    path: '/api/accounts/alerts',
    access: 'protected',
    cases: [
      {
        scopes: ['none'],
        expect: only('D', { sysadmin: 'A' }),
        request: () => ({ method: 'GET', url: '/api/accounts/alerts' }),
      },
    ],
  },
  {
    method: 'GET',
    path: '/api/people/:id/account/detail',
    access: 'protected',
    note: 'A21: the システム管理者 only; the ability is checked before the person is looked up',
    cases: [
      {
        scopes: ['tokyoKyomu', 'nagaoka', 'missing'],
        expect: only('DDD', { sysadmin: 'AAN' }),
        request: (fx, scope) => ({ method: 'GET', url: `/api/people/${personOf(fx, scope)}/account/detail` }),
      },
    ],
  },
  {
    method: 'POST',
    path: '/api/people/:id/sessions/:sessionId/end',
    access: 'protected',
    note: 'another person’s session, ended by the システム管理者; a session of someone else under this person is 404',
    cases: [
      {
        scopes: ['other', 'missing'],
        expect: only('DD', { sysadmin: 'AN' }),
        request: async (fx, scope) => {
          const session = await fx.newSessionOf('nagaokaStaff');
          const person = scope === 'missing' ? MISSING_ID : fx.org.people.nagaokaStaff;
          return { method: 'POST', url: `/api/people/${person}/sessions/${session}/end` };
        },
      },
    ],
  },
  {
    method: 'POST',
    path: '/api/people/:id/password',
    access: 'protected',
    note: 'a temporary password set by the システム管理者 (the person is inactive here: no one is disturbed)',
    cases: [
      {
        scopes: ['tokyoKyomu', 'missing'],
        expect: only('DD', { sysadmin: 'AN' }),
        request: (fx, scope) => ({
          method: 'POST',
          url: `/api/people/${personOf(fx, scope)}/password`,
          body: { temporaryPassword: 'Harbour-Maple-Signal-58' },
        }),
      },
    ],
  },
];
