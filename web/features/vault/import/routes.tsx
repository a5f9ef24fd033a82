import type { RouteObject } from 'react-router';
import { VaultImportPage } from './import-page.tsx';

/** The vault import screen (issue 6): `/vault/files/:fileId/import?purpose=` (A11-3, A26). */
export const VAULT_IMPORT_ROUTES: RouteObject[] = [
  { path: '/vault/files/:fileId/import', element: <VaultImportPage /> },
];
