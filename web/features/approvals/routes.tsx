import type { RouteObject } from 'react-router';
import { DeputiesPage } from './deputies-page.tsx';
import { ApprovalsPage } from './list-page.tsx';
import { NotificationsPage } from './notifications-page.tsx';
import { ApprovalPage } from './request-page.tsx';

/**
 * Pages of the approval engine (issue 7, ADR 0008), spread into the signed-in routes of
 * web/app/router.tsx: the boxes, one request with its decision, deputies, and the notifications.
 * Everyone signed in has them: what each person sees is the server's answer.
 */
export const APPROVALS_ROUTES: RouteObject[] = [
  { path: '/approvals', element: <ApprovalsPage /> },
  { path: '/approvals/deputies', element: <DeputiesPage /> },
  { path: '/approvals/:id', element: <ApprovalPage /> },
  { path: '/notifications', element: <NotificationsPage /> },
];
