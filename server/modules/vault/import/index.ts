/** The pure half of a vault import (issue 6): column mapping and the dry run of every row. */
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
