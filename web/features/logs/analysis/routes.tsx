import type { RouteObject } from 'react-router';
import { AccessQuestionsPage } from './access-page.tsx';
import { AnalysisReportPage } from './report-page.tsx';
import { AnalysisReportsPage } from './reports-page.tsx';

/** The screens of the log analysis (A22-1), for the router's signed-in routes. */
export const logAnalysisRoutes: RouteObject[] = [
  { path: '/logs/analysis', element: <AnalysisReportsPage /> },
  { path: '/logs/analysis/access', element: <AccessQuestionsPage /> },
  { path: '/logs/analysis/:id', element: <AnalysisReportPage /> },
];

export { useLogAnalysisLinks } from './links.ts';
