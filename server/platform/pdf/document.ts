/**
 * The layout shared by Mamori's report sheets (the 事案報告書 of A34, the 監査報告書 of A36, the cross
 * views of A18/A19): pages of one size with the register's font (font.ts) and line breaking
 * (text.ts), a centred title with the 取扱注意 mark, rows of ruled cells (cell.ts) that move to a new
 * page when they do not fit, grids whose header repeats on every page, and at the foot of every page
 * who made the sheet and when, with the page number. Each document keeps its own sizes and content.
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { cellDrawer } from './cell.ts';
import { sheetFont } from './font.ts';
import { drawable, wrap } from './text.ts';

type Color = ReturnType<typeof rgb>;

/** The ink, the rules and the fill of header cells in every sheet. */
export const INK = rgb(0.1, 0.1, 0.11);
export const RULE = rgb(0.45, 0.45, 0.47);
export const FILL = rgb(0.93, 0.93, 0.95);

/** Marked on every internal sheet, top right. */
const HANDLING_MARK = '取扱注意（内部資料）';

export interface SheetLayout {
  page: { width: number; height: number };
  margin: { top: number; bottom: number; left: number; right: number };
  /** The size of text in cells; a line is 1.5 times that. */
  size: number;
  pad: { x: number; y: number };
  /** How far below the bottom margin the foot line stands. */
  footDrop: number;
}

/** A grid: a header (filled, repeated on every page), relative column widths, rows, and what stands when there are none. */
export interface SheetGrid {
  header: string[];
  units: number[];
  rows: string[][];
  empty: string;
}

export interface Sheet {
  font: PDFFont;
  /** The width between the margins. */
  width: number;
  /** Where the next thing is drawn from, going down the page. */
  y: () => number;
  down: (h: number) => void;
  /** Whether h points still fit above the bottom margin. */
  room: (h: number) => boolean;
  newPage: () => void;
  /** The width of text at a size. */
  measure: (size: number) => (t: string) => number;
  /** Text broken into the lines of a cell of this width. */
  lines: (t: string, width: number) => string[];
  /** One line of text with its top at y. */
  text: (t: string, x: number, size: number) => void;
  /** The title centred, and the 取扱注意 mark at the right (y does not move). */
  title: (t: string, size: number) => void;
  /**
   * One row of cells. A row that does not fit goes to a new page (the grid's header repeated there);
   * a row taller than a whole page is cut between lines and continues on the next.
   */
  row: (cells: string[][], widths: number[], fill?: (Color | undefined)[], head?: () => void) => void;
  /** A grid across the width, its header repeated on each new page. */
  grid: (g: SheetGrid) => void;
  /** The foot on every page, the metadata, and the bytes. The same sheet gives the same bytes. */
  finish: (end: { title: string; subject?: string; foot: string; generatedAt: string }) => Promise<Buffer>;
}

/** A new sheet of this layout, with its first page. */
export async function openSheet(layout: SheetLayout): Promise<Sheet> {
  const { page: PAGE, margin: MARGIN, size: SIZE, pad: PAD } = layout;
  const LINE = SIZE * 1.5;
  const WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
  const cell = cellDrawer({ size: SIZE, line: LINE, pad: PAD, ink: INK, rule: RULE });
  const f = await sheetFont();
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(f.bytes, { subset: true });
  const clean = (t: string) => drawable(t, f.has);
  const measure = (size: number) => (t: string) => [...t].reduce((w, ch) => w + f.width(ch), 0) * size;
  const lines = (t: string, width: number) => wrap(clean(t), width - 2 * PAD.x, measure(SIZE));

  let page: PDFPage = doc.addPage([PAGE.width, PAGE.height]);
  let y = PAGE.height - MARGIN.top;
  const newPage = () => {
    page = doc.addPage([PAGE.width, PAGE.height]);
    y = PAGE.height - MARGIN.top;
  };
  const text = (t: string, x: number, size: number) =>
    page.drawText(clean(t), { x, y: y - size, size, font, color: INK });

  const pageLines = Math.floor((PAGE.height - MARGIN.top - MARGIN.bottom - 2 * PAD.y) / LINE);
  const row: Sheet['row'] = (cells, widths, fill, head) => {
    let rest = cells;
    let fresh = false;
    for (;;) {
      const need = Math.max(1, ...rest.map((c) => c.length));
      const fits = Math.floor((y - MARGIN.bottom - 2 * PAD.y) / LINE);
      if (!fresh && need > fits && (need <= pageLines || fits < 3)) {
        newPage();
        head?.();
        fresh = true;
        continue;
      }
      const take = Math.min(need, Math.max(1, fits));
      const height = 2 * PAD.y + take * LINE;
      let x = MARGIN.left;
      rest.forEach((c, i) => {
        cell(page, { x, top: y, width: widths[i]!, height }, c.slice(0, take), font, fill?.[i]);
        x += widths[i]!;
      });
      y -= height;
      if (need <= take) return;
      rest = rest.map((c) => c.slice(take));
      newPage();
      head?.();
      fresh = true;
    }
  };

  return {
    font,
    width: WIDTH,
    y: () => y,
    down: (h) => {
      y -= h;
    },
    room: (h) => y - h >= MARGIN.bottom,
    newPage,
    measure,
    lines,
    text,
    title: (t, size) => {
      text(t, (PAGE.width - measure(size)(t)) / 2, size);
      text(HANDLING_MARK, PAGE.width - MARGIN.right - measure(8)(HANDLING_MARK), 8);
    },
    row,
    grid: (g) => {
      const sum = g.units.reduce((a, b) => a + b, 0);
      const widths = g.units.map((u) => (u / sum) * WIDTH);
      const header = g.header.map((h, i) => lines(h, widths[i]!));
      const head = () =>
        row(
          header,
          widths,
          widths.map(() => FILL),
        );
      head();
      if (g.rows.length === 0) row([lines(g.empty, WIDTH)], [WIDTH]);
      for (const r of g.rows)
        row(
          r.map((c, i) => lines(c, widths[i]!)),
          widths,
          undefined,
          head,
        );
    },
    finish: async (end) => {
      const pages = doc.getPages();
      const foot = clean(end.foot);
      pages.forEach((p, i) => {
        const n = `${i + 1} / ${pages.length}`;
        const at = (t: string, x: number) =>
          p.drawText(t, { x, y: MARGIN.bottom - layout.footDrop, size: 8, font, color: INK });
        at(foot, MARGIN.left);
        at(n, PAGE.width - MARGIN.right - measure(8)(n));
      });
      const made = new Date(end.generatedAt);
      doc.setTitle(end.title, { showInWindowTitleBar: true });
      if (end.subject !== undefined) doc.setSubject(end.subject);
      doc.setLanguage('ja-JP');
      doc.setCreator('Mamori');
      doc.setProducer('Mamori (pdf-lib)');
      doc.setCreationDate(made);
      doc.setModificationDate(made);
      return Buffer.from(await doc.save());
    },
  };
}
