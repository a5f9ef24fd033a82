/**
 * Routes of third parties (issue 9; A17–A19) in the authorisation matrix (see authz-matrix.kit.ts
 * for the letters).
 */
import type { RouteEntry } from './authz-matrix.kit.ts';

export const PROVISION_ROUTES: RouteEntry[] = [];
