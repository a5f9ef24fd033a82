/** The vault import (issue 6): column mapping, the dry run of every row, and the import itself. */
export {
  checkMapping,
  columnMapping,
  suggestMapping,
  type ColumnMapping,
  type MappingProblem,
} from './column-mapping.ts';
export {
  validateRows,
  type RowError,
  type ValidatedRow,
  type ValidatedRows,
  type ValidateOptions,
} from './validate-rows.ts';
export { createVaultImport, type VaultImport } from './vault-import.service.ts';
export { vaultImportRoutes } from './vault-import.routes.ts';
