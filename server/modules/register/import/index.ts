export { createRegisterImport, type RegisterImport } from './register-import.service.ts';
export { registerImportRoutes } from './register-import.routes.ts';
