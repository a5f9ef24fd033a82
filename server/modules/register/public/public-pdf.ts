/**
 * One entry of the public register as a PDF 単票 laid out like 別紙様式1 (A20-2; 法第75条: the
 * register is published, and a printable sheet per file is what people are used to from e-Gov).
 * A title, then a bordered table of the 19 published fields in the law's order (label | value, the
 * values exactly as the HTML 単票 shows them), on as many A4 pages as it takes; a footer on every page.
 *
 * The font is Noto Sans JP Regular (TrueType, from @expo-google-fonts/noto-sans-jp), read once per
 * process and embedded as a subset. A character it lacks (an emoji, a rare CJK extension) is drawn
 * as 〓 instead of failing the whole sheet.
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { PublicEntryView } from '../../../../shared/api/register.ts';
import { AGENCY_NAME, PUBLISHED_FIELDS } from '../../../../shared/register-fields.ts';
import { fieldText, japaneseDate } from './public-html.ts';
import { sheetFont } from '../../../platform/pdf/font.ts';
import { drawable, wrap } from '../../../platform/pdf/text.ts';

export const PDF_TITLE = '個人情報ファイル簿（単票）';
export const PDF_FOOTER = `${AGENCY_NAME}\u3000個人情報ファイル簿`;

// A4 portrait in points; margins of about 18 mm at the sides, 20 mm at the top and bottom.
const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { top: 56, bottom: 64, left: 50, right: 50 };
const SIZE = 9.5; // body text
const LINE = SIZE * 1.5; // line height
const PAD = { x: 6, y: 4.5 }; // inside each cell
const TABLE_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const LABEL_WIDTH = Math.round(TABLE_WIDTH * 0.36);
const VALUE_WIDTH = TABLE_WIDTH - LABEL_WIDTH;
const MIN_SPLIT = 4; // a row is split across pages only when it is too tall for one, and never into slivers
const INK = rgb(0.1, 0.1, 0.11);
const RULE = rgb(0.35, 0.35, 0.37);
const LABEL_FILL = rgb(0.95, 0.95, 0.96);

/** The value of a field as lines of text: 記録項目 numbered, one to a line, as in the CSV and HTML. */
function valueText(e: PublicEntryView, key: (typeof PUBLISHED_FIELDS)[number]['key']): string {
  const v = fieldText(e, key);
  if (!Array.isArray(v)) return v;
  return v.length ? v.map((x, i) => `${i + 1} ${x}`).join('\n') : '－';
}

/** The PDF 単票 of one published entry (A20-2, 別紙様式1). Same entry, same bytes. */
export async function entryPdf(e: PublicEntryView): Promise<Uint8Array> {
  const f = await sheetFont();
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const pdfFont = await doc.embedFont(f.bytes, { subset: true });
  const clean = (s: string) => drawable(s, f.has);
  const measure = (size: number) => (s: string) => {
    let w = 0;
    for (const ch of s) w += f.width(ch);
    return w * size;
  };
  const lines = (s: string, width: number) => wrap(clean(s), width - 2 * PAD.x, measure(SIZE));

  let page: PDFPage = doc.addPage([PAGE.width, PAGE.height]);
  let y = PAGE.height - MARGIN.top; // the top of what is drawn next
  const newPage = () => {
    page = doc.addPage([PAGE.width, PAGE.height]);
    y = PAGE.height - MARGIN.top;
  };

  const title = clean(PDF_TITLE);
  const titleSize = 15;
  page.drawText(title, {
    x: (PAGE.width - measure(titleSize)(title)) / 2,
    y: y - titleSize,
    size: titleSize,
    font: pdfFont,
    color: INK,
  });
  y -= titleSize + 18;

  const fresh = Math.floor((PAGE.height - MARGIN.top - MARGIN.bottom - 2 * PAD.y) / LINE);
  for (const field of PUBLISHED_FIELDS) {
    const label = lines(field.ja, LABEL_WIDTH);
    const value = lines(valueText(e, field.key), VALUE_WIDTH);
    let done = 0;
    let left = label;
    while (done < value.length) {
      const room = Math.floor((y - MARGIN.bottom - 2 * PAD.y) / LINE);
      const need = Math.max(left.length, value.length - done);
      // Start the row on a new page if it then fits whole, or if too little of it would fit here.
      if (need > room && (need <= fresh || room < Math.max(left.length, MIN_SPLIT))) {
        newPage();
        continue;
      }
      const take = Math.min(value.length - done, room);
      const height = 2 * PAD.y + Math.max(left.length, take) * LINE;
      cell(page, MARGIN.left, y, LABEL_WIDTH, height, left, pdfFont, LABEL_FILL);
      cell(page, MARGIN.left + LABEL_WIDTH, y, VALUE_WIDTH, height, value.slice(done, done + take), pdfFont);
      y -= height;
      done += take;
      left = lines(`${field.ja}（続き）`, LABEL_WIDTH);
    }
  }

  const pages = doc.getPages();
  const updated = clean(`最終更新日\u3000${japaneseDate(e.updatedAt) || e.updatedAt.slice(0, 10)}`);
  const footerSize = 8;
  const footerY = MARGIN.bottom - 28;
  const footerWidth = measure(footerSize);
  pages.forEach((p, i) => {
    const number = `${i + 1} / ${pages.length}`;
    const at = (text: string, x: number) =>
      p.drawText(text, { x, y: footerY, size: footerSize, font: pdfFont, color: INK });
    p.drawLine({
      start: { x: MARGIN.left, y: footerY + 12 },
      end: { x: PAGE.width - MARGIN.right, y: footerY + 12 },
      thickness: 0.5,
      color: RULE,
    });
    at(clean(PDF_FOOTER), MARGIN.left);
    at(number, (PAGE.width - footerWidth(number)) / 2);
    at(updated, PAGE.width - MARGIN.right - footerWidth(updated));
  });

  // Document properties: what a reader's title bar, search and screen reader see.
  const when = new Date(e.updatedAt);
  doc.setTitle(e.name, { showInWindowTitleBar: true });
  doc.setAuthor(AGENCY_NAME);
  doc.setSubject(`${PDF_TITLE} ${e.unitName}`);
  doc.setLanguage('ja-JP');
  doc.setCreator('Mamori');
  doc.setProducer('Mamori (pdf-lib)');
  if (!Number.isNaN(when.getTime())) {
    doc.setCreationDate(when);
    doc.setModificationDate(when);
  }
  return doc.save();
}

/** One bordered cell whose top edge is at `top`, its lines drawn from the top. */
function cell(
  page: PDFPage,
  x: number,
  top: number,
  width: number,
  height: number,
  text: string[],
  font: PDFFont,
  fill?: ReturnType<typeof rgb>,
) {
  page.drawRectangle({
    x,
    y: top - height,
    width,
    height,
    borderColor: RULE,
    borderWidth: 0.6,
    ...(fill ? { color: fill } : {}),
  });
  // The baseline sits so that a CJK glyph (about -0.12 to 0.88 em) is centred in its line.
  const baseline = (LINE - SIZE) / 2 + SIZE * 0.88;
  text.forEach((line, i) => {
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
