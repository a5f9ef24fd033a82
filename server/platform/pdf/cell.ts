import type { rgb } from 'pdf-lib';
import { type PDFFont, type PDFPage } from 'pdf-lib';

type Color = ReturnType<typeof rgb>;

/**
 * A drawer of table cells in one document's style: a ruled box (filled if asked) with its lines of
 * text set from the top, each on the style's line height. Lines are already wrapped (text.ts).
 */
export function cellDrawer(style: {
  size: number;
  line: number;
  pad: { x: number; y: number };
  ink: Color;
  rule: Color;
}) {
  const { size, line, pad, ink, rule } = style;
  const baseline = (line - size) / 2 + size * 0.88;
  return (
    page: PDFPage,
    box: { x: number; top: number; width: number; height: number },
    lines: string[],
    font: PDFFont,
    fill?: Color,
  ) => {
    const { x, top, width, height } = box;
    page.drawRectangle({
      x,
      y: top - height,
      width,
      height,
      borderColor: rule,
      borderWidth: 0.5,
      ...(fill ? { color: fill } : {}),
    });
    lines.forEach((text, i) => {
      if (text)
        page.drawText(text, { x: x + pad.x, y: top - pad.y - i * line - baseline, size, font, color: ink });
    });
  };
}
