import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

export { decodeCsv, type CsvEncoding } from './decode.ts';
export {
  isXlsx,
  readCsv,
  readSheet,
  readXlsx,
  type ImportFormat,
  type ReadSheetOptions,
  type Sheet,
} from './read-sheet.ts';

/** One table to hand to people who open it in Excel: a header row and rows of cells. */
export interface Table {
  header: string[];
  rows: (string | number)[][];
}

/** A cell a spreadsheet would read as a formula gets a leading apostrophe (CSV injection). */
export const spreadsheetSafe = (v: string | number): string | number =>
  typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;

const quote = (v: string | number) => {
  const s = String(spreadsheetSafe(v));
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/** The CSV text (RFC 4180: quoted where needed, CRLF line ends). */
export const csvText = (t: Table): string =>
  `${[t.header, ...t.rows].map((row) => row.map(quote).join(',')).join('\r\n')}\r\n`;

/** CSV in UTF-8 with a byte order mark, so that Excel reads Japanese. */
export const csvUtf8 = (t: Table): Buffer => Buffer.from(`\uFEFF${csvText(t)}`, 'utf8');

/**
 * CSV in Shift_JIS (CP932), for older spreadsheet software. A character CP932 cannot represent is
 * never replaced silently: the result names where it is, so the caller can say so.
 */
export function csvCp932(
  t: Table,
): { ok: true; body: Buffer } | { ok: false; row: number; column: string; char: string } {
  const text = csvText(t);
  const body = iconv.encode(text, 'cp932');
  // One round trip of the whole text; only when it does not come back whole is the cell looked for.
  if (iconv.decode(body, 'cp932') === text) return { ok: true, body };
  const holds = (ch: string) => iconv.decode(iconv.encode(ch, 'cp932'), 'cp932') === ch;
  for (const [r, row] of t.rows.entries())
    for (const [c, cell] of row.entries())
      for (const ch of String(cell))
        if (!holds(ch)) return { ok: false, row: r + 1, column: t.header[c] ?? '', char: ch };
  // The header or quoting itself (never in practice): name no cell.
  const ch = [...text].find((x) => !holds(x)) ?? '';
  return { ok: false, row: 0, column: '', char: ch };
}

/** An Excel workbook of one sheet, with a bold, frozen header row. */
export async function xlsx(t: Table, sheetName: string, title: string, widths?: number[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Mamori';
  book.title = title;
  const sheet = book.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = t.header.map((h, i) => ({
    header: h,
    width: widths?.[i] ?? Math.max(12, h.length * 2 + 2),
  }));
  for (const row of t.rows) sheet.addRow(row.map(spreadsheetSafe));
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await book.xlsx.writeBuffer());
}
