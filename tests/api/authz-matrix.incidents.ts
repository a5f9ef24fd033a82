/**
 * Routes of incidents (issue 8; A34–A35) in the authorisation matrix (see authz-matrix.kit.ts for
 * the letters).
 */
import type { RouteEntry } from './authz-matrix.kit.ts';

export const INCIDENTS_ROUTES: RouteEntry[] = [];
