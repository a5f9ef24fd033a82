import type { RouteObject } from 'react-router';

/** Pages of issue 10 — The compliance overview: units x articles, drill-down, trend. (spread into the signed-in routes of web/app/router.tsx). */
export const COMPLIANCE_ROUTES: RouteObject[] = [];
