/**
 * Routes of individuals' requests — the core part (issue 12; law-2022.md 法76–107) in the
 * authorisation matrix (see authz-matrix.kit.ts for the letters; H: 403 requests.not_handler).
 * Scopes [東京 教務係, 東京 図書係, 長岡 教務係, missing]: a request received at each section by its
 * 保護管理者, one per route so that an allowed write (補正, extension, withdrawal) never changes the
 * answer of another route's cells; later allowed writes answer 409, which still counts as allowed.
 * - Handling (補正, extension, the large case, the fee, withdrawal): the office's 保護管理者 and
 *   保護担当者, the unit's 総括保護管理者 and the 総括管理者; the 監査責任者 reads but handles
 *   nothing (H); anyone else 404 (the 理事長 and the システム管理者 included).
 * - Intake: at a section the caller handles; elsewhere 403 auth.forbidden (audited).
 */
import type { RequestView } from '../../shared/api/requests.ts';
import { sectionIn } from '../support/provision-scene.ts';
import { keeperIn, ok } from './authz-matrix.facility-kit.ts';
import {
  everyone,
  MISSING_ID,
  only,
  publicGet,
  type Fixture,
  type Method,
  type RouteEntry,
  type Scope,
} from './authz-matrix.kit.ts';
import { base, HANDLE, intake, once, READ, req, scoped as entry } from './authz-matrix.requests-kit.ts';

/** The scope's request for one route, received by the section's 保護管理者 (with a 補正 when asked). */
async function requestIn(
  fx: Fixture,
  scope: Scope,
  route: string,
  paused = false,
): Promise<{ id: string; pauseId: string }> {
  if (scope === 'missing') return { id: MISSING_ID, pauseId: MISSING_ID };
  return once(fx, `request:${scope}:${route}`, async () => {
    const by = await keeperIn(fx, scope);
    const r = ok<RequestView>(await by.post(base, intake(sectionIn(fx, scope))), 'request');
    if (!paused) return { id: r.id, pauseId: MISSING_ID };
    const p = ok<RequestView>(
      await by.post(`${base}/${r.id}/pauses`, { askedOn: '2026-11-28', reason: '行列テストの補正' }),
      'pause',
    );
    return { id: r.id, pauseId: p.pauses[0]!.id };
  });
}

const CREATE = only('DDD', {
  chiefManager: 'AAA',
  tokyoChief: 'AAD',
  tokyoKyomuManager: 'ADD',
  tokyoKyomuOfficer: 'ADD',
});

/** A route on the scope's own request (`tail` after /api/requests/:id). */
const on =
  (route: string, tail: string, method: Method, body?: unknown, paused = false) =>
  async (fx: Fixture, scope: Scope) => {
    const r = await requestIn(fx, scope, route, paused);
    return req(method, `${base}/${r.id}${tail.replace(':pauseId', r.pauseId)}`, body);
  };

export const REQUESTS_ROUTES: RouteEntry[] = [
  {
    method: 'GET',
    path: base,
    access: 'protected',
    cases: [{ scopes: ['none'], expect: everyone('A'), request: () => req('GET', base) }],
  },
  {
    method: 'GET',
    path: `${base}/offices`,
    access: 'protected',
    cases: [{ scopes: ['none'], expect: everyone('A'), request: () => req('GET', `${base}/offices`) }],
  },
  {
    method: 'POST',
    path: base,
    access: 'protected',
    cases: [
      {
        scopes: ['tokyoKyomu', 'tokyoTosho', 'nagaoka'],
        expect: CREATE,
        request: async (fx, scope) => {
          await keeperIn(fx, scope);
          return req('POST', base, intake(sectionIn(fx, scope)));
        },
      },
    ],
  },
  entry('GET', `${base}/:id`, READ, on('view', '', 'GET')),
  entry('GET', `${base}/:id/periods`, READ, on('periods', '/periods', 'GET')),
  entry(
    'POST',
    `${base}/:id/pauses`,
    HANDLE,
    on('pauses', '/pauses', 'POST', { askedOn: '2026-11-30', reason: '行列テストの補正' }),
  ),
  entry(
    'POST',
    `${base}/:id/pauses/:pauseId/answer`,
    HANDLE,
    on('answer', '/pauses/:pauseId/answer', 'POST', { answeredOn: '2026-11-30' }, true),
  ),
  entry(
    'POST',
    `${base}/:id/extension`,
    HANDLE,
    on('extension', '/extension', 'POST', { days: 30, reason: '行列テストの延長', notifiedOn: '2026-11-30' }),
  ),
  entry(
    'POST',
    `${base}/:id/large`,
    HANDLE,
    on('large', '/large', 'POST', {
      reason: '行列テストの特例',
      restDueOn: '2027-06-30',
      notifiedOn: '2026-11-30',
    }),
  ),
  entry(
    'POST',
    `${base}/:id/fee`,
    HANDLE,
    on('fee', '/fee', 'POST', { method: 'cash', paidOn: '2026-11-30' }),
  ),
  entry(
    'POST',
    `${base}/:id/withdraw`,
    HANDLE,
    on('withdraw', '/withdraw', 'POST', { reason: '行列テストの取下げ', withdrawnOn: '2026-11-30' }),
  ),
  publicGet('/register/requests', 'how to request disclosure, correction and suspension (法76–107), HTML'),
];
