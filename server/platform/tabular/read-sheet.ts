/**
 * The rows of an uploaded file, as text: a CSV (UTF-8 or Shift_JIS) or an Excel workbook's first
 * sheet. Generic: the register import and the vault import read their files through it, each naming
 * the error it answers with when the file cannot be read. Errors say where a file breaks, never what
 * it holds.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { ErrorCode } from '../../../shared/errors.ts';
import { AppError, isAppError } from '../errors.ts';
import { decodeCsv } from './decode.ts';

/** What the file was: CSV in one of its encodings, or an Excel workbook. */
export type ImportFormat = 'utf-8' | 'utf-8-bom' | 'cp932' | 'xlsx';

/** The caller's error for a file that is not a readable CSV or workbook (each import has its own). */
export interface ReadSheetOptions {
  invalidFile: ErrorCode;
}

/** True when the bytes start like a ZIP archive, as an .xlsx workbook does. */
export const isXlsx = (b: Uint8Array) =>
  b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

export interface Sheet {
  format: ImportFormat;
  /** The first row's cells, as written (untrimmed). */
  headings: string[];
  /** Every later non-empty row; `line` as the spreadsheet numbers it (header = 1, blank lines count). */
  records: { line: number; cells: string[] }[];
}

/**
 * A CSV's rows (UTF-8 with or without BOM, or Shift_JIS). Throws AppError(opts.invalidFile) when it
 * is not text, is malformed (details: the row and csv-parse's code) or has no header row.
 */
export function readCsv(bytes: Uint8Array, opts: ReadSheetOptions): Sheet {
  let decoded: ReturnType<typeof decodeCsv>;
  try {
    decoded = decodeCsv(bytes);
  } catch (e) {
    if (isAppError(e)) throw new AppError(opts.invalidFile);
    throw e;
  }
  let records: { record: string[]; info: { records: number; empty_lines: number } }[];
  try {
    // csv-parse's types do not model `info: true`, which wraps each record with its counters.
    records = parse(decoded.text, {
      bom: false,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      record_delimiter: ['\r\n', '\n', '\r'],
    }) as unknown as typeof records;
  } catch (e) {
    // Where the file breaks, never what it holds.
    const err = e as { code?: unknown; records?: unknown; empty_lines?: unknown };
    const row =
      (typeof err.records === 'number' ? err.records : 0) +
      (typeof err.empty_lines === 'number' ? err.empty_lines : 0) +
      1;
    throw new AppError(opts.invalidFile, {
      details: [{ row, code: typeof err.code === 'string' ? err.code : 'csv_error' }],
    });
  }
  const [first, ...rest] = records;
  if (!first) throw new AppError(opts.invalidFile);
  return {
    format: decoded.encoding,
    headings: first.record,
    records: rest.map(({ record, info }) => ({ line: info.records + info.empty_lines, cells: record })),
  };
}

/** The text of an Excel cell as a person sees it (rich text joined, a formula's result). */
function excelText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('formula' in v || 'sharedFormula' in v) {
    const result = (v as ExcelJS.CellFormulaValue).result;
    return result === undefined || (typeof result === 'object' && !(result instanceof Date))
      ? ''
      : excelText(result);
  }
  if ('hyperlink' in v) return excelText(v.text);
  return ''; // an error value (#N/A…)
}

/**
 * The first worksheet of an Excel workbook, each cell as the text a person sees. Throws
 * AppError(opts.invalidFile) when the workbook cannot be opened or has no sheet.
 */
export async function readXlsx(bytes: Uint8Array, opts: ReadSheetOptions): Promise<Sheet> {
  const book = new ExcelJS.Workbook();
  try {
    // A copy of exactly the file's bytes (the upload's buffer may be a slice of a larger pool).
    await book.xlsx.load(new Uint8Array(bytes).buffer);
  } catch {
    throw new AppError(opts.invalidFile);
  }
  const sheet = book.worksheets[0];
  if (!sheet) throw new AppError(opts.invalidFile);
  const width = sheet.columnCount;
  const rowCells = (row: ExcelJS.Row) =>
    Array.from({ length: Math.max(width, row.cellCount) }, (_, i) => excelText(row.getCell(i + 1).value));
  const headings = rowCells(sheet.getRow(1));
  const records: Sheet['records'] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (number > 1) records.push({ line: number, cells: rowCells(row) });
  });
  return { format: 'xlsx', headings, records };
}

/**
 * A CSV or an Excel workbook, told apart by content (an .xlsx is a ZIP archive), not by name.
 * Throws AppError(opts.invalidFile) as readCsv and readXlsx do.
 */
export async function readSheet(bytes: Uint8Array, opts: ReadSheetOptions): Promise<Sheet> {
  return isXlsx(bytes) ? readXlsx(bytes, opts) : readCsv(bytes, opts);
}
