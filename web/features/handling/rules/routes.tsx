import type { RouteObject } from 'react-router';
import { RulesPage } from './rules-page.tsx';

/** Pages of issue 7: rules (spread into the signed-in routes of web/app/router.tsx). */
export const HANDLINGRULES_ROUTES: RouteObject[] = [
  // A12 「その内容に応じて」: which acts on a file need approval, set by the 総括保護管理者.
  { path: '/handling/files/:fileId/rules', element: <RulesPage /> },
];
