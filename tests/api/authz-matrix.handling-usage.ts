/** Routes of issue 7 (handling-usage) in the authorisation matrix (see authz-matrix.kit.ts for the letters). */
import type { RouteEntry } from './authz-matrix.kit.ts';

export const HANDLING_USAGE_ROUTES: RouteEntry[] = [];
