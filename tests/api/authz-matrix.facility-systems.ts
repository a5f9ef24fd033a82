/**
 * Routes of facilities — systems (issue 11) in the authorisation matrix (see authz-matrix.kit.ts for the
 * letters). Skeleton — the helper who owns the routes fills it.
 */
import type { RouteEntry } from './authz-matrix.kit.ts';

export const FACILITY_SYSTEMS_ROUTES: RouteEntry[] = [];
