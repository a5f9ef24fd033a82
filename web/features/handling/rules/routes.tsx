import type { RouteObject } from 'react-router';

/** Pages of issue 7: rules (spread into the signed-in routes of web/app/router.tsx). */
export const HANDLINGRULES_ROUTES: RouteObject[] = [];
