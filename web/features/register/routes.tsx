import type { RouteObject } from 'react-router';
import { useCan } from '../../app/ability.ts';
import { EditFilePage, NewFilePage } from './file-form-pages.tsx';
import { FilePage } from './file-page.tsx';
import { RegisterFilesPage } from './files-page.tsx';
import { RegisterImportPage } from './import-page.tsx';
import { RegisterInboxPage } from './inbox-page.tsx';

/**
 * The staff pages of the register of personal information files (A20), spread into the signed-in
 * routes of web/app/router.tsx. The public register (/register) is served by the server as HTML.
 */
export const REGISTER_ROUTES: RouteObject[] = [
  { path: '/register-admin', element: <RegisterFilesPage /> },
  { path: '/register-admin/inbox', element: <RegisterInboxPage /> },
  { path: '/register-admin/files/new', element: <NewFilePage /> },
  { path: '/register-admin/files/:id', element: <FilePage /> },
  { path: '/register-admin/files/:id/edit', element: <EditFilePage /> },
  // Import of an existing register: drafts for the sections, or registered entries for the 総括管理者.
  { path: '/register-admin/import', element: <RegisterImportPage /> },
];

/** Whether the main menu shows 「個人情報ファイル簿」: for those who may read some file of the register. */
export function useRegisterMenu(): boolean {
  return useCan()('read', 'RegisterFile');
}
