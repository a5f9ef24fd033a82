import type { RouteObject } from 'react-router';
import { MediaPage } from './media-page.tsx';
import { MovementFormPage } from './movement-form-page.tsx';
import { MovementsPage } from './movements-page.tsx';

/** Pages of issue 7: movements (spread into the signed-in routes of web/app/router.tsx). */
export const MOVEMENTS_ROUTES: RouteObject[] = [
  // A14: the register of media, with their storage places.
  { path: '/handling/media', element: <MediaPage /> },
  // A12(2), A12(3): transmissions, media sent or taken out and returned; overdue returns flagged.
  { path: '/handling/movements', element: <MovementsPage /> },
  { path: '/handling/movements/new', element: <MovementFormPage /> },
];
