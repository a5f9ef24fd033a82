import type { RouteObject } from 'react-router';

/** Pages of issue 7: movements (spread into the signed-in routes of web/app/router.tsx). */
export const MOVEMENTS_ROUTES: RouteObject[] = [];
