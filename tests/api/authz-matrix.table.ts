/**
 * The authorisation matrix (issue 3): every route of the HTTP app, who may call it, and over which
 * objects. `authz-matrix.test.ts` enumerates the routes the app registers and fails for a route
 * without an entry here (and for an entry whose route is gone), then runs every cell:
 * route × actor × scope.
 *
 * Expectations are one letter per scope, in the order of the case's `scopes`:
 *   A  allowed: 2xx, or a business answer that is not 401/403/404 (409 appointment.role_already_filled
 *      still proves that authorisation let the request through)
 *   D  denied: 403 auth.forbidden, with an authz.denied ledger entry for the actor
 *   N  not found: 404 (the object does not exist, or is not the caller's to see)
 *   G  no grant: 403 vault.no_grant — the vault's records are reached only through a grant (A11-2),
 *      whatever the role — with an authz.denied ledger entry for the actor
 *   H  not a handler: 403 requests.not_handler — an individual's request read (the 監査責任者) but not
 *      handled by the caller (issue 12) — with an authz.denied ledger entry for the actor
 *   R  refused row by row: staff import answers with the row error `forbidden_unit`
 * Anonymous callers get 401 auth.required on every route that is not public (not listed per case).
 * Public routes are called anonymously and must not answer auth.required or auth.forbidden.
 *
 * The organisation is tests/support/org-fixture.ts (本部, 東京, 長岡) plus the appointments made in
 * `buildMatrixFixture` below. Scopes name where the object of the request lies: 東京 教務係 is in the
 * scope of the 東京 総括保護管理者 (校長) and of the 教務係's 保護管理者 and 保護担当者; 東京 図書係 only
 * of the 校長; 長岡 and 本部 of neither. Organisation-wide roles reach every scope.
 */
import type { Services } from '../../server/app.ts';
import {
  parseStaffCsv,
  STAFF_CSV_HEADER_JA,
} from '../../server/modules/organisation/staff-import/parse-staff-csv.ts';
import { ROLE_RULES, type Role } from '../../shared/roles.ts';
import { buildOrg, type PersonKey } from '../support/org-fixture.ts';
import {
  ACTORS,
  everyone,
  MISSING_ID,
  only,
  personOf,
  publicGet,
  sectionOf,
  unitOf,
  type Fixture,
  type Req,
  type RouteEntry,
  type Scope,
} from './authz-matrix.kit.ts';
import { PASSWORD_ROUTES } from './authz-matrix.password.ts';
import { MFA_ROUTES } from './authz-matrix.mfa.ts';
import { SSO_ROUTES } from './authz-matrix.sso.ts';
import { TERMINAL_ROUTES } from './authz-matrix.terminals.ts';
import { LOGS_ROUTES } from './authz-matrix.logs.ts';
import { LOG_ANALYSIS_ROUTES } from './authz-matrix.log-analysis.ts';
import { REGISTER_ROUTES } from './authz-matrix.register.ts';
import { VAULT_ROUTES } from './authz-matrix.vault.ts';
import { APPROVALS_ROUTES } from './authz-matrix.approvals.ts';
import { HANDLING_RULES_ROUTES } from './authz-matrix.handling-rules.ts';
import { HANDLING_EXPORT_ROUTES } from './authz-matrix.handling-export.ts';
import { HANDLING_DISPOSAL_ROUTES } from './authz-matrix.handling-disposal.ts';
import { HANDLING_CORRECTION_ROUTES } from './authz-matrix.handling-correction.ts';
import { HANDLING_PURPOSE_ROUTES } from './authz-matrix.handling-purpose.ts';
import { HANDLING_MOVEMENTS_ROUTES } from './authz-matrix.handling-movements.ts';
import { HANDLING_USAGE_ROUTES } from './authz-matrix.handling-usage.ts';
import { INCIDENTS_ROUTES } from './authz-matrix.incidents.ts';
import { PROVISION_ROUTES } from './authz-matrix.provision.ts';
import { COMPLIANCE_ROUTES as COMPLIANCE_MATRIX } from './authz-matrix.compliance.ts';
import { OVERSIGHT_ROUTES as OVERSIGHT_MATRIX } from './authz-matrix.oversight.ts';
import { AUDITS_ROUTES as AUDITS_MATRIX } from './authz-matrix.audits.ts';
import { TRAINING_ROUTES as TRAINING_MATRIX } from './authz-matrix.training.ts';
import { FACILITY_DEVICES_ROUTES } from './authz-matrix.facility-devices.ts';
import { FACILITY_SYSTEMS_ROUTES } from './authz-matrix.facility-systems.ts';
import { FACILITY_ROOMS_ROUTES } from './authz-matrix.facility-rooms.ts';
import { FACILITY_BACKUPS_ROUTES } from './authz-matrix.facility-backups.ts';
import { REQUESTS_ROUTES } from './authz-matrix.requests.ts';
import { REQUESTS_SEARCH_ROUTES } from './authz-matrix.requests-search.ts';
import { REQUESTS_DECISION_ROUTES } from './authz-matrix.requests-decision.ts';
import { REQUESTS_HISTORY_ROUTES } from './authz-matrix.requests-history.ts';
import { REQUESTS_REMEDIES_ROUTES } from './authz-matrix.requests-remedies.ts';

export * from './authz-matrix.kit.ts';

/** Whom a case appoints in a scope: someone of that unit who is no actor. */
const candidateOf = (fx: Fixture, scope: Scope): string => {
  const { people } = fx.org;
  if (scope === 'nagaoka') return people.nagaokaStaff;
  if (scope === 'hq' || scope === 'none') return people.director2;
  return people.tokyoToshoHead;
};

const appoint = (role: Role, fx: Fixture, scope: Scope, extra: Record<string, unknown> = {}): Req => {
  const where =
    ROLE_RULES[role].scope === 'organisation'
      ? {}
      : ROLE_RULES[role].scope === 'unit'
        ? { unitId: unitOf(fx, scope) }
        : { sectionId: sectionOf(fx, scope) };
  return {
    method: 'POST',
    url: '/api/appointments',
    body: {
      role,
      personId: role === 'system_administrator' ? fx.org.people.somuHead : candidateOf(fx, scope),
      basis: `規則第65号（${ROLE_RULES[role].article}）による（権限表）`,
      ...where,
      ...extra,
    },
  };
};

const end = (id: string): Req => ({
  method: 'POST',
  url: `/api/appointments/${id}/end`,
  body: { reason: '権限表の検査' },
});

/** A one-row staff CSV for a unit (by code) and section name. */
function staffCsv(fx: Fixture, unitCode: string): string {
  const n = fx.next();
  const row = [
    `M${n}`,
    '権限',
    `太郎${n}`,
    'ケンゲン',
    'タロウ',
    `m${n}@example.jp`,
    '教職員',
    '事務職員',
    unitCode,
    '教務係',
  ];
  return [STAFF_CSV_HEADER_JA, row].map((r) => r.join(',')).join('\r\n') + '\r\n';
}
const csvUnit = (scope: Scope) => (scope === 'nagaoka' ? 'nagaoka' : 'tokyo');

/** Organisation-wide roles that see every gap (A4, A8, A9 and the システム管理者). */
const OVERSIGHT = { sysadmin: 'AAA', president: 'AAA', chiefManager: 'AAA', auditOfficer: 'AAA' };

// ───────────────────────────── the table ─────────────────────────────

export const ROUTE_TABLE: RouteEntry[] = [
  // ── public ──
  publicGet('/healthz'),
  publicGet('/api/csrf'),
  publicGet('/api/setup'),
  {
    method: 'POST',
    path: '/api/setup',
    access: 'public',
    note: 'answers setup.invalid_token / setup.already_done, never auth.*',
    cases: [
      {
        scopes: ['none'],
        expect: everyone('A'),
        request: () => ({
          method: 'POST',
          url: '/api/setup',
          body: {
            token: 'not-the-token',
            employeeNumber: 'S0001',
            familyName: '初期',
            givenName: '設定',
            familyNameKana: 'ショキ',
            givenNameKana: 'セッテイ',
            email: 's0001@example.jp',
            password: 'a-long-enough-password',
          },
        }),
      },
    ],
  },
  {
    method: 'POST',
    path: '/api/auth/login',
    access: 'public',
    note: 'a wrong password answers auth.invalid_credentials',
    cases: [
      {
        scopes: ['none'],
        expect: everyone('A'),
        request: () => ({
          method: 'POST',
          url: '/api/auth/login',
          body: { employeeNumber: 'T0001', password: 'wrong-password-123' },
        }),
      },
    ],
  },
  {
    method: 'POST',
    path: '/api/auth/logout',
    access: 'public',
    cases: [
      {
        scopes: ['none'],
        expect: everyone('A'),
        request: () => ({ method: 'POST', url: '/api/auth/logout' }),
      },
    ],
  },
  publicGet('/api/docs', 'OpenAPI documentation (swagger-ui)'),
  publicGet('/api/docs/json'),
  publicGet('/api/docs/yaml'),
  publicGet('/api/docs/static/index.html'),
  publicGet('/api/docs/static/swagger-initializer.js'),
  {
    ...publicGet('/api/docs/static/*'),
    cases: [
      {
        scopes: ['none'],
        expect: everyone('A'),
        request: () => ({ method: 'GET', url: '/api/docs/static/swagger-ui.css' }),
      },
    ],
  },

  // ── identity: the caller's own session ──
  {
    method: 'GET',
    path: '/api/session',
    access: 'protected',
    cases: [
      { scopes: ['none'], expect: everyone('A'), request: () => ({ method: 'GET', url: '/api/session' }) },
    ],
  },
  {
    method: 'PUT',
    path: '/api/preferences',
    access: 'protected',
    cases: [
      {
        scopes: ['none'],
        expect: everyone('A'),
        request: () => ({
          method: 'PUT',
          url: '/api/preferences',
          body: { locale: 'ja', calendar: 'japanese' },
        }),
      },
    ],
  },
  {
    method: 'POST',
    path: '/api/session/keepalive',
    access: 'protected',
    cases: [
      {
        scopes: ['none'],
        expect: everyone('A'),
        request: () => ({ method: 'POST', url: '/api/session/keepalive' }),
      },
    ],
  },
  {
    method: 'GET',
    path: '/api/me/sessions',
    access: 'protected',
    cases: [
      {
        scopes: ['none'],
        expect: everyone('A'),
        request: () => ({ method: 'GET', url: '/api/me/sessions' }),
      },
    ],
  },
  {
    method: 'POST',
    path: '/api/me/sessions/:id/end',
    access: 'protected',
    note: "another person's session is not found: only one's own sessions exist for the caller",
    cases: [
      {
        scopes: ['own', 'other', 'missing'],
        expect: everyone('ANN'),
        request: async (fx, scope, actor) => {
          const person =
            scope === 'own' ? (ACTORS[actor].person ?? 'nagaokaStaff') : ('nagaokaStaff' as PersonKey);
          const id = scope === 'missing' ? 'f'.repeat(32) : await fx.newSessionOf(person);
          return { method: 'POST', url: `/api/me/sessions/${id}/end` };
        },
      },
    ],
  },
  {
    method: 'GET',
    path: '/api/me/sign-ins',
    access: 'protected',
    cases: [
      {
        scopes: ['none'],
        expect: everyone('A'),
        request: () => ({ method: 'GET', url: '/api/me/sign-ins' }),
      },
    ],
  },
  {
    method: 'GET',
    path: '/api/people/:id/account',
    access: 'protected',
    note: 'A21: the システム管理者 only; the ability is checked before the person is looked up',
    cases: [
      {
        scopes: ['tokyoKyomu', 'nagaoka', 'missing'],
        expect: only('DDD', { sysadmin: 'AAN' }),
        request: (fx, scope) => ({ method: 'GET', url: `/api/people/${personOf(fx, scope)}/account` }),
      },
    ],
  },
  {
    method: 'POST',
    path: '/api/people/:id/unlock',
    access: 'protected',
    cases: [
      {
        scopes: ['tokyoKyomu', 'nagaoka', 'missing'],
        expect: only('DDD', { sysadmin: 'AAN' }),
        request: (fx, scope) => ({ method: 'POST', url: `/api/people/${personOf(fx, scope)}/unlock` }),
      },
    ],
  },

  // ── organisation: reading (everyone signed in reads the organisation, A3) ──
  {
    method: 'GET',
    path: '/api/units',
    access: 'protected',
    cases: [
      { scopes: ['none'], expect: everyone('A'), request: () => ({ method: 'GET', url: '/api/units' }) },
    ],
  },
  {
    method: 'GET',
    path: '/api/units/:id',
    access: 'protected',
    cases: [
      {
        scopes: ['tokyo', 'nagaoka', 'missing'],
        expect: everyone('AAN'),
        request: (fx, scope) => ({ method: 'GET', url: `/api/units/${unitOf(fx, scope)}` }),
      },
    ],
  },
  {
    method: 'GET',
    path: '/api/sections/:id',
    access: 'protected',
    cases: [
      {
        scopes: ['tokyoKyomu', 'nagaoka', 'missing'],
        expect: everyone('AAN'),
        request: (fx, scope) => ({ method: 'GET', url: `/api/sections/${sectionOf(fx, scope)}` }),
      },
    ],
  },
  {
    method: 'POST',
    path: '/api/people/search',
    access: 'protected',
    cases: [
      {
        scopes: ['tokyo', 'nagaoka'],
        expect: everyone('AA'),
        request: (fx, scope) => ({
          method: 'POST',
          url: '/api/people/search',
          body: { unitId: unitOf(fx, scope), limit: 5 },
        }),
      },
    ],
  },
  {
    method: 'GET',
    path: '/api/people/:id',
    access: 'protected',
    cases: [
      {
        scopes: ['tokyoKyomu', 'nagaoka', 'missing'],
        expect: everyone('AAN'),
        request: (fx, scope) => ({ method: 'GET', url: `/api/people/${personOf(fx, scope)}` }),
      },
    ],
  },
  {
    method: 'GET',
    path: '/api/appointments',
    access: 'protected',
    cases: [
      {
        scopes: ['tokyo', 'nagaoka'],
        expect: everyone('AA'),
        request: (fx, scope) => ({ method: 'GET', url: `/api/appointments?unitId=${unitOf(fx, scope)}` }),
      },
    ],
  },

  // ── organisation: keeping sections and people (A5-2: the システム管理者, a 総括保護管理者 in the unit) ──
  {
    method: 'POST',
    path: '/api/sections',
    access: 'protected',
    cases: [
      {
        scopes: ['tokyo', 'nagaoka', 'hq'],
        expect: only('DDD', { sysadmin: 'AAA', tokyoChief: 'ADD' }),
        request: (fx, scope) => ({
          method: 'POST',
          url: '/api/sections',
          body: { unitId: unitOf(fx, scope), name: `権限表係${fx.next()}`, handlesPersonalInfo: true },
        }),
      },
    ],
  },
  {
    method: 'PATCH',
    path: '/api/sections/:id',
    access: 'protected',
    note: 'a missing section is looked up before the ability, so every caller gets 404',
    cases: [
      {
        scopes: ['tokyoKyomu', 'tokyoTosho', 'nagaoka', 'missing'],
        expect: only('DDDN', { sysadmin: 'AAAN', tokyoChief: 'AADN' }),
        request: (fx, scope) => ({
          method: 'PATCH',
          url: `/api/sections/${sectionOf(fx, scope)}`,
          body: { handlesPersonalInfo: true },
        }),
      },
    ],
  },
  {
    method: 'POST',
    path: '/api/people',
    access: 'protected',
    cases: [
      {
        scopes: ['tokyoKyomu', 'tokyoTosho', 'nagaoka'],
        expect: only('DDD', { sysadmin: 'AAA', tokyoChief: 'AAD' }),
        request: (fx, scope) => {
          const n = fx.next();
          return {
            method: 'POST',
            url: '/api/people',
            body: {
              employeeNumber: `P${n}`,
              familyName: '権限',
              givenName: `花子${n}`,
              familyNameKana: 'ケンゲン',
              givenNameKana: 'ハナコ',
              kind: 'staff',
              title: '事務職員',
              unitId: unitOf(fx, scope),
              sectionId: sectionOf(fx, scope),
            },
          };
        },
      },
    ],
  },
  {
    method: 'PATCH',
    path: '/api/people/:id',
    access: 'protected',
    cases: [
      {
        label: '職名',
        scopes: ['tokyoTosho', 'nagaoka', 'missing'],
        expect: only('DDN', { sysadmin: 'AAN', tokyoChief: 'ADN' }),
        request: (fx, scope) => ({
          method: 'PATCH',
          url: `/api/people/${personOf(fx, scope)}`,
          body: { title: '事務職員' },
        }),
      },
      {
        // Moving someone into or out of a unit needs the right over both units.
        label: '異動',
        scopes: ['tokyo', 'nagaoka'],
        expect: only('DD', { sysadmin: 'AA', tokyoChief: 'DD' }),
        request: async (fx, scope) => {
          const n = fx.next();
          const from = scope === 'tokyo' ? fx.org.units.nagaoka : fx.org.units.tokyo;
          const person = await fx.services.organisation.people.create(fx.org.sys, {
            employeeNumber: `V${n}`,
            familyName: '異動',
            givenName: `次郎${n}`,
            familyNameKana: 'イドウ',
            givenNameKana: 'ジロウ',
            kind: 'staff',
            title: '事務職員',
            unitId: from,
          });
          return {
            method: 'PATCH',
            url: `/api/people/${person.id}`,
            body: { unitId: unitOf(fx, scope) },
          };
        },
      },
    ],
  },

  // ── organisation: appointments (A4–A8, A7の2: ROLE_RULES.appointedBy, within the appointer's scope) ──
  {
    method: 'POST',
    path: '/api/appointments',
    access: 'protected',
    note: 'seats that are already filled answer 409 appointment.role_already_filled to whoever may appoint',
    cases: [
      {
        label: '理事長',
        scopes: ['none'],
        expect: only('D', { sysadmin: 'A' }),
        request: (fx, scope) => appoint('president', fx, scope),
      },
      {
        label: '総括管理者',
        scopes: ['none'],
        expect: only('D', { president: 'A' }),
        request: (fx, scope) => appoint('chief_manager', fx, scope),
      },
      {
        label: '監査責任者',
        scopes: ['none'],
        expect: only('D', { president: 'A' }),
        request: (fx, scope) => appoint('audit_officer', fx, scope),
      },
      {
        label: '委員',
        scopes: ['none'],
        expect: only('D', { president: 'A' }),
        request: (fx, scope) => appoint('committee_member', fx, scope),
      },
      {
        label: 'システム管理者',
        scopes: ['none'],
        expect: only('D', { sysadmin: 'A' }),
        request: (fx, scope) => appoint('system_administrator', fx, scope),
      },
      {
        label: '総括保護管理者',
        scopes: ['tokyo', 'nagaoka', 'hq'],
        expect: only('DDD', { president: 'AAA', chiefManager: 'AAA' }),
        request: (fx, scope) => appoint('chief_protection_manager', fx, scope),
      },
      {
        label: '保護管理者',
        scopes: ['tokyoKyomu', 'tokyoTosho', 'nagaoka'],
        expect: only('DDD', { tokyoChief: 'AAD' }),
        request: (fx, scope) => appoint('protection_manager', fx, scope),
      },
      {
        label: '保護担当者',
        scopes: ['tokyoKyomu', 'tokyoTosho', 'nagaoka'],
        expect: only('DDD', { tokyoKyomuManager: 'ADD' }),
        request: (fx, scope) => appoint('protection_officer', fx, scope),
      },
      {
        // 東京 教務係 handles no My Numbers: the 保護管理者 passes authorisation, then 422 section_not_handling.
        label: '特定個人情報取扱担当者',
        scopes: ['tokyoKyomu', 'nagaoka'],
        expect: only('DD', { tokyoKyomuManager: 'AD' }),
        request: (fx, scope) =>
          appoint('mynumber_handler', fx, scope, { duties: '給与事務', handlingRange: '個人番号' }),
      },
    ],
  },
  {
    method: 'POST',
    path: '/api/appointments/:id/end',
    access: 'protected',
    note: 'ending follows appointing; an appointment already ended answers 409 to whoever may end it',
    cases: [
      {
        label: '保護担当者',
        scopes: ['tokyoKyomu', 'nagaoka', 'missing'],
        expect: only('DDN', { tokyoKyomuManager: 'ADN' }),
        request: (fx, scope) =>
          end(
            scope === 'missing'
              ? MISSING_ID
              : scope === 'nagaoka'
                ? fx.appointed.nagaokaOfficer
                : fx.appointed.tokyoKyomuOfficer,
          ),
      },
      {
        label: '保護管理者',
        scopes: ['tokyoTosho', 'nagaoka'],
        expect: only('DD', { tokyoChief: 'AD' }),
        request: (fx, scope) =>
          end(scope === 'nagaoka' ? fx.appointed.nagaokaManager : fx.appointed.tokyoToshoManager),
      },
      {
        label: '総括保護管理者',
        scopes: ['nagaoka', 'hq'],
        expect: only('DD', { president: 'AA', chiefManager: 'AA' }),
        request: (fx, scope) => end(scope === 'hq' ? fx.org.appointed.hqChief : fx.appointed.nagaokaChief),
      },
      {
        label: 'システム管理者',
        scopes: ['none'],
        expect: only('D', { sysadmin: 'A' }),
        request: (fx) => end(fx.appointed.secondAdmin),
      },
    ],
  },

  // ── organisation: the gap view (A3–A9) ──
  {
    method: 'GET',
    path: '/api/organisation/gaps',
    access: 'protected',
    cases: [
      {
        scopes: ['none', 'tokyo', 'nagaoka'],
        expect: only('DDD', { ...OVERSIGHT, tokyoChief: 'AAD' }),
        request: (fx, scope) => ({
          method: 'GET',
          url:
            scope === 'none'
              ? '/api/organisation/gaps'
              : `/api/organisation/gaps?unitId=${unitOf(fx, scope)}`,
        }),
      },
    ],
  },

  // ── organisation: staff import (the システム管理者; a 総括保護管理者 for their own unit, row by row) ──
  {
    method: 'GET',
    path: '/api/people/import/template',
    access: 'protected',
    cases: [
      {
        scopes: ['none'],
        expect: everyone('A'),
        request: () => ({ method: 'GET', url: '/api/people/import/template' }),
      },
    ],
  },
  {
    method: 'POST',
    path: '/api/people/import/preview',
    access: 'protected',
    cases: [
      {
        scopes: ['tokyo', 'nagaoka'],
        expect: only('DD', { sysadmin: 'AA', tokyoChief: 'AR' }),
        request: (fx, scope) => ({
          method: 'POST',
          url: '/api/people/import/preview',
          csv: { content: staffCsv(fx, csvUnit(scope)) },
        }),
      },
    ],
  },
  {
    method: 'POST',
    path: '/api/people/import',
    access: 'protected',
    cases: [
      {
        scopes: ['tokyo', 'nagaoka'],
        expect: only('DD', { sysadmin: 'AA', tokyoChief: 'AR' }),
        request: (fx, scope) => {
          const content = staffCsv(fx, csvUnit(scope));
          const digest = parseStaffCsv(new TextEncoder().encode(content)).digest;
          return { method: 'POST', url: '/api/people/import', csv: { content, fields: { digest } } };
        },
      },
    ],
  },
  ...PASSWORD_ROUTES,
  ...MFA_ROUTES,
  ...SSO_ROUTES,
  ...TERMINAL_ROUTES,
  ...LOGS_ROUTES,
  ...LOG_ANALYSIS_ROUTES,
  ...REGISTER_ROUTES,
  ...VAULT_ROUTES,
  ...APPROVALS_ROUTES,
  ...HANDLING_RULES_ROUTES,
  ...HANDLING_EXPORT_ROUTES,
  ...HANDLING_DISPOSAL_ROUTES,
  ...HANDLING_CORRECTION_ROUTES,
  ...HANDLING_PURPOSE_ROUTES,
  ...HANDLING_MOVEMENTS_ROUTES,
  ...HANDLING_USAGE_ROUTES,
  ...INCIDENTS_ROUTES,
  ...PROVISION_ROUTES,
  ...TRAINING_MATRIX,
  ...AUDITS_MATRIX,
  ...OVERSIGHT_MATRIX,
  ...COMPLIANCE_MATRIX,
  ...FACILITY_DEVICES_ROUTES,
  ...FACILITY_SYSTEMS_ROUTES,
  ...FACILITY_ROOMS_ROUTES,
  ...FACILITY_BACKUPS_ROUTES,
  ...REQUESTS_ROUTES,
  ...REQUESTS_SEARCH_ROUTES,
  ...REQUESTS_DECISION_ROUTES,
  ...REQUESTS_HISTORY_ROUTES,
  ...REQUESTS_REMEDIES_ROUTES,
];

// ───────────────────────────── the organisation of the matrix ─────────────────────────────

/**
 * The org-fixture organisation plus: the 総括管理者 and 監査責任者 (by the 理事長), a 保護担当者 of 東京
 * 教務係 (an actor), and appointments that only serve as targets of ending — a second 保護担当者 there,
 * a 保護管理者 of 東京 図書係, 長岡's 総括保護管理者, 保護管理者 and 保護担当者, a second システム管理者.
 */
export async function buildMatrixOrg(services: Services) {
  const org = await buildOrg(services);
  const id = async (p: Promise<{ id: string }>) => (await p).id;
  await org.appoint('president', 'chief_manager', 'director1');
  await org.appoint('president', 'audit_officer', 'auditor');
  await org.appoint('tokyoKyomuHead', 'protection_officer', 'tokyoKyomuStaff2', {
    sectionId: org.sections.tokyoKyomu,
  });
  const appointed = {
    tokyoKyomuOfficer: await id(
      org.appoint('tokyoKyomuHead', 'protection_officer', 'tokyoToshoHead', {
        sectionId: org.sections.tokyoKyomu,
      }),
    ),
    tokyoToshoManager: await id(
      org.appoint('tokyoPrincipal', 'protection_manager', 'tokyoToshoHead', {
        sectionId: org.sections.tokyoTosho,
      }),
    ),
    nagaokaChief: await id(
      org.appoint('president', 'chief_protection_manager', 'nagaokaPrincipal', { unitId: org.units.nagaoka }),
    ),
    nagaokaManager: '',
    nagaokaOfficer: '',
    secondAdmin: await id(org.appoint('sysadmin', 'system_administrator', 'somuHead')),
  };
  appointed.nagaokaManager = await id(
    org.appoint('nagaokaPrincipal', 'protection_manager', 'nagaokaKyomuHead', {
      sectionId: org.sections.nagaokaKyomu,
    }),
  );
  appointed.nagaokaOfficer = await id(
    org.appoint('nagaokaKyomuHead', 'protection_officer', 'nagaokaStaff', {
      sectionId: org.sections.nagaokaKyomu,
    }),
  );
  return { org, appointed };
}
