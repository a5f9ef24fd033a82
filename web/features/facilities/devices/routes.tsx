import type { RouteObject } from 'react-router';

/** Pages of facilities — devices (issue 11), under /facilities/devices. Skeleton. */
export const DEVICES_ROUTES: RouteObject[] = [];
