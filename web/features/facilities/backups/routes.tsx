import type { RouteObject } from 'react-router';

/** Pages of facilities — backups (issue 11), under /facilities/backups. Skeleton. */
export const BACKUPS_ROUTES: RouteObject[] = [];
