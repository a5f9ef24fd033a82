import type { RouteObject } from 'react-router';

/** Pages of issue 7: purpose (spread into the signed-in routes of web/app/router.tsx). */
export const PURPOSE_ROUTES: RouteObject[] = [];
