import type { RouteObject } from 'react-router';
import { BackupsPage } from './backups-page.tsx';

/** Pages of facilities — backups (issue 11, A27), under /facilities/backups. */
export const BACKUPS_ROUTES: RouteObject[] = [{ path: '/facilities/backups', element: <BackupsPage /> }];
