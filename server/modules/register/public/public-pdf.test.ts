/**
 * The PDF 単票 of the public register (A20-2, 別紙様式1): lines break to fit their cell, a long entry
 * runs over several pages with a footer on each, a character the font lacks is drawn as 〓, and the
 * embedded subset of the font is intact (@pdf-lib/fontkit 1.1.1 cut odd-length glyphs before).
 */
import { inflateSync } from 'node:zlib';
import fontkit from '@pdf-lib/fontkit';
import { PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import type { PublicEntryView } from '../../../../shared/api/register.ts';
import { AGENCY_NAME, PUBLISHED_FIELDS } from '../../../../shared/register-fields.ts';
import { publicEntry } from '../../../../tests/support/register-fixture.ts';
import { sheetFont } from '../../../platform/pdf/font.ts';
import { drawable, MISSING_GLYPH, wrap } from '../../../platform/pdf/text.ts';
import { entryPdf, PDF_FOOTER, PDF_TITLE } from './public-pdf.ts';

const entry = (over: Partial<PublicEntryView> = {}): PublicEntryView =>
  publicEntry({
    id: '0195b7a0-0000-7000-8000-000000000001',
    department: '東京工業高等専門学校 学生課教務係',
    purpose: '学生の学籍に関する事務（入学、在学、休学、退学、卒業等）を行うため',
    recordItems: ['学生番号', '氏名', 'フリガナ'],
    recordRange: '在籍する（した）本科学生',
    collectionMethod: '本人・保証人の届出',
    requestOffice: '本部事務局総務課（東京都八王子市東浅川町701-2）',
    updatedAt: '2026-11-29T03:00:00.000Z',
    ...over,
  });

/** The text of each page, whitespace removed (extracted CJK text comes in runs split anywhere). */
async function pagesText(pdf: Uint8Array): Promise<string[]> {
  const doc = await getDocument({ data: pdf.slice() }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(
      content.items
        .map((it) => ('str' in it ? it.str : ''))
        .join('')
        .replace(/\s+/g, ''),
    );
  }
  await doc.destroy();
  return pages;
}
const squash = (s: string) => s.replace(/\s+/g, '');

describe('wrapping text for a cell (A20-2)', () => {
  const em = (s: string) => [...s].length; // every character one unit wide

  it('breaks Japanese between any two characters and keeps explicit newlines', () => {
    expect(wrap('あいうえおかきくけこ', 4, em)).toEqual(['あいうえ', 'おかきく', 'けこ']);
    expect(wrap('一行目\n二行目', 10, em)).toEqual(['一行目', '二行目']);
    expect(wrap('上\n\n下', 10, em)).toEqual(['上', '', '下']);
    expect(wrap('', 10, em)).toEqual(['']);
  });

  it('moves a Latin word whole to the next line, and breaks one longer than a line', () => {
    expect(wrap('see the register', 8, em)).toEqual(['see the', 'register']);
    expect(wrap('abcdefghij', 4, em)).toEqual(['abcd', 'efgh', 'ij']);
  });

  it('never starts a line with a closing mark (行頭禁則)', () => {
    const lines = wrap('あいうえ。かき', 4, em);
    expect(lines).toEqual(['あいう', 'え。かき']);
    for (const l of wrap('学籍（在学、休学、退学）の事務を行うため。', 5, em))
      expect('、。）」').not.toContain(l[0]);
  });

  it('draws 〓 for a character the font lacks and keeps the rest', () => {
    const has = (cp: number) => cp < 0x1f000;
    expect(drawable('絵😀文字\t終わり\u0007\r\n次', has)).toBe(`絵${MISSING_GLYPH}文字 終わり\n次`);
    expect(drawable('葛\u{e0100}城', () => true)).toBe('葛\u{e0100}城');
    expect(drawable('葛\u{e0100}城', (cp) => cp < 0xe0000)).toBe('葛城'); // a selector alone: dropped
  });
});

describe('the PDF 単票 (A20-2, 別紙様式1)', () => {
  it('lays out the 19 fields with their labels, the values as the 単票 shows them, and a footer', async () => {
    const e = entry({ sensitive: true, remarks: '備考の一行目\n備考の二行目' });
    const pdf = await entryPdf(e);
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeLessThan(150_000); // the font is a subset, not its 5.5 MB
    const [text, ...more] = await pagesText(pdf);
    expect(more).toEqual([]);
    expect(text!.startsWith(squash(PDF_TITLE))).toBe(true);
    let at = 0;
    for (const f of PUBLISHED_FIELDS) {
      // The labels in the law's order.
      const next = text!.indexOf(squash(f.ja), at);
      expect(next, f.ja).toBeGreaterThanOrEqual(at);
      at = next;
    }
    for (const value of [
      e.name,
      e.department,
      e.purpose,
      '1学生番号2氏名3フリガナ',
      '要配慮個人情報が含まれる',
      '法第60条第2項第1号（電算処理ファイル）',
      '備考の一行目備考の二行目',
      squash(PDF_FOOTER),
      '1/1',
      '最終更新日令和8年11月29日',
    ])
      expect(text).toContain(squash(value));
    expect(text).not.toContain('図書館利用者ファイル');

    // Same entry, same bytes; the document properties name the file.
    expect(Buffer.compare(Buffer.from(await entryPdf(e)), Buffer.from(pdf))).toBe(0);
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    expect(doc.getTitle()).toBe('学籍ファイル');
    expect(doc.getAuthor()).toBe(AGENCY_NAME);
    expect(doc.catalog.get(PDFName.of('Lang'))?.toString()).toBe('(ja-JP)');
  });

  it('runs a long entry over several pages, a row split with （続き）, every page numbered', async () => {
    const items = Array.from({ length: 120 }, (_, i) => `記録項目その${i + 1}（利用目的に必要な範囲に限る）`);
    const purpose = '学生の学籍に関する事務を行うため。'.repeat(40);
    const pages = await pagesText(await entryPdf(entry({ purpose, recordItems: items })));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((p, i) => {
      expect(p).toContain(squash(PDF_FOOTER));
      expect(p).toContain(`${i + 1}/${pages.length}`);
    });
    expect(pages[0]).toContain(squash(PDF_TITLE));
    expect(pages.slice(1).some((p) => p.includes('記録項目（続き）'))).toBe(true);
    const all = pages.join('');
    expect(all).toContain(squash(purpose)); // wrapped over many lines, nothing lost
    for (const [i, item] of items.entries()) expect(all).toContain(`${i + 1}${item}`);
    expect(all.indexOf('120記録項目その120')).toBeLessThan(all.indexOf('備考'));
  });

  it('draws 〓 for a character outside the font instead of failing, and keeps 𠮷', async () => {
    const font = await sheetFont();
    expect(font.has(0x20bb7)).toBe(true); // 𠮷 (CJK Extension B) is in Noto Sans JP
    expect(font.has(0x1f600)).toBe(false); // 😀 is not
    const text = (
      await pagesText(await entryPdf(entry({ name: '😀絵文字ファイル', recordRange: '𠮷田記念奨学生' })))
    )[0]!;
    expect(text).toContain(`${MISSING_GLYPH}絵文字ファイル`);
    expect(text).toContain('𠮷田記念奨学生');
    expect(text).not.toContain('😀');
  });

  it('embeds a subset of the font whose glyphs are intact', async () => {
    const pdf = await PDFDocument.load(await entryPdf(entry()));
    const fonts = pdf.context
      .enumerateIndirectObjects()
      .map(([, o]) => (o instanceof PDFDict ? o.get(PDFName.of('FontFile2')) : undefined))
      .filter((ref) => ref !== undefined);
    expect(fonts).toHaveLength(1);
    const stream = pdf.context.lookup(fonts[0]);
    if (!(stream instanceof PDFRawStream)) throw new Error('the font file is not a stream');
    const face = fontkit.create(inflateSync(stream.contents));
    expect(face.numGlyphs).toBeGreaterThan(50);
    for (let gid = 0; gid < face.numGlyphs; gid++) {
      const { bbox } = face.getGlyph(gid); // a cut glyph throws here or has a box miles off the em
      for (const v of [bbox.minX, bbox.minY, bbox.maxX, bbox.maxY])
        if (Number.isFinite(v)) expect(Math.abs(v), `glyph ${gid}`).toBeLessThan(2000);
    }
  });
});
