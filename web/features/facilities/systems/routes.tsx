import type { RouteObject } from 'react-router';
import { SystemEditPage, SystemNewPage } from './form-page.tsx';
import { SystemsPage } from './list-page.tsx';
import { SystemPage } from './system-page.tsx';

/** Pages of facilities — information systems (issue 11; A23, A24, A28), under /facilities/systems. */
export const SYSTEMS_ROUTES: RouteObject[] = [
  { path: '/facilities/systems', element: <SystemsPage /> },
  { path: '/facilities/systems/new', element: <SystemNewPage /> },
  { path: '/facilities/systems/:id', element: <SystemPage /> },
  { path: '/facilities/systems/:id/edit', element: <SystemEditPage /> },
];
