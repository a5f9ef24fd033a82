/**
 * The disposal certificate (廃棄証明書, A15): a PDF that parses, states what, how, when, who asked,
 * approved (and for whom), witnessed, under which request — a count of records, never their values —
 * and gives the same bytes for the same facts (so it is drawn again when asked for). Also the
 * retention arithmetic of the holds.
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { certificatePdf, CERTIFICATE_TITLE, type CertificateFacts } from './certificate.ts';
import { heldUntil, holdOf, isHeld } from './retention.ts';

const facts = (over: Partial<CertificateFacts> = {}): CertificateFacts => ({
  number: 'D2026-000007',
  kind: 'records',
  unitName: '東京工業高等専門学校',
  sectionName: '教務係',
  fileName: '学籍ファイル',
  mediumLabel: null,
  records: 12,
  method: 'crypto_erasure',
  executedAt: '2026-11-30T01:05:00.000Z',
  requesterName: '清水 大輔',
  approverName: '佐藤 花子',
  actingForName: null,
  witnessName: '鈴木 美咲',
  requestNumber: 'R2026-000031',
  approvedAt: '2026-11-29T23:40:00.000Z',
  retentionException: false,
  ...over,
});

async function text(pdf: Uint8Array): Promise<string> {
  const doc = await getDocument({ data: pdf.slice() }).promise;
  let out = '';
  for (let i = 1; i <= doc.numPages; i++)
    out += (await (await doc.getPage(i)).getTextContent()).items
      .map((it) => ('str' in it ? it.str : ''))
      .join('');
  await doc.destroy();
  return out.replace(/\s+/g, '');
}

describe('the disposal certificate (A15)', () => {
  it('parses and states what, how, when, who asked, approved and witnessed, and the request', async () => {
    const pdf = await certificatePdf(facts());
    const doc = await PDFDocument.load(pdf);
    doc.registerFontkit(fontkit);
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getTitle()).toBe(`${CERTIFICATE_TITLE} D2026-000007`);
    const t = await text(pdf);
    for (const s of [
      '廃棄証明書',
      'D2026-000007',
      '東京工業高等専門学校教務係',
      '学籍ファイル',
      '12件の記録',
      '暗号鍵の破棄による消去',
      '復元不可能',
      '2026年11月30日10:05',
      '清水大輔',
      '佐藤花子',
      '鈴木美咲',
      'R2026-000031',
      '第15条',
    ])
      expect(t).toContain(s);
  });

  it('names a deputy approver with the one stood in for, a whole file, a medium, and an exception', async () => {
    const deputy = await text(
      await certificatePdf(
        facts({
          kind: 'file',
          approverName: '田中 一郎',
          actingForName: '小林 正人',
          retentionException: true,
        }),
      ),
    );
    expect(deputy).toContain('田中一郎（小林正人の代理）');
    expect(deputy).toContain('ファイル全体（12件の記録）');
    expect(deputy).toContain('保存期間内の例外廃棄');
    const medium = await text(
      await certificatePdf(
        facts({
          kind: 'medium',
          fileName: null,
          mediumLabel: 'USBメモリ 教務-03',
          method: 'shredding',
          records: 0,
        }),
      ),
    );
    expect(medium).toContain('媒体「USBメモリ教務-03」');
    expect(medium).toContain('シュレッダーによる裁断');
  });

  it('gives the same bytes for the same facts, and others for others', async () => {
    const a = Buffer.from(await certificatePdf(facts()));
    expect(Buffer.from(await certificatePdf(facts())).equals(a)).toBe(true);
    expect(Buffer.from(await certificatePdf(facts({ witnessName: '園田 勇' }))).equals(a)).toBe(false);
  });
});

describe('retention holds (A15, 法人文書の保存期間)', () => {
  it('holds a record until its period in years has passed since it was made (a Tokyo date)', () => {
    expect(heldUntil('2026-11-30T00:30:00.000Z', 5)).toBe('2031-11-30');
    // 23:30 UTC on 31 March is 1 April in Tokyo.
    expect(heldUntil('2026-03-31T15:30:00.000Z', 1)).toBe('2027-04-01');
    expect(heldUntil('2024-02-29T03:00:00.000Z', 1)).toBe('2025-03-01');
    expect(heldUntil('2026-11-30T00:30:00.000Z', null)).toBeNull();
    expect(isHeld('2020-11-30T00:30:00.000Z', 5, '2025-11-29')).toBe(true);
    expect(isHeld('2020-11-30T00:30:00.000Z', 5, '2025-11-30')).toBe(false);
    expect(isHeld('2020-11-30T00:30:00.000Z', null, '2021-01-01')).toBe(false);
    expect(
      holdOf(
        [{ created_at: '2020-01-10T00:00:00.000Z' }, { created_at: '2024-06-01T00:00:00.000Z' }],
        5,
        '2026-11-30',
      ),
    ).toEqual({ held: 1, heldUntil: '2029-06-01' });
  });
});
