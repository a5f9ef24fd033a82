/**
 * The cross views as a PDF (A18, A19 "Views"): A4 landscape, in Japanese, with the register's font
 * (platform/pdf/font.ts) and its line breaking (platform/pdf/text.ts) — a title, the subject's facts,
 * one table (its header repeated on every page), and at the foot of every page who made it and when.
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFPage } from 'pdf-lib';
import { sheetFont } from '../../../platform/pdf/font.ts';
import { drawable, wrap } from '../../../platform/pdf/text.ts';
import { cellDrawer } from '../../../platform/pdf/cell.ts';

const PAGE = { width: 841.89, height: 595.28 };
const MARGIN = { top: 40, bottom: 48, left: 32, right: 32 };
const SIZE = 7.5;
const LINE = SIZE * 1.5;
const PAD = { x: 3, y: 3 };
const INK = rgb(0.1, 0.1, 0.11);
const RULE = rgb(0.45, 0.45, 0.47);
/** Cells in this document's style (platform/pdf/cell.ts). */
const cell = cellDrawer({ size: SIZE, line: LINE, pad: PAD, ink: INK, rule: RULE });
const FILL = rgb(0.93, 0.93, 0.95);
const WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

export interface TableSheet {
  title: string;
  /** Facts of the subject, one label and value per line. */
  facts: [string, string][];
  header: string[];
  /** Relative widths of the columns. */
  units: number[];
  rows: string[][];
  empty: string;
  generatedAt: string;
  generatedByName: string;
}

/** A Tokyo date and time as 2026年4月1日 09:30. */
function jaDateTime(iso: string): string {
  const t = new Date(Date.parse(iso) + 9 * 3_600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${t.getUTCFullYear()}年${t.getUTCMonth() + 1}月${t.getUTCDate()}日 ${p(t.getUTCHours())}:${p(t.getUTCMinutes())}`;
}

/** The sheet as a PDF. The same sheet gives the same bytes. */
export async function renderTable(s: TableSheet): Promise<Buffer> {
  const f = await sheetFont();
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(f.bytes, { subset: true });
  const clean = (t: string) => drawable(t, f.has);
  const measure = (size: number) => (t: string) => [...t].reduce((w, ch) => w + f.width(ch), 0) * size;
  const lines = (t: string, width: number) => wrap(clean(t), width - 2 * PAD.x, measure(SIZE));

  let page: PDFPage = doc.addPage([PAGE.width, PAGE.height]);
  let y = PAGE.height - MARGIN.top;
  const text = (t: string, x: number, size: number) =>
    page.drawText(clean(t), { x, y: y - size, size, font, color: INK });

  text(s.title, (PAGE.width - measure(15)(s.title)) / 2, 15);
  text('取扱注意（内部資料）', PAGE.width - MARGIN.right - measure(8)('取扱注意（内部資料）'), 8);
  y -= 15 + 12;
  for (const [k, v] of s.facts) {
    text(`${k}: ${v}`, MARGIN.left, 9);
    y -= 9 + 5;
  }
  y -= 6;

  const sum = s.units.reduce((a, b) => a + b, 0);
  const widths = s.units.map((u) => (u / sum) * WIDTH);
  const pageLines = Math.floor((PAGE.height - MARGIN.top - MARGIN.bottom - 2 * PAD.y) / LINE);
  const newPage = () => {
    page = doc.addPage([PAGE.width, PAGE.height]);
    y = PAGE.height - MARGIN.top;
  };
  /** One row; one that does not fit goes to a new page (header repeated), a taller one is cut. */
  const row = (cells: string[][], ws: number[], fill?: boolean, head?: () => void) => {
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
        cell(page, { x, top: y, width: ws[i]!, height }, c.slice(0, take), font, fill ? FILL : undefined);
        x += ws[i]!;
      });
      y -= height;
      if (need <= take) return;
      rest = rest.map((c) => c.slice(take));
      newPage();
      head?.();
      fresh = true;
    }
  };
  const header = s.header.map((h, i) => lines(h, widths[i]!));
  const head = () => row(header, widths, true);
  head();
  if (s.rows.length === 0) row([lines(s.empty, WIDTH)], [WIDTH]);
  for (const r of s.rows)
    row(
      r.map((c, i) => lines(c, widths[i]!)),
      widths,
      false,
      head,
    );

  const pages = doc.getPages();
  const foot = clean(`${s.title}\u3000作成 ${jaDateTime(s.generatedAt)}\u3000作成者 ${s.generatedByName}`);
  pages.forEach((p, i) => {
    const n = `${i + 1} / ${pages.length}`;
    const at = (t: string, x: number) =>
      p.drawText(t, { x, y: MARGIN.bottom - 24, size: 8, font, color: INK });
    at(foot, MARGIN.left);
    at(n, PAGE.width - MARGIN.right - measure(8)(n));
  });
  const made = new Date(s.generatedAt);
  doc.setTitle(s.title, { showInWindowTitleBar: true });
  doc.setLanguage('ja-JP');
  doc.setCreator('Mamori');
  doc.setProducer('Mamori (pdf-lib)');
  doc.setCreationDate(made);
  doc.setModificationDate(made);
  return Buffer.from(await doc.save());
}
