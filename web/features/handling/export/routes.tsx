import type { RouteObject } from 'react-router';
import { ExportFormPage } from './export-form-page.tsx';
import { ExportPage } from './export-page.tsx';
import { ExportsPage } from './exports-page.tsx';

/**
 * Pages of copies (issue 7; A12(1), A24の2), spread into the signed-in routes of web/app/router.tsx.
 * The form is reached from a vault file (/handling/exports/new?fileId=…) or an approved request
 * (?requestId=…); a copy's page shows its password once, right after it is made.
 */
export const EXPORT_ROUTES: RouteObject[] = [
  { path: '/handling/exports', element: <ExportsPage /> },
  { path: '/handling/exports/new', element: <ExportFormPage /> },
  { path: '/handling/exports/:exportId', element: <ExportPage /> },
];
