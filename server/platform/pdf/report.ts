/**
 * The A4 portrait report of parts, in the layout of document.ts: the title and the report's number,
 * then each part under its heading — label/value rows or a grid — and the foot on every page. The
 * 事案報告書 (A34-3, -4) and the 監査報告書 (A36) are drawn by it; each module says what its parts are.
 */
import { FILL, openSheet, type Sheet } from './document.ts';

export type Row = [string, string];
/** A part of a report: a heading, then label/value rows or a grid with a header. */
export type Part =
  | { heading: string; rows: Row[] }
  | { heading: string; header: string[]; units: number[]; grid: string[][]; empty: string };

/** A4 portrait, in points. */
export const A4 = { width: 595.28, height: 841.89 };

/** Label/value rows, each label in a filled cell `labelWidth` wide, the value in the rest. */
export function labelRows(s: Sheet, rows: Row[], labelWidth: number): void {
  const widths = [labelWidth, s.width - labelWidth];
  for (const [label, value] of rows)
    s.row([s.lines(label, widths[0]!), s.lines(value, widths[1]!)], widths, [FILL]);
}

const LAYOUT = {
  page: A4,
  margin: { top: 48, bottom: 56, left: 42, right: 42 },
  size: 8.5,
  pad: { x: 4, y: 3 },
  footDrop: 26,
};
const LINE = LAYOUT.size * 1.5;
const LABEL_WIDTH = 118;

/** The report as a PDF. The same report gives the same bytes. */
export async function renderPartsReport(r: {
  title: string;
  number: string;
  parts: Part[];
  /** The foot line: what the report is, when and by whom it was made. */
  foot: string;
  generatedAt: string;
}): Promise<Buffer> {
  const s = await openSheet(LAYOUT);

  const title = 18;
  s.title(r.title, title);
  s.down(title + 8);
  s.text(r.number, (LAYOUT.page.width - s.measure(11)(r.number)) / 2, 11);
  s.down(11 + 18);

  for (const part of r.parts) {
    if (!s.room(16 + 3 * LINE)) s.newPage();
    s.down(6);
    s.text(part.heading, LAYOUT.margin.left, 10.5);
    s.down(10.5 + 6);
    if ('rows' in part) labelRows(s, part.rows, LABEL_WIDTH);
    else s.grid({ header: part.header, units: part.units, rows: part.grid, empty: part.empty });
    s.down(8);
  }

  return s.finish({
    title: `${r.title} ${r.number}`,
    subject: r.title,
    foot: r.foot,
    generatedAt: r.generatedAt,
  });
}

/**
 * The renderer of one kind of report: its title, what its parts are, and how it writes the time it
 * was made (the foot reads "<title> <number> 作成 <time> 作成者 <name>").
 */
export function partsReport<V extends { number: string }>(
  title: string,
  partsOf: (v: V) => Part[],
  writeTime: (iso: string) => string,
) {
  /** The report as a PDF. The same view and generation facts give the same bytes. */
  return async (v: V, opts: { generatedAt: string; generatedByName: string }): Promise<Buffer> =>
    renderPartsReport({
      title,
      number: v.number,
      parts: partsOf(v),
      foot: `${title} ${v.number}\u3000作成 ${writeTime(opts.generatedAt)}\u3000作成者 ${opts.generatedByName}`,
      generatedAt: opts.generatedAt,
    });
}
