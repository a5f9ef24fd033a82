/**
 * The audit report (監査報告書; A36): A4 portrait, in Japanese, with the register's font
 * (platform/pdf/font.ts) and its line breaking (platform/pdf/text.ts). It states the plan, the scope,
 * every checklist item's answer with its evidence (labels of Mamori's records, names of uploaded
 * documents), the findings and their corrective actions, the deliveries, and at the foot of every
 * page who made it and when. Held persons are never named: evidence labels carry numbers and titles.
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFPage } from 'pdf-lib';
import type { AuditView } from '../../../shared/api/audits.ts';
import { sheetFont } from '../../platform/pdf/font.ts';
import { drawable, wrap } from '../../platform/pdf/text.ts';
import { cellDrawer } from '../../platform/pdf/cell.ts';
import { jaDateTime, reportParts } from './report-parts.ts';

export const REPORT_TITLE = '監査報告書';

const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { top: 48, bottom: 56, left: 42, right: 42 };
const SIZE = 8.5;
const LINE = SIZE * 1.5;
const PAD = { x: 4, y: 3 };
const INK = rgb(0.1, 0.1, 0.11);
const RULE = rgb(0.45, 0.45, 0.47);
/** Cells in this document's style (platform/pdf/cell.ts). */
const cell = cellDrawer({ size: SIZE, line: LINE, pad: PAD, ink: INK, rule: RULE });
const FILL = rgb(0.93, 0.93, 0.95);
const WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const LABEL_WIDTH = 118;

/** The report as a PDF. The same view and generation facts give the same bytes. */
export async function renderAuditReport(
  v: AuditView,
  opts: { generatedAt: string; generatedByName: string },
): Promise<Buffer> {
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
  const room = (h: number) => y - h >= MARGIN.bottom;
  const text = (t: string, x: number, size: number) =>
    page.drawText(clean(t), { x, y: y - size, size, font, color: INK });

  const title = 18;
  text(REPORT_TITLE, (PAGE.width - measure(title)(REPORT_TITLE)) / 2, title);
  text('取扱注意（内部資料）', PAGE.width - MARGIN.right - measure(8)('取扱注意（内部資料）'), 8);
  y -= title + 8;
  text(v.number, (PAGE.width - measure(11)(v.number)) / 2, 11);
  y -= 11 + 18;

  const pageLines = Math.floor((PAGE.height - MARGIN.top - MARGIN.bottom - 2 * PAD.y) / LINE);
  /**
   * One row of cells. A row that does not fit goes to a new page (the grid's header repeated there);
   * a row taller than a whole page is cut between lines and continues on the next.
   */
  const row = (cells: string[][], widths: number[], fill?: ReturnType<typeof rgb>[], head?: () => void) => {
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

  for (const part of reportParts(v)) {
    if (!room(16 + 3 * LINE)) newPage();
    y -= 6;
    text(part.heading, MARGIN.left, 10.5);
    y -= 10.5 + 6;
    if ('rows' in part) {
      const widths = [LABEL_WIDTH, WIDTH - LABEL_WIDTH];
      for (const [label, value] of part.rows)
        row([lines(label, widths[0]!), lines(value, widths[1]!)], widths, [FILL]);
    } else {
      const sum = part.units.reduce((a, b) => a + b, 0);
      const widths = part.units.map((u) => (u / sum) * WIDTH);
      const header = part.header.map((h, i) => lines(h, widths[i]!));
      const head = () =>
        row(
          header,
          widths,
          widths.map(() => FILL),
        );
      head();
      if (part.grid.length === 0) row([lines(part.empty, WIDTH)], [WIDTH]);
      for (const r of part.grid)
        row(
          r.map((c, i) => lines(c, widths[i]!)),
          widths,
          undefined,
          head,
        );
    }
    y -= 8;
  }

  const pages = doc.getPages();
  const foot = clean(
    `${REPORT_TITLE} ${v.number}\u3000作成 ${jaDateTime(opts.generatedAt)}\u3000作成者 ${opts.generatedByName}`,
  );
  pages.forEach((p, i) => {
    const n = `${i + 1} / ${pages.length}`;
    const at = (t: string, x: number) =>
      p.drawText(t, { x, y: MARGIN.bottom - 26, size: 8, font, color: INK });
    at(foot, MARGIN.left);
    at(n, PAGE.width - MARGIN.right - measure(8)(n));
  });

  const made = new Date(opts.generatedAt);
  doc.setTitle(`${REPORT_TITLE} ${v.number}`, { showInWindowTitleBar: true });
  doc.setSubject(REPORT_TITLE);
  doc.setLanguage('ja-JP');
  doc.setCreator('Mamori');
  doc.setProducer('Mamori (pdf-lib)');
  doc.setCreationDate(made);
  doc.setModificationDate(made);
  return Buffer.from(await doc.save());
}
