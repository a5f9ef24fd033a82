/**
 * The usage ledger as a PDF (A16): A4 landscape, the title block, the rows with the header repeated
 * on every page the table runs onto, "n / N" on each page, a character the font lacks drawn as 〓.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { LedgerRowView } from '../../../../shared/api/handling-usage.ts';
import { ledgerPdf } from './usage.pdf.ts';
import type { LedgerSheet } from './usage.service.ts';

const row = (i: number): LedgerRowView => ({
  at: `2026-11-${String(16 + (i % 5)).padStart(2, '0')}T01:00:00.000Z`,
  day: `2026-11-${String(16 + (i % 5)).padStart(2, '0')}`,
  act: i % 7 === 0 ? 'copy' : 'use',
  operation: i % 7 === 0 ? 'vault.records_exported' : 'vault.record_viewed',
  personId: null,
  personName: i === 3 ? '絵文字😀職員' : `職員 ${i}`,
  employeeNumber: `E${1000 + i}`,
  purposeCode: 'enrolment',
  purposeLabel: '学籍管理',
  times: 1,
  records: i,
  requestNumber: i % 7 === 0 ? `R2026-${String(i).padStart(6, '0')}` : null,
  note:
    i === 5
      ? '宛先：八王子市教育委員会／方法：暗号化USBメモリ／返却予定：2026-11-20（長い備考は折り返して表示される）'
      : '',
});

const sheet = (rows: LedgerRowView[]): LedgerSheet => ({
  fileId: '0195b7a0-0000-7000-8000-000000000001',
  fileName: '学籍ファイル',
  unitName: '東京工業高等専門学校',
  sectionName: '教務係',
  from: '2026-11-01',
  to: '2026-11-30',
  filters: {},
  rows,
  requests: [
    {
      id: 'x',
      number: 'R2026-000007',
      kind: 'export',
      status: 'done',
      requestedByName: '清水 大輔',
      requestedAt: '2026-11-18T05:00:00.000Z',
      decidedByName: '佐藤 一郎',
      decidedAt: '2026-11-18T06:00:00.000Z',
      doneAt: '2026-11-18T07:00:00.000Z',
    },
  ],
  madeAt: '2026-12-01T00:30:00.000Z',
  madeBy: '佐藤 一郎',
});

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

describe('the usage ledger as a PDF (A16)', () => {
  it('draws the title block, every row, the header on every page, and page numbers', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => row(i));
    const pdf = await ledgerPdf(sheet(rows));
    const doc = await PDFDocument.load(pdf);
    const { width, height } = doc.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([842, 595]); // A4 landscape
    expect(doc.getTitle()).toBe('保有個人情報の利用状況の記録 学籍ファイル');
    const pages = await pagesText(pdf);
    expect(pages.length).toBeGreaterThan(2);
    expect(pages[0]).toContain('保有個人情報の利用状況の記録');
    for (const label of [
      'ファイル名学籍ファイル',
      '課等東京工業高等専門学校教務係',
      '期間2026-11-01～2026-11-30',
      '作成者佐藤一郎',
    ])
      expect(pages[0]).toContain(label);
    pages.forEach((p, i) => {
      expect(p).toContain('日時区分内容利用者職員番号利用目的回数件数依頼番号備考');
      expect(p).toContain(`${i + 1}/${pages.length}`);
    });
    const all = pages.join('');
    for (const r of rows) expect(all).toContain(r.employeeNumber!);
    expect(all).toContain('絵文字〓職員');
    expect(all).toContain('長い備考は折り返して表示される');
    expect(all).toContain(`合計`);
    expect(all).toContain('承認の依頼');
    expect(all).toContain('R2026-000007');
  }, 60_000);

  it('makes a sheet of an empty period', async () => {
    const pages = await pagesText(await ledgerPdf({ ...sheet([]), requests: [] }));
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('合計00');
  });
});
