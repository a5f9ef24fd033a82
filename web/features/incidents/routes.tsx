import type { RouteObject } from 'react-router';

/** Pages of issue 8: incidents (spread into the signed-in routes of web/app/router.tsx). */
export const INCIDENTS_ROUTES: RouteObject[] = [];
