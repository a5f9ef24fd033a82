import type { RouteObject } from 'react-router';
import { CommitteePage } from './committee-page.tsx';
import { GuidanceListPage, GuidancePage } from './guidance-pages.tsx';
import { HistoricalPage } from './historical-page.tsx';
import { OversightHubPage } from './hub-page.tsx';
import { LocalRulePage, LocalRulesPage } from './local-rules-pages.tsx';
import { MeetingNewPage } from './meeting-new-page.tsx';
import { MeetingPage } from './meeting-page.tsx';
import { REVIEWS_ROUTES } from './reviews/routes.tsx';

/**
 * Pages of issue 10 — oversight: the hub, the committee (A9), guidance from ministries (A39), local
 * rules (A40), historical materials (A41); inspections and evaluation (A37, A38) in ./reviews
 * (spread into the signed-in routes of web/app/router.tsx).
 */
export const OVERSIGHT_ROUTES: RouteObject[] = [
  { path: '/oversight', element: <OversightHubPage /> },
  // A9: 情報公開・個人情報保護委員会 — members, meetings, agenda, decisions, minutes.
  { path: '/oversight/committee', element: <CommitteePage /> },
  { path: '/oversight/committee/meetings/new', element: <MeetingNewPage /> },
  { path: '/oversight/committee/meetings/:id', element: <MeetingPage /> },
  // A39: guidance from ministries.
  { path: '/oversight/guidance', element: <GuidanceListPage /> },
  { path: '/oversight/guidance/:id', element: <GuidancePage /> },
  // A40: supplementary rules of the organisation (A40-1) and of each unit (A40-2).
  { path: '/oversight/local-rules', element: <LocalRulesPage /> },
  { path: '/oversight/local-rules/:id', element: <LocalRulePage /> },
  // A41: register files marked as historical material.
  { path: '/oversight/historical', element: <HistoricalPage /> },
  ...REVIEWS_ROUTES,
];
