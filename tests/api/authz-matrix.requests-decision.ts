/**
 * Routes of individuals' requests — the decision part (issue 12; 法78–82, 法87) in the authorisation
 * matrix (see authz-matrix.kit.ts for the letters; H: 403 requests.not_handler). Scopes [東京 教務係,
 * 東京 図書係, 長岡 教務係, missing]: a disclosure request received at each section by its 保護管理者,
 * one per route, with one confirmed match (a row as the search part's confirm writes it; its record is
 * not in the vault, so reading it answers 409 requests.record_unreadable, which counts as allowed).
 * Before the decision the steps after it answer 409 (allowed); a second submission answers 409.
 * - Reading the decision and its notice: the request's handlers (the office's 保護管理者 and 保護担当者,
 *   the unit's 総括保護管理者, the 総括管理者) and the 監査責任者; anyone else 404.
 * - Everything else (values, withheld items, submission, notice, method, disclosure document, carrying
 *   out): the handlers; the 監査責任者 403 requests.not_handler; anyone else 404.
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

/** The scope's disclosure request for one route, with one confirmed match. */
async function requestIn(fx: Fixture, scope: Scope, route: string): Promise<{ id: string; matchId: string }> {
  if (scope === 'missing') return { id: MISSING_ID, matchId: MISSING_ID };
  return once(fx, `decision:${scope}:${route}`, async () => {
    const by = await keeperIn(fx, scope);
    const r = ok<RequestView>(
      await by.post(base, {
        kind: 'disclosure',
        sectionId: sectionIn(fx, scope),
        channel: 'counter',
        receivedOn: '2026-11-27',
        requesterKind: 'self',
        requester: { name: '架空 行列' },
        content: '行列テストの開示請求',
        fileIds: [],
        identityMethod: 'driver_licence',
        feeMethod: 'revenue_stamp',
        feePaidOn: '2026-11-27',
      }),
      'request',
    );
    const matchId = newId();
    const at = fx.services.clock.now().toISOString();
    await fx.services.database.db
      .insertInto('subject_request_matches')
      .values({
        id: matchId,
        request_id: r.id,
        file_id: newId(),
        record_id: newId(),
        matched_on: '["name"]',
        status: 'confirmed',
        reason: null,
        found_at: at,
        found_by: fx.org.people.tokyoKyomuHead,
        decided_at: at,
        decided_by: fx.org.people.tokyoKyomuHead,
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

/** A route on the scope's own request (`tail` after /api/requests/:id/decision). */
const entry = (
  method: Method,
  tail: string,
  expect: Record<SignedInActor, string>,
  body?: unknown,
): RouteEntry => ({
  method,
  path: `${base}/:id/decision${tail}`,
  access: 'protected',
  cases: [
    {
      scopes: SCOPES,
      expect,
      request: async (fx, scope): Promise<Req> => {
        const r = await requestIn(fx, scope, `${method} ${tail}`);
        const url = `${base}/${r.id}/decision${tail.replace(':matchId', r.matchId)}`;
        return { method, url, ...(body !== undefined ? { body } : {}) };
      },
    },
  ],
});

export const REQUESTS_DECISION_ROUTES: RouteEntry[] = [
  entry('GET', '', READ),
  entry('GET', '/records/:matchId', HANDLE),
  entry('PUT', '/withheld', HANDLE, { items: [] }),
  entry('POST', '/submit', HANDLE, { decision: 'refuse_existence', reason: '行列テストの理由' }),
  entry('GET', '/notice.pdf', READ),
  entry('POST', '/notice', HANDLE, { sentOn: '2026-11-30' }),
  entry('POST', '/method', HANDLE, { method: 'viewing', chosenOn: '2026-11-30', lateReason: null }),
  entry('GET', '/disclosure.pdf', HANDLE),
  entry('POST', '/carried-out', HANDLE, { carriedOutOn: '2026-11-30' }),
];
