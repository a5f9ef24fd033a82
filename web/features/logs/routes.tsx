import type { RouteObject } from 'react-router';
import { useCan } from '../../app/ability.ts';
import { logAnalysisRoutes } from './analysis/routes.tsx';
import { LogEntryPage } from './entry-page.tsx';
import { LogExplorerPage } from './explorer-page.tsx';
import { LogStatusPage } from './status-page.tsx';

/** The pages of the 「アクセス記録」 section (A22), spread into the signed-in routes of web/app/router.tsx. */
export const LOG_ROUTES: RouteObject[] = [
  { path: '/logs', element: <LogExplorerPage /> },
  { path: '/logs/entries/:id', element: <LogEntryPage /> },
  { path: '/logs/status', element: <LogStatusPage /> },
  // The analysis pages (A22-1), built in web/features/logs/analysis.
  ...logAnalysisRoutes,
];

/** Where the main menu's 「アクセス記録」 leads: the explorer, or the state of the log; null to hide it. */
export function useLogMenuLink(): string | null {
  const can = useCan();
  if (can('read', 'LogEntry')) return '/logs';
  if (can('read', 'LogStatus')) return '/logs/status';
  if (can('read', 'LogAnalysisReport')) return '/logs/analysis';
  if (can('query', 'AccessLog')) return '/logs/analysis/access';
  return null;
}
