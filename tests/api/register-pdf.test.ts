/**
 * The PDF 単票 of the public register over HTTP (A20-2, 別紙様式1): `/register/files/<id>.pdf` gives a
 * published entry's sheet, whose text (extracted with pdf.js) is the entry's; an exempt, unfinished,
 * struck or unknown file is not found, as its page is; and the routes beside it still answer.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it, onTestFinished } from 'vitest';
import { PUBLISHED_FIELDS } from '../../shared/register-fields.ts';
import { createHttpApp } from '../../server/app.ts';
import { systemCtx } from '../../server/platform/context.ts';
import { japaneseDate } from '../../server/modules/register/public/public-html.ts';
import { buildOrg } from '../support/org-fixture.ts';
import { fileAt } from '../support/register-fixture.ts';
import { testServices } from '../support/test-services.ts';
import { HttpClient } from './support/http-client.ts';

/** All the text of a PDF, whitespace removed (extracted CJK text comes in runs split anywhere). */
async function pdfText(pdf: Buffer): Promise<{ text: string; pages: number; title: unknown }> {
  const doc = await getDocument({ data: new Uint8Array(pdf) }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    text += content.items.map((it) => ('str' in it ? it.str : '')).join('');
  }
  const { info } = await doc.getMetadata();
  const pages = doc.numPages;
  await doc.destroy();
  return { text: squash(text), pages, title: (info as { Title?: unknown }).Title };
}
const squash = (s: string) => s.replace(/\s+/g, '');

describe('the PDF 単票 of the public register (A20-2)', () => {
  it('gives a published entry as a PDF, and nothing for a file that is not published', async () => {
    const services = await testServices('sqlite');
    const org = await buildOrg(services);
    const app = await createHttpApp(services, { ready: true });
    onTestFinished(() => app.close());
    const kyomu = { unitId: org.units.tokyo, sectionId: org.sections.tokyoKyomu };
    const fields = {
      name: '証明書発行ファイル',
      purpose: '在学証明書、成績証明書、卒業（見込）証明書等の発行に関する事務を行うため。'.repeat(3),
      recordItems: ['申請日', '氏名', '生年月日', '証明書種別', '𠮷田記念奨学金の受給状況'],
      remarks: '郵送による申請を含む。\n窓口: 学生課教務係',
    };
    const id = await fileAt(services, kyomu, 'registered', fields);
    await fileAt(services, kyomu, 'registered', { name: '図書館利用者ファイル' });
    const exempt = await fileAt(services, kyomu, 'registered', {
      name: '相談記録ファイル',
      exemption: 'under_1000',
    });
    const draft = await fileAt(services, kyomu, 'draft', { name: '作成中の名簿ファイル' });
    const struck = await fileAt(services, kyomu, 'registered', { name: '旧学籍ファイル' });
    await services.register.files.discontinue(systemCtx('test'), struck, { reason: '保有の終了' });
    const anonymous = new HttpClient(app);

    const res = await anonymous.get(`/register/files/${id}.pdf`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      `inline; filename="register-${id}.pdf"; filename*=UTF-8''${encodeURIComponent('証明書発行ファイル.pdf')}`,
    );
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { text, pages, title } = await pdfText(res.rawPayload);
    expect(title).toBe('証明書発行ファイル');
    const entry = await services.register.public.entry(id);
    for (const expected of [
      '個人情報ファイル簿（単票）',
      ...PUBLISHED_FIELDS.map((f) => f.ja),
      fields.name,
      entry.department,
      fields.purpose,
      ...fields.recordItems.map((item, i) => `${i + 1} ${item}`),
      fields.remarks,
      '独立行政法人国立高等専門学校機構　個人情報ファイル簿',
      ...Array.from({ length: pages }, (_, i) => `${i + 1} / ${pages}`),
      `最終更新日\u3000${japaneseDate(entry.updatedAt)}`,
    ])
      expect(text).toContain(squash(expected));
    // Another entry's sheet is its own: this one holds nothing of it (and the check can fail).
    expect(text).not.toContain('図書館利用者ファイル');
    expect(text).toContain(squash(fields.name));

    // Anything not published is not found, as its HTML page is, whatever the client asks for.
    for (const hidden of [exempt, draft, struck, '0195b7a0-0000-7000-8000-00000000dead']) {
      for (const accept of ['text/html,application/xhtml+xml', 'application/pdf', '*/*']) {
        const gone = await anonymous.get(`/register/files/${hidden}.pdf`, { headers: { accept } });
        expect(gone.statusCode, `${hidden} ${accept}`).toBe(404);
        expect(gone.headers['content-type']).toContain('text/html');
        expect(gone.body).toContain('お探しの個人情報ファイルは見つかりません');
        expect(gone.body).not.toMatch(/%PDF|相談記録ファイル|作成中の名簿ファイル|旧学籍ファイル/);
      }
      expect((await anonymous.get(`/register/files/${hidden}`)).statusCode).toBe(404);
    }
  });

  it('is routed apart from the 単票 page and the downloads of the whole register', async () => {
    const services = await testServices('sqlite');
    const org = await buildOrg(services);
    const app = await createHttpApp(services, { ready: true });
    onTestFinished(() => app.close());
    const id = await fileAt(
      services,
      { unitId: org.units.tokyo, sectionId: org.sections.tokyoKyomu },
      'registered',
    );
    const anonymous = new HttpClient(app);
    const type = async (url: string) => {
      const res = await anonymous.get(url);
      expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBe(200);
      return res.headers['content-type'];
    };
    expect(await type(`/register/files/${id}.pdf`)).toBe('application/pdf');
    expect(await type(`/register/files/${id}`)).toContain('text/html');
    expect(await type('/register/files.csv')).toBe('text/csv; charset=utf-8');
    expect(await type('/register/files.xlsx')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(await type('/register/files.json')).toContain('application/json');
    // The 単票 page links to its PDF with a plain link.
    const page = (await anonymous.get(`/register/files/${id}`)).body;
    expect(page).toContain(`<a href="/register/files/${id}.pdf" type="application/pdf">PDF（別紙様式1）</a>`);
    expect(page).not.toContain('<script');
    // Only `.pdf` is the PDF: any other suffix is an id that is not found.
    for (const other of [`${id}.PDF`, `${id}.pdfx`, `${id}.csv`, `${id}.json`, '.pdf'])
      expect((await anonymous.get(`/register/files/${other}`)).statusCode, other).toBe(404);
  });
});
