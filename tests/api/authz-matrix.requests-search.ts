/**
 * Routes of individuals' requests — the search part (issue 12) in the authorisation matrix (see
 * authz-matrix.kit.ts for the letters). STUB: the search helper fills it (every route needs entries).
 */
import type { RouteEntry } from './authz-matrix.kit.ts';

export const REQUESTS_SEARCH_ROUTES: RouteEntry[] = [];
