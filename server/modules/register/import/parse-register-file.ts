import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { entryFields, type EntryFields, type EntryFieldsInput } from '../../../../shared/api/register.ts';
import {
  REGISTER_IMPORT_EXTRA_COLUMNS,
  REGISTER_IMPORT_MAX_ROWS,
} from '../../../../shared/api/register-import.ts';
import { AGENCY_NAME, PUBLISHED_FIELDS, type PublishedFieldKey } from '../../../../shared/register-fields.ts';
import { AppError, isAppError, type ErrorDetail } from '../../../platform/errors.ts';
import { csvUtf8, readSheet, type ImportFormat } from '../../../platform/tabular/index.ts';
import { checkFields } from '../register.rules.ts';
import { rowError, type RowError, type RowErrorCode } from './row-errors.ts';
import {
  IMPORTANCE_WORDS,
  SENSITIVITY_WORDS,
  cellValue,
  parseBoolean,
  parseExemption,
  parseKind,
  splitItems,
  wordKey,
} from './cell-values.ts';

/**
 * The pure half of importing an existing register (A20-1, A20-2): the bytes of a CSV (UTF-8 with or
 * without BOM, or Shift_JIS/CP932) or Excel (.xlsx, first sheet) file → rows of entries, each checked
 * with the rules of the form (entryFields, checkFields). Values are read back from the way the public
 * register writes them (public/public-html.ts fieldText), so the register's own download imports.
 * Units and sections are resolved, and permissions checked, by the service. Errors name columns,
 * never values.
 */

type ExtraKey = (typeof REGISTER_IMPORT_EXTRA_COLUMNS)[number]['key'];
export type ColumnKey = PublishedFieldKey | ExtraKey;

/** Japanese heading of each column: the template's, and the `column` of row errors. */
export const COLUMN_JA = Object.fromEntries(
  [...PUBLISHED_FIELDS, ...REGISTER_IMPORT_EXTRA_COLUMNS].map((c) => [c.key, c.ja]),
) as Record<ColumnKey, string>;

/** Template order: where the file is held, the 19 published fields, then the internal ones. */
export const TEMPLATE_COLUMNS: ColumnKey[] = [
  'unit',
  'section',
  ...PUBLISHED_FIELDS.map((f) => f.key),
  ...REGISTER_IMPORT_EXTRA_COLUMNS.map((c) => c.key).filter((k) => k !== 'unit' && k !== 'section'),
];

/** Columns without which no row can be read; 課等 may be left out when 組織の名称 names the section. */
const REQUIRED_COLUMNS: ColumnKey[] = [
  'unit',
  'name',
  'department',
  'purpose',
  'recordItems',
  'recordRange',
  'collectionMethod',
  'sensitive',
  'requestOffice',
  'kind',
];

export interface ParsedRegisterRow {
  /** The row as the spreadsheet numbers it (header = 1; blank lines count). */
  line: number;
  /** 学校等 and 課等 as written ('' when absent). */
  unit: string;
  section: string;
  /** The name as written (for the preview and duplicate checks). */
  name: string;
  /** 組織の名称 as written: names the section when 課等 is not given. */
  department: string;
  /** The checked entry; null when any value is wrong (then `errors` says which). */
  fields: EntryFields | null;
  errors: RowError[];
}

export interface ParsedRegisterFile {
  format: ImportFormat;
  /** SHA-256 (hex) of the bytes, tying a preview to the import of the same file. */
  digest: string;
  rows: ParsedRegisterRow[];
  /** Headings not read (ID and 最終更新日 of the public download, or anything unknown). */
  ignoredColumns: string[];
}

// ───────────────────────────── headings ─────────────────────────────

/** Full-width → half-width (NFKC), no whitespace, lower case: '保存期間 ( 年 )' matches '保存期間（年）'. */
const headingKey = (h: string): string => h.normalize('NFKC').replace(/\s+/gu, '').toLowerCase();

const HEADINGS = new Map<string, ColumnKey>();
for (const c of [...PUBLISHED_FIELDS, ...REGISTER_IMPORT_EXTRA_COLUMNS]) {
  for (const h of [c.ja, c.en, c.key]) HEADINGS.set(headingKey(h), c.key);
}
for (const [alias, key] of [
  ['学校等名', 'unit'],
  ['学校等コード', 'unit'],
  ['学校名', 'unit'],
  ['unit_code', 'unit'],
  ['課等名', 'section'],
  ['担当課等', 'section'],
  ['課・係', 'section'],
  ['section_name', 'section'],
  ['名称', 'name'],
  ['ファイル名', 'name'],
  ['公表の区分', 'exemption'],
  ['公表区分', 'exemption'],
  ['公表しない根拠', 'exemption'],
  ['公表しない理由', 'exemptionNote'],
  ['exemption_note', 'exemptionNote'],
  ['特定個人情報ファイル', 'myNumber'],
  ['my_number', 'myNumber'],
  ['歴史公文書', 'historical'],
  ['保存期間', 'retentionYears'],
  ['保存年数', 'retentionYears'],
  ['retention_years', 'retentionYears'],
  ['retention_basis', 'retentionBasis'],
  ['連携先システム', 'linkedSystems'],
  ['linked_systems', 'linkedSystems'],
] as const) {
  HEADINGS.set(headingKey(alias), key);
}

function mapHeadings(headings: string[]): { index: Map<ColumnKey, number>; ignored: string[] } {
  const index = new Map<ColumnKey, number>();
  const ignored: string[] = [];
  const duplicated: ErrorDetail[] = [];
  headings.forEach((h, i) => {
    const key = HEADINGS.get(headingKey(h));
    if (!key) {
      if (h.trim() !== '') ignored.push(h.trim());
      return;
    }
    if (index.has(key)) duplicated.push({ code: 'duplicate_column', path: COLUMN_JA[key] });
    else index.set(key, i);
  });
  const missing = REQUIRED_COLUMNS.filter((k) => !index.has(k));
  if (missing.length > 0)
    throw new AppError('register.import_missing_columns', {
      details: missing.map((k) => ({ code: 'missing_column', path: COLUMN_JA[k] })),
    });
  if (duplicated.length > 0) throw new AppError('register.import_invalid_file', { details: duplicated });
  return { index, ignored };
}

// ───────────────────────────── values ─────────────────────────────

type Cells = Partial<Record<ColumnKey, string>>;

/** The zod issue of one field as a row error of its column (too short = required, too long, invalid). */
function issueError(issue: z.core.$ZodIssue): RowError {
  const key = String(issue.path[0] ?? '') as ColumnKey;
  const column = COLUMN_JA[key] ?? '';
  const isList = key === 'recordItems' || key === 'linkedSystems';
  if (issue.code === 'too_small' && key !== 'retentionYears') return rowError(column, 'required');
  if (issue.code === 'too_big' && key !== 'retentionYears') {
    const max = Number(issue.maximum);
    return isList && issue.path.length === 1
      ? rowError(column, 'too_many_items', max)
      : rowError(column, 'too_long', max);
  }
  return rowError(column, 'invalid_value');
}

/** Reads and checks one row against the rules of the form (entryFields, then checkFields). */
export function readRow(cells: Cells, line: number): ParsedRegisterRow {
  const errors: RowError[] = [];
  const bad = new Set<ColumnKey>();
  const text = (k: ColumnKey) => cells[k] ?? '';
  const read = <T>(k: ColumnKey, parser: (s: string) => T | undefined): T | undefined => {
    const v = parser(text(k));
    if (v === undefined) {
      bad.add(k);
      errors.push(rowError(COLUMN_JA[k], text(k) === '' ? 'required' : 'invalid_value'));
    }
    return v;
  };

  const agency = text('agencyName');
  if (agency !== '' && wordKey(agency) !== wordKey(AGENCY_NAME))
    errors.push(rowError(COLUMN_JA.agencyName, 'agency_mismatch'));

  const years = (s: string): number | null | undefined => {
    const k = s.normalize('NFKC').replace(/\s|年/gu, '');
    if (k === '') return null;
    return /^[0-9]+$/.test(k) ? Number(k) : undefined;
  };

  const input: Record<keyof EntryFieldsInput, unknown> = {
    name: text('name'),
    department: text('department'),
    purpose: text('purpose'),
    recordItems: splitItems(text('recordItems')),
    recordRange: text('recordRange'),
    collectionMethod: text('collectionMethod'),
    sensitive: read('sensitive', parseBoolean),
    regularRecipients: text('regularRecipients'),
    requestOffice: text('requestOffice'),
    specialProcedures: text('specialProcedures'),
    kind: read('kind', parseKind),
    rei20Para7: read('rei20Para7', parseBoolean),
    anonProposalsInvited: read('anonProposalsInvited', parseBoolean),
    anonProposalOffice: text('anonProposalOffice'),
    anonInfoSummary: text('anonInfoSummary'),
    anonInfoOffice: text('anonInfoOffice'),
    anonInfoPeriod: text('anonInfoPeriod'),
    remarks: text('remarks'),
    sensitivity: read('sensitivity', (s) => SENSITIVITY_WORDS.get(wordKey(s))),
    importance: read('importance', (s) => IMPORTANCE_WORDS.get(wordKey(s))),
    myNumber: read('myNumber', parseBoolean),
    exemption: read('exemption', parseExemption),
    exemptionNote: text('exemptionNote'),
    historical: read('historical', parseBoolean),
    retentionBasis: text('retentionBasis'),
    retentionYears: read('retentionYears', years),
    linkedSystems: splitItems(text('linkedSystems')),
  };

  let fields: EntryFields | null = null;
  const parsed = entryFields.safeParse(input);
  if (!parsed.success) {
    // A value already reported as unreadable is not reported again by the schema.
    for (const issue of parsed.error.issues)
      if (!bad.has(String(issue.path[0]) as ColumnKey)) errors.push(issueError(issue));
  } else if (errors.length === 0) {
    try {
      fields = checkFields(parsed.data);
    } catch (e) {
      if (!isAppError(e)) throw e;
      const code: RowErrorCode =
        e.code === 'register.exemption_ground_missing' ? 'exemption_ground_missing' : 'anon_office_missing';
      const column =
        code === 'exemption_ground_missing' ? COLUMN_JA.exemptionNote : COLUMN_JA.anonProposalOffice;
      errors.push(rowError(column, code));
    }
  }
  return {
    line,
    unit: text('unit'),
    section: text('section'),
    name: text('name'),
    department: text('department'),
    fields,
    errors,
  };
}

// ───────────────────────────── files ─────────────────────────────

/** SHA-256 (hex) of a file's bytes: what a preview hands back and the import must match. */
export const digestOf = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Reads a register file: CSV or Excel by its content (an .xlsx is a ZIP archive), not by its name. */
export async function parseRegisterFile(bytes: Uint8Array): Promise<ParsedRegisterFile> {
  const digest = digestOf(bytes);
  const sheet = await readSheet(bytes, { invalidFile: 'register.import_invalid_file' });
  const headings = sheet.headings.map((h) => h.trim());
  const { index, ignored } = mapHeadings(headings);

  const data = sheet.records.filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (data.length > REGISTER_IMPORT_MAX_ROWS) throw new AppError('register.import_too_many_rows');

  const rows = data.map(({ line, cells }) => {
    const values: Cells = {};
    for (const [key, i] of index) values[key] = cellValue(cells[i] ?? '');
    const row = readRow(values, line);
    // A value under no heading belongs to no field: refused rather than silently dropped.
    if (cells.some((c, i) => c.trim() !== '' && (headings[i] ?? '') === ''))
      row.errors.push(rowError('', 'extra_cells'));
    return row;
  });
  return { format: sheet.format, digest, rows, ignoredColumns: ignored };
}

// ───────────────────────────── template ─────────────────────────────

/** A fictional entry for the template (the 学籍ファイル of a college, as in the demo). */
const EXAMPLE: Record<ColumnKey, string> = {
  unit: '東京',
  section: '教務係',
  name: '学籍ファイル',
  agencyName: AGENCY_NAME,
  department: '東京工業高等専門学校 学生課教務係',
  purpose: '学生の入学、在学、休学、退学、卒業等の学籍に関する事務に利用する。',
  recordItems: '1 学生番号\n2 氏名\n3 生年月日\n4 現住所',
  recordRange: '在籍する（した）本科学生',
  collectionMethod: '本人・保証人の届出',
  sensitive: '－',
  regularRecipients: '－',
  requestOffice: '独立行政法人国立高等専門学校機構 本部事務局総務課（東京都八王子市東浅川町701-2）',
  specialProcedures: '－',
  kind: '法第60条第2項第1号（電算処理ファイル）',
  rei20Para7: '無',
  anonProposalsInvited: '非該当',
  anonProposalOffice: '－',
  anonInfoSummary: '－',
  anonInfoOffice: '－',
  anonInfoPeriod: '－',
  remarks: '－',
  exemption: '公表する',
  exemptionNote: '',
  sensitivity: '要配慮',
  importance: '高',
  myNumber: '無',
  historical: '非該当',
  retentionBasis: '法人文書管理規則',
  retentionYears: '30',
  linkedSystems: '教務システム',
};

/** The downloadable template: UTF-8 with BOM (Excel reads it as Japanese), the headings and one example. */
export function registerImportTemplate(): Buffer {
  return csvUtf8({
    header: TEMPLATE_COLUMNS.map((k) => COLUMN_JA[k]),
    rows: [TEMPLATE_COLUMNS.map((k) => EXAMPLE[k])],
  });
}
