import type { RouteObject } from 'react-router';

/** Pages of issue 7: approvals (spread into the signed-in routes of web/app/router.tsx). */
export const APPROVALS_ROUTES: RouteObject[] = [];
