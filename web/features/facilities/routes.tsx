import type { RouteObject } from 'react-router';
import { BACKUPS_ROUTES } from './backups/routes.tsx';
import { DEVICES_ROUTES } from './devices/routes.tsx';
import { FacilitiesHubPage } from './hub-page.tsx';
import { ROOMS_DOOR_ROUTES, ROOMS_ROUTES } from './rooms/routes.tsx';
import { SYSTEMS_ROUTES } from './systems/routes.tsx';

/** Pages of issue 11 — facilities and continuity (spread into the signed-in routes of web/app/router.tsx). */
export const FACILITIES_ROUTES: RouteObject[] = [
  { path: '/facilities', element: <FacilitiesHubPage /> },
  ...DEVICES_ROUTES,
  ...SYSTEMS_ROUTES,
  ...ROOMS_ROUTES,
  ...BACKUPS_ROUTES,
];

/** Signed-in pages shown without the navigation: the tablet at a room's door (A32). */
export const FACILITIES_BARE_ROUTES: RouteObject[] = [...ROOMS_DOOR_ROUTES];
