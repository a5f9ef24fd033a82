import type { RouteObject } from 'react-router';

/** Pages of issue 7: disposal (spread into the signed-in routes of web/app/router.tsx). */
export const DISPOSAL_ROUTES: RouteObject[] = [];
