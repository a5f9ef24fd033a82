/**
 * Text for the PDF 単票 (A20-2): characters the font cannot draw, and lines broken to fit a cell.
 * Pure functions of the text and a measure, so they are tested without a PDF.
 */

/** Drawn for a character the font lacks (〓 geta mark, the customary stand-in in Japanese print). */
export const MISSING_GLYPH = '〓';

/** Joiners and variation selectors: dropped when the font cannot use them (the base character stays). */
const silent = (cp: number) =>
  cp === 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef);

/**
 * The text with every character the font lacks replaced by 〓 (or dropped if it only modifies the
 * one before it), tabs as spaces, other control characters removed, and line ends as `\n`.
 */
export function drawable(text: string, has: (codePoint: number) => boolean): string {
  let out = '';
  for (const ch of text.replace(/\r\n?/g, '\n')) {
    const cp = ch.codePointAt(0)!;
    if (ch === '\n') out += ch;
    else if (ch === '\t') out += ' ';
    else if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) continue;
    else if (has(cp)) out += ch;
    else if (!silent(cp)) out += MISSING_GLYPH;
  }
  return out;
}

/** Closing marks that may not begin a line (行頭禁則, JIS X 4051). */
const NO_LINE_START = new Set([
  ...'、。，．,.:;!?！？）)］]｝}〕〉》」』】〙〗ゝゞ々ー・：；ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ',
]);

/** Runs kept together: a Latin word or number (broken only if longer than a line); anything else alone. */
function tokens(line: string): string[] {
  return line.match(/[A-Za-z0-9\u00c0-\u024f@#%&*+\-_=/\\.,:;'"!?()[\]{}<>~^|$]+|\s+|[\s\S]/gu) ?? [];
}

/**
 * The text broken into lines no wider than `width` (as measured by `measure`): explicit newlines are
 * kept, Japanese breaks between any two characters, a Latin word moves whole to the next line when
 * it fits there, and a closing mark never starts a line (the character before it goes down too).
 */
export function wrap(text: string, width: number, measure: (s: string) => number): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    const lines: string[][] = [[]];
    let used = 0;
    const push = (t: string) => {
      lines[lines.length - 1]!.push(t);
      used += measure(t);
    };
    const breakLine = (next: string) => {
      const line = lines[lines.length - 1]!;
      while (line.length && /^\s+$/.test(line[line.length - 1]!)) line.pop();
      // 追い出し: a closing mark may not start the next line, so the token before it goes down with it.
      const last = line[line.length - 1];
      const carry =
        NO_LINE_START.has(next[0]!) && line.length > 1 && measure(last!) + measure(next) <= width
          ? line.pop()
          : undefined;
      lines.push([]);
      used = 0;
      if (carry !== undefined) push(carry);
    };
    for (const t of tokens(paragraph)) {
      const w = measure(t);
      if (used + w <= width) push(t);
      else if (/^\s+$/.test(t)) breakLine(' ');
      else if (w <= width) {
        breakLine(t);
        push(t);
      } else
        for (const ch of t) {
          if (used + measure(ch) > width && lines[lines.length - 1]!.length) breakLine(ch);
          push(ch);
        }
    }
    for (const l of lines) out.push(l.join('').replace(/\s+$/, ''));
  }
  return out;
}
