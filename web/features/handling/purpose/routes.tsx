import type { RouteObject } from 'react-router';
import { OutOfPurposePage } from './detail-page.tsx';
import { OutOfPurposeListPage } from './list-page.tsx';
import { OutOfPurposeRequestPage } from './request-page.tsx';
import { RestrictionPage } from './restriction-page.tsx';

/**
 * Pages of issue 7: use and provision outside the purpose (A17-2..4, A17の2), spread into the
 * signed-in routes of web/app/router.tsx. The request is decided on the approval page (/approvals/:id).
 */
export const PURPOSE_ROUTES: RouteObject[] = [
  { path: '/handling/out-of-purpose', element: <OutOfPurposeListPage /> },
  { path: '/handling/out-of-purpose/new', element: <OutOfPurposeRequestPage /> },
  { path: '/handling/out-of-purpose/restriction', element: <RestrictionPage /> },
  { path: '/handling/out-of-purpose/:id', element: <OutOfPurposePage /> },
];
