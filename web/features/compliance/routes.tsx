import type { RouteObject } from 'react-router';
import { CellPage } from './cell-page.tsx';
import { OverviewPage } from './overview-page.tsx';

/** Pages of issue 10 — The compliance overview: units x articles, drill-down, trend. (spread into the signed-in routes of web/app/router.tsx). */
export const COMPLIANCE_ROUTES: RouteObject[] = [
  { path: '/compliance', element: <OverviewPage /> },
  // The drill-down: the gaps behind one cell, each with the page of its records.
  { path: '/compliance/cell', element: <CellPage /> },
];
