import { createHash } from 'node:crypto';
import { normaliseKana } from '../../../../shared/kana.ts';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { PERSON_KINDS, type PersonKind } from '../../../../shared/roles.ts';
import { AppError, type ErrorDetail } from '../../../platform/errors.ts';
import { decodeCsv, type CsvEncoding } from '../../../platform/tabular/index.ts';

/**
 * The pure half of staff import (A3): bytes of a CSV file → decoded, parsed and validated rows.
 * Nothing here touches the database; unit codes and section names are resolved by the service.
 * Error messages name columns only, never the values in them (they are personal data).
 */

/** Fields of one staff row, in template column order. */
export const STAFF_CSV_FIELDS = [
  'employeeNumber',
  'familyName',
  'givenName',
  'familyNameKana',
  'givenNameKana',
  'email',
  'kind',
  'title',
  'unitCode',
  'sectionName',
] as const;
export type StaffCsvField = (typeof STAFF_CSV_FIELDS)[number];

/** The Japanese column names, as in the template; also the `column` of each row error. */
export const STAFF_CSV_LABELS_JA: Record<StaffCsvField, string> = {
  employeeNumber: '職員番号',
  familyName: '姓',
  givenName: '名',
  familyNameKana: '姓（カナ）',
  givenNameKana: '名（カナ）',
  email: 'メールアドレス',
  kind: '区分',
  title: '職名',
  unitCode: '学校等コード',
  sectionName: '課等',
};

export const STAFF_CSV_HEADER_JA: string[] = STAFF_CSV_FIELDS.map((f) => STAFF_CSV_LABELS_JA[f]);

/** English header names accepted as well as the Japanese ones. */
export const STAFF_CSV_HEADER_EN: Record<StaffCsvField, string> = {
  employeeNumber: 'employee_number',
  familyName: 'family_name',
  givenName: 'given_name',
  familyNameKana: 'family_name_kana',
  givenNameKana: 'given_name_kana',
  email: 'email',
  kind: 'kind',
  title: 'title',
  unitCode: 'unit_code',
  sectionName: 'section',
};

const REQUIRED_FIELDS: readonly StaffCsvField[] = [
  'employeeNumber',
  'familyName',
  'givenName',
  'familyNameKana',
  'givenNameKana',
  'kind',
  'unitCode',
];

/** Maximum lengths (UTF-16 code units, as zod counts): personInput, and the units/sections columns. */
const MAX_LENGTH: Partial<Record<StaffCsvField, number>> = {
  employeeNumber: 32,
  familyName: 100,
  givenName: 100,
  familyNameKana: 100,
  givenNameKana: 100,
  email: 254,
  title: 100,
  unitCode: 32,
  sectionName: 200,
};

export const STAFF_CSV_MAX_ROWS = 20_000;

const KIND_BY_LABEL: Record<string, PersonKind> = {
  役員: 'officer',
  教職員: 'staff',
  派遣労働者: 'dispatched',
};

export interface StaffRowValues {
  employeeNumber: string;
  familyName: string;
  givenName: string;
  /** Normalised to full-width katakana. */
  familyNameKana: string;
  givenNameKana: string;
  email: string | null;
  /** null when the cell is empty or not one of the accepted values (the row then has an error). */
  kind: PersonKind | null;
  title: string | null;
  unitCode: string;
  sectionName: string | null;
}

export interface StaffRowError {
  /** The Japanese column name (STAFF_CSV_LABELS_JA). */
  column: string;
  code:
    | 'required'
    | 'invalid_kana'
    | 'invalid_email'
    | 'invalid_kind'
    | 'invalid_employee_number'
    | 'too_long'
    | 'duplicate_in_file';
  message: string;
}

export interface ParsedStaffRow {
  /** Row number as Excel shows it: the header is row 1, the first data row is 2 (blank lines count). */
  row: number;
  /** The cells as read, keyed by the header text of the file. */
  raw: Record<string, string>;
  values: StaffRowValues;
  errors: StaffRowError[];
}

export interface ParsedStaffCsv {
  encoding: CsvEncoding;
  rows: ParsedStaffRow[];
  /** SHA-256 (hex) of the file bytes, to tie a preview to the later import. */
  digest: string;
}

// ───────────────────────────── decoding ─────────────────────────────

// ───────────────────────────── headers ─────────────────────────────

/** Full-width → half-width (NFKC), no whitespace at all, lower case: so '姓 ( カナ )' matches '姓（カナ）'. */
const headerKey = (h: string): string => h.normalize('NFKC').replace(/\s+/gu, '').toLowerCase();

const HEADER_ALIASES = new Map<string, StaffCsvField>();
for (const field of STAFF_CSV_FIELDS) {
  HEADER_ALIASES.set(headerKey(STAFF_CSV_LABELS_JA[field]), field);
  HEADER_ALIASES.set(headerKey(STAFF_CSV_HEADER_EN[field]), field);
}
for (const [alias, field] of [
  ['姓カナ', 'familyNameKana'],
  ['名カナ', 'givenNameKana'],
  ['セイ', 'familyNameKana'],
  ['メイ', 'givenNameKana'],
  ['姓(フリガナ)', 'familyNameKana'],
  ['名(フリガナ)', 'givenNameKana'],
  ['メール', 'email'],
  ['section_name', 'sectionName'],
] as const) {
  HEADER_ALIASES.set(headerKey(alias), field);
}

function mapHeader(header: string[]): Map<StaffCsvField, number> {
  const index = new Map<StaffCsvField, number>();
  const duplicated: ErrorDetail[] = [];
  header.forEach((h, i) => {
    const field = HEADER_ALIASES.get(headerKey(h));
    if (!field) return;
    if (index.has(field)) duplicated.push({ code: 'duplicate_column', path: STAFF_CSV_LABELS_JA[field] });
    else index.set(field, i);
  });
  const missing = REQUIRED_FIELDS.filter((f) => !index.has(f));
  if (missing.length > 0) {
    throw new AppError('import.missing_columns', {
      details: missing.map((f) => ({ code: 'missing_column', path: STAFF_CSV_LABELS_JA[f] })),
    });
  }
  if (duplicated.length > 0) throw new AppError('import.invalid_file', { details: duplicated });
  return index;
}

// ───────────────────────────── values ─────────────────────────────

/** Half-width katakana → full-width (NFKC), then hiragana → katakana. */
export { normaliseKana };

// A subset of personInput's kana pattern: after normaliseKana only katakana should be left.
const KATAKANA = /^[\p{Script=Katakana}ー・\s]+$/u;
const EMPLOYEE_NUMBER = /^[A-Za-z0-9-]+$/;
const EMAIL = z.email();

function parseKind(s: string): PersonKind | null {
  const v = s.normalize('NFKC').trim();
  const byLabel = KIND_BY_LABEL[v];
  if (byLabel) return byLabel;
  const lower = v.toLowerCase();
  return (PERSON_KINDS as readonly string[]).includes(lower) ? (lower as PersonKind) : null;
}

const label = (f: StaffCsvField): string => STAFF_CSV_LABELS_JA[f];

function validateRow(cells: Record<StaffCsvField, string>): {
  values: StaffRowValues;
  errors: StaffRowError[];
} {
  const errors: StaffRowError[] = [];
  const add = (f: StaffCsvField, code: StaffRowError['code'], message: string): void => {
    errors.push({ column: label(f), code, message });
  };

  const values: StaffRowValues = {
    employeeNumber: cells.employeeNumber.normalize('NFKC').trim(),
    familyName: cells.familyName.trim(),
    givenName: cells.givenName.trim(),
    familyNameKana: normaliseKana(cells.familyNameKana),
    givenNameKana: normaliseKana(cells.givenNameKana),
    email: cells.email.normalize('NFKC').trim() || null,
    kind: null,
    title: cells.title.trim() || null,
    unitCode: cells.unitCode.normalize('NFKC').trim(),
    sectionName: cells.sectionName.trim() || null,
  };

  for (const f of STAFF_CSV_FIELDS) {
    const v = f === 'kind' ? cells.kind.trim() : values[f];
    if (v === null || v === '') {
      if (REQUIRED_FIELDS.includes(f)) add(f, 'required', `${label(f)}が入力されていません`);
      continue;
    }
    const max = MAX_LENGTH[f];
    if (max !== undefined && v.length > max) {
      add(f, 'too_long', `${label(f)}は${max}文字以内で入力してください`);
      continue;
    }
    switch (f) {
      case 'employeeNumber':
        if (!EMPLOYEE_NUMBER.test(v))
          add(f, 'invalid_employee_number', '職員番号は半角英数字とハイフン（-）で入力してください');
        break;
      case 'familyNameKana':
      case 'givenNameKana':
        if (!KATAKANA.test(v)) add(f, 'invalid_kana', `${label(f)}はカタカナで入力してください`);
        break;
      case 'email':
        if (!EMAIL.safeParse(v).success) add(f, 'invalid_email', 'メールアドレスの形式が正しくありません');
        break;
      case 'kind':
        values.kind = parseKind(v);
        if (!values.kind) add(f, 'invalid_kind', '区分は「役員」「教職員」「派遣労働者」のいずれかです');
        break;
      default:
        break;
    }
  }
  return { values, errors };
}

// ───────────────────────────── parsing ─────────────────────────────

interface CsvInfo {
  records: number;
  empty_lines: number;
}

function readRecords(text: string): { record: string[]; info: CsvInfo }[] {
  try {
    // csv-parse's types do not model `info: true`, which wraps each record with a snapshot of the counters.
    return parse(text, {
      bom: false,
      info: true,
      relax_column_count: false,
      skip_empty_lines: true,
      // Explicit, so that a file mixing CRLF and LF (hand-edited exports) still reads.
      record_delimiter: ['\r\n', '\n', '\r'],
    }) as unknown as { record: string[]; info: CsvInfo }[];
  } catch (e) {
    // The CSV error carries the offending record; pass on only where it is, never what it holds.
    const err = e as { code?: unknown; records?: unknown; empty_lines?: unknown };
    const records = typeof err.records === 'number' ? err.records : 0;
    const empty = typeof err.empty_lines === 'number' ? err.empty_lines : 0;
    throw new AppError('import.invalid_file', {
      details: [{ row: records + empty + 1, code: typeof err.code === 'string' ? err.code : 'csv_error' }],
    });
  }
}

export function parseStaffCsv(bytes: Uint8Array): ParsedStaffCsv {
  const digest = createHash('sha256').update(bytes).digest('hex');
  const { text, encoding } = decodeCsv(bytes);
  const records = readRecords(text);

  const first = records[0];
  if (!first) throw new AppError('import.invalid_file');
  const header = first.record.map((h) => h.trim());
  const index = mapHeader(header);

  const data = records.slice(1).filter(({ record }) => record.some((c) => c.trim() !== ''));
  if (data.length > STAFF_CSV_MAX_ROWS) {
    throw new AppError('import.invalid_file', {
      details: [{ code: 'too_many_rows', message: `max ${STAFF_CSV_MAX_ROWS}` }],
    });
  }

  const firstRowOf = new Map<string, number>();
  const rows = data.map(({ record, info }): ParsedStaffRow => {
    const row = info.records + info.empty_lines;
    // fromEntries defines own properties, so a header such as '__proto__' stays a plain key.
    const raw: Record<string, string> = Object.fromEntries(header.map((h, i) => [h, record[i] ?? '']));
    const cells = Object.fromEntries(
      STAFF_CSV_FIELDS.map((f) => {
        const i = index.get(f);
        return [f, i === undefined ? '' : (record[i] ?? '')];
      }),
    ) as Record<StaffCsvField, string>;

    const { values, errors } = validateRow(cells);
    const key = values.employeeNumber;
    if (key !== '' && !errors.some((e) => e.column === label('employeeNumber'))) {
      const earlier = firstRowOf.get(key);
      if (earlier === undefined) firstRowOf.set(key, row);
      else
        errors.push({
          column: label('employeeNumber'),
          code: 'duplicate_in_file',
          message: `職員番号が${earlier}行目と重複しています`,
        });
    }
    return { row, raw, values, errors };
  });

  return { encoding, rows, digest };
}

// ───────────────────────────── template ─────────────────────────────

/** Quote a CSV field when it needs it (RFC 4180). */
export const csvField = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

/** The downloadable template: UTF-8 with BOM (so Excel opens it correctly), header and one fictional row. */
export function staffCsvTemplate(): Uint8Array {
  const example = [
    'E0001',
    '高専',
    '花子',
    'コウセン',
    'ハナコ',
    'hanako.kosen@example.ac.jp',
    '教職員',
    '事務職員',
    'HQ',
    '総務課',
  ];
  const text = [STAFF_CSV_HEADER_JA, example].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
  const body = new TextEncoder().encode(text);
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf], 0);
  out.set(body, 3);
  return out;
}
