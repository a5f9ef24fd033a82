/**
 * The cross views as a PDF (A18, A19 "Views"): A4 landscape, in Japanese, in the sheet layout of
 * platform/pdf/document.ts — a title, the subject's facts, one table (its header repeated on every
 * page), and at the foot of every page who made it and when.
 */
import { openSheet } from '../../../platform/pdf/document.ts';

const LAYOUT = {
  page: { width: 841.89, height: 595.28 },
  margin: { top: 40, bottom: 48, left: 32, right: 32 },
  size: 7.5,
  pad: { x: 3, y: 3 },
  footDrop: 24,
};

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
  const sheet = await openSheet(LAYOUT);
  sheet.title(s.title, 15);
  sheet.down(15 + 12);
  for (const [k, v] of s.facts) {
    sheet.text(`${k}: ${v}`, LAYOUT.margin.left, 9);
    sheet.down(9 + 5);
  }
  sheet.down(6);
  sheet.grid({ header: s.header, units: s.units, rows: s.rows, empty: s.empty });
  return sheet.finish({
    title: s.title,
    foot: `${s.title}\u3000作成 ${jaDateTime(s.generatedAt)}\u3000作成者 ${s.generatedByName}`,
    generatedAt: s.generatedAt,
  });
}
