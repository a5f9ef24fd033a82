/** The rows of an uploaded register file, as text: a CSV (UTF-8 or Shift_JIS) or an Excel workbook's first sheet. */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { AppError, isAppError } from '../../../platform/errors.ts';
import { decodeCsv } from '../../../platform/tabular/index.ts';

/** What the file was: CSV in one of its encodings, or an Excel workbook. */
export type ImportFormat = 'utf-8' | 'utf-8-bom' | 'cp932' | 'xlsx';

export const isXlsx = (b: Uint8Array) =>
  b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

export interface Sheet {
  format: ImportFormat;
  headings: string[];
  records: { line: number; cells: string[] }[];
}

export function readCsv(bytes: Uint8Array): Sheet {
  let decoded: ReturnType<typeof decodeCsv>;
  try {
    decoded = decodeCsv(bytes);
  } catch (e) {
    if (isAppError(e)) throw new AppError('register.import_invalid_file');
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
    throw new AppError('register.import_invalid_file', {
      details: [{ row, code: typeof err.code === 'string' ? err.code : 'csv_error' }],
    });
  }
  const [first, ...rest] = records;
  if (!first) throw new AppError('register.import_invalid_file');
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

export async function readXlsx(bytes: Uint8Array): Promise<Sheet> {
  const book = new ExcelJS.Workbook();
  try {
    // A copy of exactly the file's bytes (the upload's buffer may be a slice of a larger pool).
    await book.xlsx.load(new Uint8Array(bytes).buffer);
  } catch {
    throw new AppError('register.import_invalid_file');
  }
  const sheet = book.worksheets[0];
  if (!sheet) throw new AppError('register.import_invalid_file');
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
