import type { RouteObject } from 'react-router';

/** Pages of facilities — rooms (issue 11, A32–A33), under /facilities/rooms. Skeleton. */
export const ROOMS_ROUTES: RouteObject[] = [];

/** The door's tablet screen, /facilities/rooms/:id/door, shown without the navigation. Skeleton. */
export const ROOMS_DOOR_ROUTES: RouteObject[] = [];
