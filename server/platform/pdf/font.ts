/**
 * The Japanese font of Mamori's PDFs (the register's 単票 A20-2, certificates and ledgers of issue 7): Noto Sans JP Regular, a TrueType font shipped in the npm
 * package @expo-google-fonts/noto-sans-jp (SIL Open Font License: embedding is allowed). It is read
 * once per process, on the first sheet asked for, and made safe for subsetting (see alignGlyphs).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';

const FONT_FILE = createRequire(import.meta.url).resolve(
  '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf',
);

export interface SheetFont {
  /** The TrueType file to embed (with `subset: true`). */
  bytes: Uint8Array;
  /** Whether the font draws this character. */
  has: (codePoint: number) => boolean;
  /** The advance width of one character at size 1. */
  width: (ch: string) => number;
}

let loaded: Promise<SheetFont> | null = null;

export function sheetFont(): Promise<SheetFont> {
  loaded ??= readFile(FONT_FILE).then(
    (file) => {
      const bytes = alignGlyphs(new Uint8Array(file.buffer, file.byteOffset, file.byteLength));
      const face = fontkit.create(bytes);
      const widths = new Map<string, number>();
      return {
        bytes,
        has: (cp) => face.hasGlyphForCodePoint(cp),
        width: (ch) => {
          let w = widths.get(ch);
          if (w === undefined) {
            w = face.glyphForCodePoint(ch.codePointAt(0)!).advanceWidth / face.unitsPerEm;
            widths.set(ch, w);
          }
          return w;
        },
      };
    },
    (err: unknown) => {
      loaded = null; // the next request tries again
      throw err;
    },
  );
  return loaded;
}

const pad4 = (n: number) => (n + 3) & ~3;

/** The OpenType table checksum: the sum of the big-endian 32-bit words, zero-padded. */
function checksum(data: Uint8Array): number {
  const padded = new Uint8Array(pad4(data.length));
  padded.set(data);
  const view = new DataView(padded.buffer);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  return sum;
}

/**
 * The same font with every glyph padded to a multiple of four bytes and a long `loca` table.
 *
 * Why: the subsetter of @pdf-lib/fontkit 1.1.1 copies glyphs as they are and, when the subset is
 * under 64 KiB, writes a short `loca` (offsets halved). Noto Sans JP has glyphs of odd length, so
 * every glyph after the first odd one was cut wrongly and most characters vanished from the PDF.
 * Padded glyphs keep every offset even, which both `loca` formats can hold (OpenType spec, `loca`).
 */
export function alignGlyphs(font: Uint8Array): Uint8Array {
  const src = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const numTables = src.getUint16(4);
  const records = Array.from({ length: numTables }, (_, i) => {
    const at = 12 + 16 * i;
    return {
      tag: String.fromCharCode(...font.subarray(at, at + 4)),
      offset: src.getUint32(at + 8),
      length: src.getUint32(at + 12),
    };
  });
  const table = (tag: string) => {
    const r = records.find((t) => t.tag === tag);
    if (!r) throw new Error(`the font has no ${tag} table`);
    return r;
  };
  const [head, loca, glyf, maxp] = [table('head'), table('loca'), table('glyf'), table('maxp')];
  const numGlyphs = src.getUint16(maxp.offset + 4);
  const longLoca = src.getInt16(head.offset + 50) === 1;
  const offsetOf = (i: number) =>
    longLoca ? src.getUint32(loca.offset + 4 * i) : src.getUint16(loca.offset + 2 * i) * 2;

  let size = 0;
  for (let i = 0; i < numGlyphs; i++) size += pad4(offsetOf(i + 1) - offsetOf(i));
  const newGlyf = new Uint8Array(size);
  const newLoca = new Uint8Array(4 * (numGlyphs + 1));
  const locaView = new DataView(newLoca.buffer);
  let pos = 0;
  for (let i = 0; i < numGlyphs; i++) {
    locaView.setUint32(4 * i, pos);
    newGlyf.set(font.subarray(glyf.offset + offsetOf(i), glyf.offset + offsetOf(i + 1)), pos);
    pos += pad4(offsetOf(i + 1) - offsetOf(i));
  }
  locaView.setUint32(4 * numGlyphs, pos);
  const newHead = font.slice(head.offset, head.offset + head.length);
  const headView = new DataView(newHead.buffer);
  headView.setUint32(8, 0); // checkSumAdjustment, set below
  headView.setInt16(50, 1); // indexToLocFormat: long

  const data = records.map((r) =>
    r.tag === 'glyf'
      ? newGlyf
      : r.tag === 'loca'
        ? newLoca
        : r.tag === 'head'
          ? newHead
          : font.subarray(r.offset, r.offset + r.length),
  );
  let offset = 12 + 16 * numTables;
  const out = new Uint8Array(offset + data.reduce((n, d) => n + pad4(d.length), 0));
  const view = new DataView(out.buffer);
  out.set(font.subarray(0, 12));
  records.forEach((r, i) => {
    const at = 12 + 16 * i;
    out.set(font.subarray(at, at + 4), at);
    view.setUint32(at + 4, checksum(data[i]!));
    view.setUint32(at + 8, offset);
    view.setUint32(at + 12, data[i]!.length);
    out.set(data[i]!, offset);
    offset += pad4(data[i]!.length);
  });
  const headAt = view.getUint32(12 + 16 * records.indexOf(head) + 8);
  view.setUint32(headAt + 8, (0xb1b0afba - checksum(out)) >>> 0); // checkSumAdjustment over the whole file
  return out;
}
