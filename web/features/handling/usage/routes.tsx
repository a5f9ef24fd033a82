import type { RouteObject } from 'react-router';
import { UsageLedgerPage } from './ledger-page.tsx';

/** Pages of issue 7: the usage ledger of a file (A16), spread into the signed-in routes of web/app/router.tsx. */
export const USAGE_ROUTES: RouteObject[] = [
  { path: '/handling/files/:fileId/ledger', element: <UsageLedgerPage /> },
];
