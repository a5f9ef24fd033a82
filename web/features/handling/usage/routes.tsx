import type { RouteObject } from 'react-router';

/** Pages of issue 7: usage (spread into the signed-in routes of web/app/router.tsx). */
export const USAGE_ROUTES: RouteObject[] = [];
