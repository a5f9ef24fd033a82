/**
 * Routes of individuals' requests — the history part (issue 12) in the authorisation matrix (see
 * authz-matrix.kit.ts for the letters). STUB: the history helper fills it (every route needs entries).
 */
import type { RouteEntry } from './authz-matrix.kit.ts';

export const REQUESTS_HISTORY_ROUTES: RouteEntry[] = [];
