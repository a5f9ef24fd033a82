import { z } from 'zod';
import { MAPPING_CODES, MAPPING_MESSAGES, VALUE_CODES, VALUE_MESSAGES } from '../vault/index.ts';
import { FIELD_TYPES, SENSITIVITY_LEVELS } from '../vault/field-types.ts';

/**
 * Shapes of the vault import (issue 6): a CSV or Excel file of records, its columns mapped to the
 * file's fields, a dry run that names every problem of every row (by line, field and code, never
 * by value), then an import of all rows or none, followed by its progress. A26: each value is
 * checked as if it were typed into the form.
 */

/** The most rows one import may hold. */
export const VAULT_IMPORT_MAX_ROWS = 200_000;
/** The rows with problems a preview or a refusal lists (the counts cover all of them). */
export const VAULT_IMPORT_LISTED_ROWS = 1_000;

/**
 * Why a row cannot be imported: a value's code (VALUE_CODES: wrong value, duplicate within the file
 * or with an existing record), or `outside_scope` (the record would lie outside the importer's
 * record scope, A11-1).
 */
export const IMPORT_ROW_CODES = [...VALUE_CODES, 'outside_scope'] as const;
export type ImportRowCode = (typeof IMPORT_ROW_CODES)[number];

export const IMPORT_ROW_MESSAGES: Record<ImportRowCode, { ja: string; en: string }> = {
  ...VALUE_MESSAGES,
  outside_scope: {
    ja: 'この記録は付与された権限の範囲（対象とする記録）の外になります（第11条第1項）。',
    en: 'This record would lie outside the records your grant reaches (A11-1).',
  },
};

/** Why a field cannot take a column for this person: outside their grant, or a My Number (A7の2). */
export const FIELD_REFUSALS = ['not_granted', 'my_number'] as const;

/** The mapping as the browser sends it: field key → 0-based column, or null for a field left empty. */
export const columnMappingInput = z.record(z.string(), z.number().int().min(0).nullable());

export const importRowError = z.object({
  field: z.string(),
  code: z.enum(IMPORT_ROW_CODES),
  /** duplicate_in_file: the line where the same key was first seen. */
  firstLine: z.number().int().optional(),
});
export type ImportRowError = z.infer<typeof importRowError>;

export const importRowView = z.object({
  /** The line as the spreadsheet numbers it: the header is 1 (blank lines count). */
  line: z.number().int(),
  errors: z.array(importRowError),
});
export type ImportRowView = z.infer<typeof importRowView>;

export const importFieldView = z.object({
  key: z.string(),
  label: z.string(),
  type: z.enum(FIELD_TYPES),
  sensitivity: z.enum(SENSITIVITY_LEVELS),
  required: z.boolean(),
  /** Null when the importer may fill it; otherwise why not (no column may be chosen for it). */
  refused: z.enum(FIELD_REFUSALS).nullable(),
});
export type ImportFieldView = z.infer<typeof importFieldView>;

export const mappingProblemView = z.object({
  code: z.enum(MAPPING_CODES),
  field: z.string(),
  column: z.number().int().optional(),
});

export const vaultImportPreviewView = z.object({
  fileId: z.uuid(),
  format: z.enum(['utf-8', 'utf-8-bom', 'cp932', 'xlsx']),
  /** The file's first row, as written. */
  headings: z.array(z.string()),
  fields: z.array(importFieldView),
  /** The mapping used: the one sent, or the one the headings suggest. */
  mapping: columnMappingInput,
  /** Problems of the mapping; when there are any, the rows are not checked (rows empty). */
  mappingProblems: z.array(mappingProblemView),
  /** The field that identifies a record (学生番号), checked for duplicates. */
  keyField: z.string().nullable(),
  /** A26: imported records wait for a second person's check before they take effect. */
  important: z.boolean(),
  /** Non-blank rows of the file. */
  total: z.number().int(),
  valid: z.number().int(),
  invalid: z.number().int(),
  /** The rows with problems, in file order, at most VAULT_IMPORT_LISTED_ROWS of them. */
  rows: z.array(importRowView),
  /** SHA-256 of the file, the mapping and the schema version: the import sends it back. */
  digest: z.string(),
});
export type VaultImportPreviewView = z.infer<typeof vaultImportPreviewView>;

export const VAULT_IMPORT_STATUSES = ['running', 'done', 'failed'] as const;
export type VaultImportStatus = (typeof VAULT_IMPORT_STATUSES)[number];

export const vaultImportStartedView = z.object({ importId: z.uuid() });

export const vaultImportProgressView = z.object({
  importId: z.uuid(),
  fileId: z.uuid(),
  status: z.enum(VAULT_IMPORT_STATUSES),
  /** Records to import. */
  total: z.number().int(),
  /** Records sealed (encrypted and indexed), then written, as one measure of 0…total. */
  done: z.number().int(),
  /** Records written once the import is done (all of them), else 0. */
  imported: z.number().int(),
  /** Records that await a second person's check (important files, A26). */
  pending: z.boolean(),
  /** Why the import failed (an error code; everything it had written was undone). */
  error: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type VaultImportProgressView = z.infer<typeof vaultImportProgressView>;

/** The message of a row's problem in the language asked for. */
export const rowMessage = (code: ImportRowCode, locale: 'ja' | 'en'): string =>
  IMPORT_ROW_MESSAGES[code][locale];

export { MAPPING_MESSAGES };
