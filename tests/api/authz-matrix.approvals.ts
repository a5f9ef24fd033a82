/** Routes of issue 7 (approvals) in the authorisation matrix (see authz-matrix.kit.ts for the letters). */
import type { RouteEntry } from './authz-matrix.kit.ts';

export const APPROVALS_ROUTES: RouteEntry[] = [];
