import type { RouteObject } from 'react-router';
import { CorrectionPage } from './detail-page.tsx';
import { CorrectionsPage } from './list-page.tsx';
import { CorrectionReportPage } from './report-page.tsx';

/** Pages of issue 7: correction of errors (A13), spread into the signed-in routes of web/app/router.tsx. */
export const CORRECTION_ROUTES: RouteObject[] = [
  { path: '/handling/corrections', element: <CorrectionsPage /> },
  // Reached from a record's 「誤りを報告」 (?fileId=&recordId=&purpose=: ids and a code only).
  { path: '/handling/corrections/new', element: <CorrectionReportPage /> },
  { path: '/handling/corrections/:id', element: <CorrectionPage /> },
];
