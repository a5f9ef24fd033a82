import type { RouteObject } from 'react-router';
import { RequestsBoardPage } from './board/board-page.tsx';
import { RequestDecisionPage } from './decision/decision-page.tsx';
import { RequestOverviewPage } from './detail/overview-page.tsx';
import { RequestHistoryPage } from './history/history-page.tsx';
import { RequestIntakePage } from './intake/intake-page.tsx';
import { RequestRemediesPage } from './remedies/remedies-page.tsx';
import { RequestSearchPage } from './search/search-page.tsx';

/**
 * Pages of issue 12 — individuals' requests (spread into the signed-in routes of web/app/router.tsx):
 * the board by nearest deadline, intake, and each request's tabs (overview and periods, finding the
 * person's records, the decision, the access history, correction and suspension).
 */
export const REQUESTS_ROUTES: RouteObject[] = [
  { path: '/requests', element: <RequestsBoardPage /> },
  { path: '/requests/new', element: <RequestIntakePage /> },
  { path: '/requests/:id', element: <RequestOverviewPage /> },
  { path: '/requests/:id/search', element: <RequestSearchPage /> },
  { path: '/requests/:id/decision', element: <RequestDecisionPage /> },
  { path: '/requests/:id/history', element: <RequestHistoryPage /> },
  { path: '/requests/:id/remedies', element: <RequestRemediesPage /> },
];
