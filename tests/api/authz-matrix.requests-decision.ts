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
import type { Method, RouteEntry, SignedInActor } from './authz-matrix.kit.ts';
import { base, HANDLE, READ, req, scoped, withMatch } from './authz-matrix.requests-kit.ts';

/** A route on the scope's own disclosure request, one per route, with one confirmed match. */
const entry = (method: Method, tail: string, expect: Record<SignedInActor, string>, body?: unknown) =>
  scoped(method, `${base}/:id/decision${tail}`, expect, async (fx, scope) => {
    const r = await withMatch(fx, scope, `decision:${scope}:${method} ${tail}`, 'confirmed', {
      content: '行列テストの開示請求',
      feePaidOn: '2026-11-27',
    });
    return req(method, `${base}/${r.id}/decision${tail.replace(':matchId', r.matchId)}`, body);
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
