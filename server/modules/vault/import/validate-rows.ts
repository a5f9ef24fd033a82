import {
  parseFieldValue,
  type FieldDefinition,
  type FieldValue,
  type ValueCode,
} from '../../../../shared/vault/index.ts';
import { normaliseForIndex } from '../../../platform/crypto/index.ts';
import type { Sheet } from '../../../platform/tabular/index.ts';
import type { ColumnMapping } from './column-mapping.ts';

/**
 * The dry run of a vault import (issue 6): every row of the file read into the values the vault
 * stores, with every problem of every row, so that the person importing can fix the file in one go
 * and the import writes all rows or none. A26: each value is checked as if it were typed into the
 * form, with the same parsers. Errors name the field and a code, never what the cell held, so they
 * can be shown, logged and returned without repeating personal information.
 */

export interface RowError {
  /** The field's key. */
  field: string;
  code: ValueCode;
  /** For duplicate_in_file: the line where the same key was first seen. */
  firstLine?: number;
}

export interface ValidatedRow {
  /** The line in the file as the sheet reader numbers it (header = 1, blank lines count). */
  line: number;
  /** Every field of the schema: its stored value, or null when empty or refused. */
  values: Record<string, FieldValue | null>;
  errors: RowError[];
}

export interface ValidateOptions {
  /** The field that identifies a record (a 学生番号): a value repeated within the file is an error. */
  keyField?: string | null;
  /** More non-blank rows than this and no row is read (tooMany). */
  maxRows: number;
}

export interface ValidatedRows {
  rows: ValidatedRow[];
  /** The file has more than maxRows non-blank rows: `rows` is empty and the import must be refused. */
  tooMany: boolean;
}

const APOSTROPHE = 0x27;
/** What platform/tabular spreadsheetSafe guards with an apostrophe: a cell Excel would run. */
const GUARDED = new Set(['=', '+', '-', '@', '\t', '\r']);

/**
 * The cell as the person wrote it: the apostrophe our own downloads put before a value a spreadsheet
 * would read as a formula (a phone number '+81…') is taken off again, so an export imports back.
 */
const cellText = (raw: string | undefined): string =>
  raw !== undefined && raw.charCodeAt(0) === APOSTROPHE && GUARDED.has(raw.charAt(1))
    ? raw.slice(1)
    : (raw ?? '');

const isBlank = (cells: readonly string[]): boolean => {
  for (const c of cells) if (c !== '' && c.trim() !== '') return false;
  return true;
};

/** A key value as its blind index would see it, so that ０１２３ and 0123 are the same student. */
const keyText = (v: FieldValue): string =>
  normaliseForIndex(typeof v === 'object' ? `${v.postalCode}${v.address}` : String(v));

/**
 * Reads every non-blank row of `sheet` through `mapping` (field key → column; checked beforehand
 * with checkMapping) into the schema's values with their errors: an empty cell is null, or
 * 'required' for a required field, as is a field without a column; a key repeated on a later line
 * is 'duplicate_in_file' on that line. Throws RangeError when keyField is not a field of the schema.
 */
export function validateRows(
  fields: readonly FieldDefinition[],
  sheet: Pick<Sheet, 'records'>,
  mapping: ColumnMapping,
  opts: ValidateOptions,
): ValidatedRows {
  const keyField = opts.keyField ?? null;
  if (keyField !== null && !fields.some((f) => f.key === keyField))
    throw new RangeError('the key field of an import must be a field of the schema');
  // Resolved once, so the loop below does no lookups by name (it runs rows × fields times).
  const count = fields.length;
  const keys = fields.map((f) => f.key);
  const columns = fields.map((f) => mapping[f.key] ?? null);
  const seen = new Map<string, number>();
  const rows: ValidatedRow[] = [];

  for (const { line, cells } of sheet.records) {
    if (isBlank(cells)) continue;
    if (rows.length === opts.maxRows) return { rows: [], tooMany: true };
    const values: Record<string, FieldValue | null> = {};
    const errors: RowError[] = [];
    for (let i = 0; i < count; i += 1) {
      const key = keys[i] as string;
      const column = columns[i] ?? null;
      const read = parseFieldValue(
        fields[i] as FieldDefinition,
        column === null ? '' : cellText(cells[column]),
      );
      if (read.ok) values[key] = read.value;
      else {
        values[key] = null;
        errors.push({ field: key, code: read.code });
      }
    }
    if (keyField !== null) {
      const value = values[keyField];
      if (value !== null && value !== undefined) {
        const k = keyText(value);
        const first = seen.get(k);
        if (first === undefined) seen.set(k, line);
        else errors.push({ field: keyField, code: 'duplicate_in_file', firstLine: first });
      }
    }
    rows.push({ line, values, errors });
  }
  return { rows, tooMany: false };
}
