import type { RouteObject } from 'react-router';
import { ChecksPage } from './checks-page.tsx';
import { VaultFilePage } from './file-page.tsx';
import { VaultFilesPage } from './files-page.tsx';
import { GrantFormPage } from './grant-form-page.tsx';
import { GrantsPage } from './grants-page.tsx';
import { EditRecordPage, NewRecordPage } from './record-form-pages.tsx';
import { VaultRecordPage } from './record-page.tsx';

/**
 * The staff pages of the vault (issue 6), spread into the signed-in routes of web/app/router.tsx.
 * Pages on records carry the chosen purpose in `?purpose=` (A11-3); the menu entry is shown to
 * everyone signed in, as the server decides what each person may open (A11-2).
 */
export const VAULT_ROUTES: RouteObject[] = [
  { path: '/vault', element: <VaultFilesPage /> },
  { path: '/vault/files/:fileId', element: <VaultFilePage /> },
  { path: '/vault/files/:fileId/records/new', element: <NewRecordPage /> },
  { path: '/vault/files/:fileId/records/:recordId', element: <VaultRecordPage /> },
  { path: '/vault/files/:fileId/records/:recordId/edit', element: <EditRecordPage /> },
  // A26: entries of important files waiting for a second person's check.
  { path: '/vault/files/:fileId/checks', element: <ChecksPage /> },
  // A11-1, A11-2: the file's grants, for its 保護管理者 and those who oversee them.
  { path: '/vault/files/:fileId/grants', element: <GrantsPage /> },
  { path: '/vault/files/:fileId/grants/new', element: <GrantFormPage /> },
];
