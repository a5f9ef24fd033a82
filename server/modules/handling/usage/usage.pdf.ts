/**
 * The usage ledger of a file as a PDF (A16): A4 landscape, the title block, then the table of rows
 * (the same rows as the screen and the workbook) with its header repeated on every page, the totals,
 * the approval requests of the period, and "n / N" at the foot of each page. Japanese text is drawn
 * with the register's font (platform/pdf/font.ts) and broken to fit its cell as the 単票 does.
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { sheetFont } from '../../../platform/pdf/font.ts';
import { drawable, wrap } from '../../../platform/pdf/text.ts';
import { COLUMNS, KIND_JA, LEDGER_TITLE, STATUS_JA, tokyoMinute } from './usage.labels.ts';
import type { LedgerSheet } from './usage.service.ts';
import { titleBlock } from './usage.xlsx.ts';

const PAGE = { width: 841.89, height: 595.28 };
const MARGIN = { top: 40, bottom: 44, left: 32, right: 32 };
const SIZE = 8;
const LINE = SIZE * 1.45;
const PAD = { x: 3, y: 3 };
const INK = rgb(0.1, 0.1, 0.11);
const RULE = rgb(0.45, 0.45, 0.47);
const HEAD_FILL = rgb(0.93, 0.93, 0.95);
const TABLE_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

/** Column widths in points, in proportion to the workbook's. */
function widths(units: number[]): number[] {
  const sum = units.reduce((a, b) => a + b, 0);
  return units.map((u) => (u / sum) * TABLE_WIDTH);
}

export async function ledgerPdf(s: LedgerSheet): Promise<Uint8Array> {
  const f = await sheetFont();
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(f.bytes, { subset: true });
  const clean = (t: string) => drawable(t, f.has);
  const measure = (size: number) => (t: string) => {
    let w = 0;
    for (const ch of t) w += f.width(ch);
    return w * size;
  };
  const cellLines = (t: string, width: number) => wrap(clean(t), width - 2 * PAD.x, measure(SIZE));

  let page: PDFPage = doc.addPage([PAGE.width, PAGE.height]);
  let y = PAGE.height - MARGIN.top;
  const text = (t: string, x: number, size: number) =>
    page.drawText(clean(t), { x, y: y - size, size, font, color: INK });

  text(LEDGER_TITLE, MARGIN.left, 14);
  y -= 24;
  for (const [k, v] of titleBlock(s)) {
    text(k, MARGIN.left, 9);
    text(v, MARGIN.left + 70, 9);
    y -= 14;
  }
  y -= 8;

  /** A table whose header is repeated at the top of every page it runs onto. */
  const table = (header: string[], units: number[], rows: string[][]) => {
    const w = widths(units);
    const drawRow = (cells: string[][], fill?: ReturnType<typeof rgb>) => {
      const height = 2 * PAD.y + Math.max(1, ...cells.map((c) => c.length)) * LINE;
      let x = MARGIN.left;
      cells.forEach((lines, i) => {
        cell(page, x, y, w[i]!, height, lines, font, fill);
        x += w[i]!;
      });
      y -= height;
    };
    const head = header.map((h, i) => cellLines(h, w[i]!));
    const headHeight = 2 * PAD.y + Math.max(...head.map((c) => c.length)) * LINE;
    const room = (height: number) => y - height >= MARGIN.bottom;
    if (!room(headHeight + LINE * 2)) newPage();
    drawRow(head, HEAD_FILL);
    for (const r of rows) {
      const cells = r.map((v, i) => cellLines(v, w[i]!));
      const height = 2 * PAD.y + Math.max(1, ...cells.map((c) => c.length)) * LINE;
      if (!room(height)) {
        newPage();
        drawRow(head, HEAD_FILL);
      }
      drawRow(cells);
    }
  };
  const newPage = () => {
    page = doc.addPage([PAGE.width, PAGE.height]);
    y = PAGE.height - MARGIN.top;
  };

  const body = s.rows.map((r) => COLUMNS.map((c) => String(c.value(r))));
  body.push([
    '合計',
    '',
    '',
    '',
    '',
    '',
    String(s.rows.reduce((n, r) => n + r.times, 0)),
    String(s.rows.reduce((n, r) => n + r.records, 0)),
    '',
    '',
  ]);
  table(
    COLUMNS.map((c) => c.header),
    COLUMNS.map((c) => c.width),
    body,
  );

  if (s.requests.length > 0) {
    y -= 16;
    if (y - 40 < MARGIN.bottom) newPage();
    text('承認の依頼', MARGIN.left, 10);
    y -= 16;
    table(
      ['依頼番号', '種類', '状態', '依頼者', '依頼日時', '判断者', '判断日時'],
      [14, 12, 10, 14, 17, 14, 17],
      s.requests.map((r) => [
        r.number,
        KIND_JA[r.kind] ?? r.kind,
        STATUS_JA[r.status] ?? r.status,
        r.requestedByName,
        tokyoMinute(r.requestedAt),
        r.decidedByName ?? '',
        r.decidedAt ? tokyoMinute(r.decidedAt) : '',
      ]),
    );
  }

  const pages = doc.getPages();
  const foot = clean(`${s.fileName}\u3000${s.from} ～ ${s.to}`);
  pages.forEach((p, i) => {
    const number = `${i + 1} / ${pages.length}`;
    const at = (t: string, x: number) =>
      p.drawText(t, { x, y: MARGIN.bottom - 24, size: 8, font, color: INK });
    at(foot, MARGIN.left);
    at(number, (PAGE.width - measure(8)(number)) / 2);
  });

  const when = new Date(s.madeAt);
  doc.setTitle(`${LEDGER_TITLE} ${s.fileName}`, { showInWindowTitleBar: true });
  doc.setSubject(`${s.from} ～ ${s.to}`);
  doc.setLanguage('ja-JP');
  doc.setCreator('Mamori');
  doc.setProducer('Mamori (pdf-lib)');
  doc.setCreationDate(when);
  doc.setModificationDate(when);
  return doc.save();
}

function cell(
  page: PDFPage,
  x: number,
  top: number,
  width: number,
  height: number,
  lines: string[],
  font: PDFFont,
  fill?: ReturnType<typeof rgb>,
) {
  page.drawRectangle({
    x,
    y: top - height,
    width,
    height,
    borderColor: RULE,
    borderWidth: 0.5,
    ...(fill ? { color: fill } : {}),
  });
  const baseline = (LINE - SIZE) / 2 + SIZE * 0.88;
  lines.forEach((line, i) => {
    if (line)
      page.drawText(line, {
        x: x + PAD.x,
        y: top - PAD.y - i * LINE - baseline,
        size: SIZE,
        font,
        color: INK,
      });
  });
}
