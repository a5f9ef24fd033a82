import type { RouteObject } from 'react-router';
import { DoorPage } from './door/door-page.tsx';
import { InspectionPage } from './inspection-page.tsx';
import { RoomEditPage, RoomNewPage } from './room-form-page.tsx';
import { RoomPage } from './room-page.tsx';
import { RoomsPage } from './rooms-page.tsx';

/** Pages of facilities — server rooms and storage facilities (issue 11; A32, A33), under /facilities/rooms. */
export const ROOMS_ROUTES: RouteObject[] = [
  { path: '/facilities/rooms', element: <RoomsPage /> },
  { path: '/facilities/rooms/new', element: <RoomNewPage /> },
  { path: '/facilities/rooms/:id', element: <RoomPage /> },
  { path: '/facilities/rooms/:id/edit', element: <RoomEditPage /> },
  // A33: an inspection of every safeguard at once.
  { path: '/facilities/rooms/:id/inspection', element: <InspectionPage /> },
];

/** The door's tablet screen (A32-1), /facilities/rooms/:id/door, shown without the navigation. */
export const ROOMS_DOOR_ROUTES: RouteObject[] = [
  { path: '/facilities/rooms/:id/door', element: <DoorPage /> },
];
