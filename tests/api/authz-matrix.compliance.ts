/**
 * Routes of compliance (issue 10) in the authorisation matrix (see authz-matrix.kit.ts for the letters).
 */
import type { RouteEntry } from './authz-matrix.kit.ts';

export const COMPLIANCE_ROUTES: RouteEntry[] = [];
