import type { RouteObject } from 'react-router';
import { AuditPage } from './audit-page.tsx';
import { FindingPage } from './finding-page.tsx';
import { ListPage } from './list-page.tsx';
import { EditPlanPage, NewPlanPage } from './plan-page.tsx';

/** Pages of issue 10 — Audits (A36): plans, checklists, evidence, findings, reports. (spread into the signed-in routes of web/app/router.tsx). */
export const AUDITS_ROUTES: RouteObject[] = [
  { path: '/audits', element: <ListPage /> },
  // A36: the 監査責任者 plans (and, while planned, changes) an audit.
  { path: '/audits/new', element: <NewPlanPage /> },
  { path: '/audits/:id/edit', element: <EditPlanPage /> },
  // The audit from plan to report: checklist, evidence, findings, deliveries.
  { path: '/audits/:id', element: <AuditPage /> },
  // A corrective action, for its owner.
  { path: '/audits/:id/findings/:findingId', element: <FindingPage /> },
];
