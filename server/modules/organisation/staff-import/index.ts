export { createStaffImport, type StaffImport } from './staff-import.service.ts';
export { staffImportRoutes } from './staff-import.routes.ts';
