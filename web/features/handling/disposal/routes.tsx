import type { RouteObject } from 'react-router';
import { DisposalsPage } from './list-page.tsx';
import { DisposalRequestPage } from './request-page.tsx';

/** Pages of issue 7: disposal (A15), spread into the signed-in routes of web/app/router.tsx. */
export const DISPOSAL_ROUTES: RouteObject[] = [
  // Approved disposals to carry out (with the witness confirmed), and the disposals with certificates.
  { path: '/handling/disposals', element: <DisposalsPage /> },
  // Reached from a vault file (?fileId=), a record (&recordId=) or a medium (?mediumId=).
  { path: '/handling/disposals/new', element: <DisposalRequestPage /> },
];
