import type { RouteObject } from 'react-router';
import { EvaluationPage } from './evaluation-page.tsx';
import { EvaluationsPage } from './evaluations-page.tsx';
import { InspectionNewPage } from './inspection-new-page.tsx';
import { InspectionPage } from './inspection-page.tsx';
import { InspectionsPage } from './inspections-page.tsx';

/**
 * Pages of issue 10 — inspections by 保護管理者 (A37) and the yearly evaluation and revision (A38)
 * (spread by ../routes.tsx into the signed-in routes of web/app/router.tsx).
 */
export const REVIEWS_ROUTES: RouteObject[] = [
  // A37: the schedule per section, the record of inspections, one inspection and its report.
  { path: '/oversight/inspections', element: <InspectionsPage /> },
  { path: '/oversight/inspections/new', element: <InspectionNewPage /> },
  { path: '/oversight/inspections/:id', element: <InspectionPage /> },
  // A38: the fiscal year's evaluation from audits and inspections, and the actions decided.
  { path: '/oversight/evaluations', element: <EvaluationsPage /> },
  { path: '/oversight/evaluations/:id', element: <EvaluationPage /> },
];
