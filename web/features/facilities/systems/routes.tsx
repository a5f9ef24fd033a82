import type { RouteObject } from 'react-router';

/** Pages of facilities — systems (issue 11), under /facilities/systems. Skeleton. */
export const SYSTEMS_ROUTES: RouteObject[] = [];
