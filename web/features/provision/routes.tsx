import type { RouteObject } from 'react-router';

/** Pages of issue 9: third parties (spread into the signed-in routes of web/app/router.tsx). */
export const PROVISION_ROUTES: RouteObject[] = [];
