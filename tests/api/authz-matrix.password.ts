/** Routes of password (issue 3) in the authorisation matrix; see authz-matrix.table.ts for the letters. */
import type { RouteEntry } from './authz-matrix.kit.ts';

export const PASSWORD_ROUTES: RouteEntry[] = [];
