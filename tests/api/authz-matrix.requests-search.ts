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
import type { Method, RouteEntry, SignedInActor } from './authz-matrix.kit.ts';
import { base, HANDLE, READ, req, scoped, withMatch } from './authz-matrix.requests-kit.ts';

/** A route on the scope's own disclosure request, one per route, with one candidate match. */
const entry = (method: Method, tail: string, expect: Record<SignedInActor, string>, body?: unknown) =>
  scoped(method, `${base}/:id${tail}`, expect, async (fx, scope) => {
    const r = await withMatch(fx, scope, `search:${scope}:${method} ${tail}`, 'candidate', {
      requester: { name: '架空 行列', birthDate: '2008-04-02', studentNumber: 'M0001' },
      content: '行列テストの開示請求',
      feePaidOn: '2026-11-27',
    });
    return req(method, `${base}/${r.id}${tail.replace(':matchId', r.matchId)}`, body);
  });

export const REQUESTS_SEARCH_ROUTES: RouteEntry[] = [
  entry('POST', '/search', HANDLE, {}),
  entry('GET', '/matches', READ),
  entry('POST', '/matches/:matchId/confirm', HANDLE, {}),
  entry('POST', '/matches/:matchId/reject', HANDLE, { reason: '行列テストの理由' }),
];
