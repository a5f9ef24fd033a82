import type { RouteObject } from 'react-router';
import { BoardPage } from './board-page.tsx';
import { IncidentPage } from './detail-page.tsx';
import { ReportPage } from './report-page.tsx';
import { SettingsPage } from './settings-page.tsx';

/** Pages of issue 8: incidents (spread into the signed-in routes of web/app/router.tsx). */
export const INCIDENTS_ROUTES: RouteObject[] = [
  // A34-1: anyone reports, from any page (the header's 「事案を報告」).
  { path: '/incidents/report', element: <ReportPage /> },
  // A34: the board of open incidents, nearest deadline first.
  { path: '/incidents', element: <BoardPage /> },
  { path: '/incidents/settings', element: <SettingsPage /> },
  // A34–A35, 法68: one incident along the chain.
  { path: '/incidents/:id', element: <IncidentPage /> },
];
