/**
 * Routes of audits (issue 10) in the authorisation matrix (see authz-matrix.kit.ts for the letters).
 */
import type { RouteEntry } from './authz-matrix.kit.ts';

export const AUDITS_ROUTES: RouteEntry[] = [];
