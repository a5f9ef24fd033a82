/**
 * Routes of the approval engine (issue 7, ADR 0008) in the authorisation matrix (see
 * authz-matrix.kit.ts for the letters). Everyone signed in has an inbox, counts, notices and the list
 * of deputies naming them. A request is seen by its requester (own), the section's 保護管理者 (A6),
 * the unit's 総括保護管理者 (A5), and the 総括管理者 and 監査責任者 over all (A4, A8); others get 404.
 * Deputies are named by the 保護管理者 for their section and by the 総括保護管理者 for their unit.
 *
 * Each cell submits its own request (東京 教務係's by a non-actor of that section, 長岡 教務係's by
 * 長岡's 保護担当者), so no decision of one cell changes another's answer.
 *
 * Not in the matrix: the refusals by the engine's own rules, answered 403 with a code of their own
 * and an authz.denied entry — approval.not_decider (an onlooker who sees a request but is not its
 * decider), approval.own_request and approval.not_requester. The matrix's D letter means
 * auth.forbidden only, so the decision route is listed here for its 401/404 and those refusals are
 * proven in approvals-engine.test.ts and approvals-http.test.ts.
 */
import type { PersonKey } from '../support/org-fixture.ts';
import { systemCtx } from '../../server/platform/context.ts';
import {
  ACTORS,
  everyone,
  MISSING_ID,
  sectionOf,
  unitOf,
  type Actor,
  type Fixture,
  type Req,
  type RouteEntry,
  type Scope,
} from './authz-matrix.kit.ts';

const sys = systemCtx('matrix');

/** Who asks in a scope: not an actor, of the scope's unit. */
const requesterOf = (scope: Scope, actor: Actor): PersonKey =>
  scope === 'own' ? ACTORS[actor].person! : scope === 'nagaoka' ? 'nagaokaStaff' : 'tokyoToshoHead';

/** A new request in the scope (東京 教務係, 長岡 教務係, or the actor's own in 東京 教務係); its id. */
async function requestIn(fx: Fixture, scope: Scope, actor: Actor): Promise<string> {
  // Anonymous callers are refused before any request is looked at.
  if (scope === 'missing' || ACTORS[actor].person === null) return MISSING_ID;
  const where = scope === 'own' ? 'tokyoKyomu' : scope;
  const req = await fx.services.approvals.approvals.submit(await fx.org.as(requesterOf(scope, actor)), {
    kind: 'export',
    unitId: unitOf(fx, where),
    sectionId: sectionOf(fx, where),
    fileId: null,
    reason: '権限表の検査',
    level: 'protection_manager',
  });
  return req.id;
}

/** The actor's own request, sent back to them by its decider. */
async function sentBackOwn(fx: Fixture, scope: Scope, actor: Actor): Promise<string> {
  const id = await requestIn(fx, scope, actor);
  if (id === MISSING_ID) return id;
  const { approvals } = fx.services.approvals;
  const row = (await approvals.row(id))!;
  const decider = await fx.org.as(
    row.level === 'chief_protection_manager' ? 'tokyoPrincipal' : 'tokyoKyomuHead',
  );
  await approvals.decide(decider, id, { decision: 'send_back', comment: '権限表の検査', revision: 1 });
  return id;
}

/** A deputy appointment in the scope, named by the system, not yet in force; its id. */
async function deputyIn(fx: Fixture, scope: Scope): Promise<string> {
  if (scope === 'missing') return MISSING_ID;
  const named = await fx.services.approvals.deputies.create(sys, {
    ...deputyBody(fx, scope),
  });
  return named.id;
}

const deputyBody = (fx: Fixture, scope: Scope) => ({
  deputyId: scope === 'nagaoka' ? fx.org.people.nagaokaKyomuHead : fx.org.people.tokyoToshoHead,
  level: 'protection_manager',
  unitId: unitOf(fx, scope),
  sectionId: sectionOf(fx, scope),
  validFrom: '2027-01-04',
  validUntil: '2027-01-08',
  reason: '権限表の検査',
});

const get = (url: string): RouteEntry => ({
  method: 'GET',
  path: url,
  access: 'protected',
  cases: [{ scopes: ['none'], expect: everyone('A'), request: () => ({ method: 'GET', url }) }],
});

const REQUEST_SCOPES: Scope[] = ['tokyoKyomu', 'nagaoka', 'missing', 'own'];
const DEPUTY_SCOPES: Scope[] = ['tokyoKyomu', 'tokyoTosho', 'nagaoka'];

export const APPROVALS_ROUTES: RouteEntry[] = [
  get('/api/approvals'),
  get('/api/approvals/counts'),
  {
    method: 'GET',
    path: '/api/approvals/:id',
    access: 'protected',
    cases: [
      {
        scopes: REQUEST_SCOPES,
        expect: {
          staff: 'NNNA',
          sysadmin: 'NNNA',
          president: 'NNNA',
          chiefManager: 'AANA',
          auditOfficer: 'AANA',
          tokyoChief: 'ANNA',
          tokyoKyomuManager: 'ANNA',
          tokyoKyomuOfficer: 'NNNA',
        },
        request: async (fx, scope, actor) => ({
          method: 'GET',
          url: `/api/approvals/${await requestIn(fx, scope, actor)}`,
        }),
      },
    ],
  },
  {
    method: 'POST',
    path: '/api/approvals/:id/decision',
    access: 'protected',
    note: 'deciders, onlookers (approval.not_decider) and requesters (approval.own_request): approvals-engine.test.ts',
    cases: [
      {
        scopes: ['missing'],
        expect: everyone('N'),
        request: (): Req => ({
          method: 'POST',
          url: `/api/approvals/${MISSING_ID}/decision`,
          body: { decision: 'approve', comment: '', revision: 1 },
        }),
      },
    ],
  },
  {
    method: 'POST',
    path: '/api/approvals/:id/resubmit',
    access: 'protected',
    note: 'others who see it (approval.not_requester): approvals-engine.test.ts',
    cases: [
      {
        scopes: ['own', 'missing'],
        expect: everyone('AN'),
        request: async (fx, scope, actor) => ({
          method: 'POST',
          url: `/api/approvals/${await sentBackOwn(fx, scope, actor)}/resubmit`,
          body: { reason: '権限表の検査（再申請）', revision: 1 },
        }),
      },
    ],
  },
  {
    method: 'POST',
    path: '/api/approvals/:id/withdraw',
    access: 'protected',
    note: 'others who see it (approval.not_requester): approvals-engine.test.ts',
    cases: [
      {
        scopes: ['own', 'missing'],
        expect: everyone('AN'),
        request: async (fx, scope, actor) => ({
          method: 'POST',
          url: `/api/approvals/${await requestIn(fx, scope, actor)}/withdraw`,
        }),
      },
    ],
  },
  get('/api/approval-deputies'),
  {
    method: 'POST',
    path: '/api/approval-deputies',
    access: 'protected',
    cases: [
      {
        label: '保護管理者の代理',
        scopes: DEPUTY_SCOPES,
        expect: {
          ...everyone('DDD'),
          tokyoChief: 'AAD',
          tokyoKyomuManager: 'ADD',
        },
        request: (fx, scope) => ({
          method: 'POST',
          url: '/api/approval-deputies',
          body: deputyBody(fx, scope),
        }),
      },
    ],
  },
  {
    method: 'POST',
    path: '/api/approval-deputies/:id/revoke',
    access: 'protected',
    cases: [
      {
        scopes: ['tokyoKyomu', 'nagaoka', 'missing'],
        expect: {
          ...everyone('DDN'),
          tokyoChief: 'ADN',
          tokyoKyomuManager: 'ADN',
        },
        request: async (fx, scope) => ({
          method: 'POST',
          url: `/api/approval-deputies/${await deputyIn(fx, scope)}/revoke`,
        }),
      },
    ],
  },
  get('/api/notifications'),
  {
    method: 'POST',
    path: '/api/notifications/read',
    access: 'protected',
    cases: [
      {
        scopes: ['none'],
        expect: everyone('A'),
        request: () => ({ method: 'POST', url: '/api/notifications/read', body: {} }),
      },
    ],
  },
];
