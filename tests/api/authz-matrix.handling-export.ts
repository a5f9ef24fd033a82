/** Routes of issue 7 (handling-export) in the authorisation matrix (see authz-matrix.kit.ts for the letters). */
import type { RouteEntry } from './authz-matrix.kit.ts';

export const HANDLING_EXPORT_ROUTES: RouteEntry[] = [];
