import type { RouteObject } from 'react-router';

/** Pages of issue 7: correction (spread into the signed-in routes of web/app/router.tsx). */
export const CORRECTION_ROUTES: RouteObject[] = [];
