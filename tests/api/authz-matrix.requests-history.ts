/**
 * Routes of individuals' requests — the access history (issue 12; A22-1, A22-2) in the
 * authorisation matrix (see authz-matrix.kit.ts for the letters; H: 403 requests.not_handler).
 * Scopes [東京 教務係, 東京 図書係, 長岡 教務係, missing]: a request received at each section by its
 * 保護管理者, with no record confirmed yet, so that allowed callers get 409
 * requests.history_no_records (authorisation let them through; the history itself is tested in
 * requests-history.test.ts).
 * - The view: the request's handlers (the office's 保護管理者 and 保護担当者, the unit's 総括保護管理者,
 *   the 総括管理者) and the 監査責任者, who reads every request; anyone else 404.
 * - The bundle and the document issued to the requester: handlers only; the 監査責任者 H.
 */
import type { RouteEntry, SignedInActor } from './authz-matrix.kit.ts';
import { base, HANDLE, READ, receivedIn, req, scoped } from './authz-matrix.requests-kit.ts';

/** A GET on the scope's request (one for all history routes: they write nothing but audit events). */
const route = (tail: string, expect: Record<SignedInActor, string>): RouteEntry =>
  scoped('GET', `${base}/:id/${tail}`, expect, async (fx, scope) =>
    req('GET', `${base}/${await receivedIn(fx, scope, `history-request:${scope}`)}/${tail}`),
  );

export const REQUESTS_HISTORY_ROUTES: RouteEntry[] = [
  route('history', READ),
  route('history.json', HANDLE),
  route('history.pdf', HANDLE),
];
