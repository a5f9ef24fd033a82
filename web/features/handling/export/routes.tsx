import type { RouteObject } from 'react-router';

/** Pages of issue 7: export (spread into the signed-in routes of web/app/router.tsx). */
export const EXPORT_ROUTES: RouteObject[] = [];
