/** Routes of issue 7 (handling-purpose) in the authorisation matrix (see authz-matrix.kit.ts for the letters). */
import type { RouteEntry } from './authz-matrix.kit.ts';

export const HANDLING_PURPOSE_ROUTES: RouteEntry[] = [];
