/**
 * Routes of individuals' requests — the search part (issue 12; 法76, 法77-1-2) in the authorisation
 * matrix (see authz-matrix.kit.ts for the letters; H: 403 requests.not_handler). Scopes [東京 教務係,
 * 東京 図書係, 長岡 教務係, missing]: a disclosure request received at each section by its 保護管理者,
 * one per route, with one candidate match (a row as the search writes it; its record is not in the
 * vault, so looking at it reads as not found — still an allowed answer).
 * - Searching, confirming, rejecting: the request's handlers (the office's 保護管理者 and 保護担当者,
 *   the unit's 総括保護管理者, the 総括管理者); the 監査責任者 403 requests.not_handler; anyone else 404.
 * - The list of matches: the handlers, and the 監査責任者 (without the identifying values); anyone
 *   else 404.
 */
import type { RequestView } from '../../shared/api/requests.ts';
import { newId } from '../../server/platform/ids.ts';
import { sectionIn } from '../support/provision-scene.ts';
import { keeperIn, ok, onceMemo } from './authz-matrix.facility-kit.ts';
import {
  MISSING_ID,
  only,
  type Fixture,
  type Method,
  type Req,
  type RouteEntry,
  type Scope,
  type SignedInActor,
} from './authz-matrix.kit.ts';

const once = onceMemo();
const base = '/api/requests';
const SCOPES: Scope[] = ['tokyoKyomu', 'tokyoTosho', 'nagaoka', 'missing'];

/** The scope's disclosure request for one route, with one candidate match. */
async function requestIn(fx: Fixture, scope: Scope, route: string): Promise<{ id: string; matchId: string }> {
  if (scope === 'missing') return { id: MISSING_ID, matchId: MISSING_ID };
  return once(fx, `search:${scope}:${route}`, async () => {
    const by = await keeperIn(fx, scope);
    const r = ok<RequestView>(
      await by.post(base, {
        kind: 'disclosure',
        sectionId: sectionIn(fx, scope),
        channel: 'counter',
        receivedOn: '2026-11-27',
        requesterKind: 'self',
        requester: { name: '架空 行列', birthDate: '2008-04-02', studentNumber: 'M0001' },
        content: '行列テストの開示請求',
        fileIds: [],
        identityMethod: 'driver_licence',
        feeMethod: 'revenue_stamp',
        feePaidOn: '2026-11-27',
      }),
      'request',
    );
    const matchId = newId();
    await fx.services.database.db
      .insertInto('subject_request_matches')
      .values({
        id: matchId,
        request_id: r.id,
        file_id: newId(),
        record_id: newId(),
        matched_on: '["name"]',
        status: 'candidate',
        reason: null,
        found_at: fx.services.clock.now().toISOString(),
        found_by: fx.org.people.tokyoKyomuHead,
        decided_at: null,
        decided_by: null,
      })
      .execute();
    return { id: r.id, matchId };
  });
}

// ── letters over [東京 教務係, 東京 図書係, 長岡, missing] ──
const HANDLERS = {
  chiefManager: 'AAAN',
  tokyoChief: 'AANN',
  tokyoKyomuManager: 'ANNN',
  tokyoKyomuOfficer: 'ANNN',
};
const READ: Record<SignedInActor, string> = only('NNNN', { ...HANDLERS, auditOfficer: 'AAAN' });
const HANDLE: Record<SignedInActor, string> = only('NNNN', { ...HANDLERS, auditOfficer: 'HHHN' });

/** A route on the scope's own request (`tail` after /api/requests/:id). */
const entry = (
  method: Method,
  tail: string,
  expect: Record<SignedInActor, string>,
  body?: unknown,
): RouteEntry => ({
  method,
  path: `${base}/:id${tail}`,
  access: 'protected',
  cases: [
    {
      scopes: SCOPES,
      expect,
      request: async (fx, scope): Promise<Req> => {
        const r = await requestIn(fx, scope, `${method} ${tail}`);
        const url = `${base}/${r.id}${tail.replace(':matchId', r.matchId)}`;
        return { method, url, ...(body !== undefined ? { body } : {}) };
      },
    },
  ],
});

export const REQUESTS_SEARCH_ROUTES: RouteEntry[] = [
  entry('POST', '/search', HANDLE, {}),
  entry('GET', '/matches', READ),
  entry('POST', '/matches/:matchId/confirm', HANDLE, {}),
  entry('POST', '/matches/:matchId/reject', HANDLE, { reason: '行列テストの理由' }),
];
