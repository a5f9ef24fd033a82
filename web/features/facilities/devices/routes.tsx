import type { RouteObject } from 'react-router';
import { BringInsPage } from './bring-in-page.tsx';
import { DevicePage } from './device-page.tsx';
import { DeviceEditPage, DeviceNewPage } from './form-page.tsx';
import { DevicesPage } from './list-page.tsx';

/** Pages of facilities — devices and media (issue 11; A14, A30), under /facilities/devices. */
export const DEVICES_ROUTES: RouteObject[] = [
  { path: '/facilities/devices', element: <DevicesPage /> },
  { path: '/facilities/devices/new', element: <DeviceNewPage /> },
  // A30-2: bringing an outside device in.
  { path: '/facilities/devices/bring-ins', element: <BringInsPage /> },
  { path: '/facilities/devices/:id', element: <DevicePage /> },
  { path: '/facilities/devices/:id/edit', element: <DeviceEditPage /> },
];
