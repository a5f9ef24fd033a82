/**
 * The A4 letter of the decision part (the 決定通知書 of 法82 and the document of 開示の実施): drawn
 * with the sheets' layout (platform/pdf/document.ts; label/value rows as platform/pdf/report.ts draws
 * them) but without the internal 取扱注意 mark — it is sent to the requester. Blocks: right-aligned
 * lines (number, date), left lines (addressee, sender), paragraphs, label/value rows and grids; the
 * foot on every page.
 */
import { openSheet } from '../../../platform/pdf/document.ts';
import { A4, labelRows } from '../../../platform/pdf/report.ts';

export type LetterBlock =
  | { kind: 'right'; lines: string[] }
  | { kind: 'left'; lines: string[] }
  | { kind: 'para'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'rows'; rows: [string, string][] }
  | { kind: 'grid'; header: string[]; units: number[]; rows: string[][]; empty: string };

const LAYOUT = {
  page: A4,
  margin: { top: 56, bottom: 56, left: 48, right: 48 },
  size: 9,
  pad: { x: 4, y: 3 },
  footDrop: 26,
};
const LINE = LAYOUT.size * 1.5;
const LABEL_WIDTH = 130;

export async function renderLetter(l: {
  title: string;
  blocks: LetterBlock[];
  foot: string;
  generatedAt: string;
}): Promise<Buffer> {
  const s = await openSheet(LAYOUT);
  const left = LAYOUT.margin.left;
  const right = LAYOUT.page.width - LAYOUT.margin.right;
  const line = (t: string, x: number, size = LAYOUT.size) => {
    if (!s.room(size * 1.6)) s.newPage();
    s.text(t, x, size);
    s.down(size * 1.6);
  };
  const titleSize = 15;
  s.text(l.title, (LAYOUT.page.width - s.measure(titleSize)(l.title)) / 2, titleSize);
  s.down(titleSize + 16);
  for (const b of l.blocks) {
    switch (b.kind) {
      case 'right':
        for (const t of b.lines) line(t, right - s.measure(LAYOUT.size)(t));
        s.down(6);
        break;
      case 'left':
        for (const t of b.lines) for (const w of s.lines(t, s.width)) line(w, left);
        s.down(6);
        break;
      case 'para':
        for (const w of s.lines(b.text, s.width)) line(w, left);
        s.down(6);
        break;
      case 'heading':
        if (!s.room(16 + 3 * LINE)) s.newPage();
        s.down(4);
        line(b.text, left, 10.5);
        break;
      case 'rows':
        labelRows(s, b.rows, LABEL_WIDTH);
        s.down(8);
        break;
      case 'grid':
        s.grid({ header: b.header, units: b.units, rows: b.rows, empty: b.empty });
        s.down(8);
        break;
    }
  }
  return s.finish({ title: l.title, subject: l.title, foot: l.foot, generatedAt: l.generatedAt });
}
