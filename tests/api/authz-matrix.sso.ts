/** Routes of sso (issue 3) in the authorisation matrix; see authz-matrix.table.ts for the letters. */
import type { RouteEntry } from './authz-matrix.kit.ts';

export const SSO_ROUTES: RouteEntry[] = [];
