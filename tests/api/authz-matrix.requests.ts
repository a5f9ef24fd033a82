/**
 * Routes of individuals' requests — the core part (issue 12) in the authorisation matrix (see
 * authz-matrix.kit.ts for the letters). STUB: the core helper fills it (every route needs entries).
 */
import type { RouteEntry } from './authz-matrix.kit.ts';

export const REQUESTS_ROUTES: RouteEntry[] = [];
