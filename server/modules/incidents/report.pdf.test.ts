/**
 * The internal report (事案報告書): an A4 PDF that parses and states, in Japanese, the number, the
 * report, the investigation, the law's decision and due dates, the chain's steps with times and
 * persons, the containment, the timeline, the links, the notice, the publication, the measures, and
 * who made it and when on every page. A long timeline runs onto more pages with its header repeated.
 */
import { PDFDocument } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import type { IncidentView, TimelineEntryView } from '../../../shared/api/incidents.ts';
import { renderIncidentReport } from './report.pdf.ts';

const entry = (i: number, over: Partial<TimelineEntryView> = {}): TimelineEntryView => ({
  id: `t${i}`,
  kind: 'facts_updated',
  at: '2026-04-02T01:00:00.000Z',
  recordedAt: '2026-04-02T01:00:00.000Z',
  byName: '教務 花子',
  text: `調査の経過その${i}`,
  data: {},
  ...over,
});

const view = (over: Partial<IncidentView> = {}): IncidentView => ({
  id: '0195b7a0-0000-7000-8000-0000000000aa',
  number: 'I2026-0001',
  summary: '成績一覧を保存したUSBメモリを紛失した',
  unitName: '東京工業高等専門学校',
  sectionName: '教務係',
  status: 'open',
  awareAt: '2026-04-01T01:30:00.000Z',
  reportedAt: '2026-04-01T01:45:00.000Z',
  ppc: { required: true, cases: ['over_threshold'], myNumber: false },
  serious: false,
  nextDeadline: null,
  nextActions: [
    {
      action: 'chief_manager',
      actor: 'chief_protection_manager',
      actorNames: ['総括 次郎'],
      due: '2026-04-04',
      article: 'A34-4',
    },
  ],
  mine: false,
  unitId: 'u1',
  sectionId: 's1',
  reportedByName: '教務 太郎',
  systems: '教務係 USBメモリ No.1',
  actionsTaken: '校内を捜索した',
  facts: {
    cause: '持出し手順の不遵守',
    damage: '現時点で被害は確認されていない',
    items: '氏名、学籍番号、成績',
    personsCount: 152,
    sensitive: false,
    strongEncryption: false,
    financialRisk: false,
    wrongfulPurpose: false,
    myNumber: false,
    serious: false,
    secondaryDamage: 'なし',
    updatedAt: '2026-04-02T03:00:00.000Z',
  },
  deadlines: [
    { what: 'ppc_preliminary', ref: null, due: '2026-04-06', met: true, overdue: false },
    { what: 'ppc_final', ref: null, due: '2026-05-01', met: false, overdue: false },
  ],
  steps: [
    {
      step: 'chief_protection',
      status: 'done',
      actor: 'protection_manager',
      at: '2026-04-02T04:00:00.000Z',
      byName: '教務 花子',
      to: '総括 次郎',
      note: '調査結果を報告した',
      optional: false,
      canRecord: false,
    },
    {
      step: 'chief_manager',
      status: 'pending',
      actor: 'chief_protection_manager',
      at: null,
      byName: null,
      to: null,
      note: null,
      optional: true,
      canRecord: false,
    },
    {
      step: 'ppc_preliminary',
      status: 'done',
      actor: 'chief_manager',
      at: '2026-04-03T02:00:00.000Z',
      byName: '総括 三郎',
      to: '受付番号 PPC-123456',
      note: null,
      optional: false,
      canRecord: false,
    },
  ],
  links: [
    { id: 'l1', kind: 'approval_request', ref: 'R2026-000123', label: 'R2026-000123（複製）', path: null },
  ],
  measures: [
    {
      id: 'm1',
      text: 'USBメモリの持出しを禁止する',
      ownerId: 'p1',
      ownerName: '教務 花子',
      due: '2026-05-31',
      doneAt: null,
      doneByName: null,
      note: null,
      overdue: false,
      canComplete: false,
    },
  ],
  notice: {
    notifiedOn: '2026-04-10',
    method: 'letter',
    count: 152,
    substitute: null,
    note: null,
    recordedAt: '2026-04-10T05:00:00.000Z',
  },
  publication: {
    publish: false,
    reason: '本人全員に通知済みのため',
    text: null,
    publishedOn: null,
    response: null,
    recordedAt: '2026-04-10T06:00:00.000Z',
  },
  closedAt: null,
  closeSummary: null,
  timeline: [
    entry(0, { kind: 'reported', text: null, byName: '教務 太郎', at: '2026-04-01T01:45:00.000Z' }),
    entry(1, { kind: 'containment', text: '貸出用PCのアカウントを停止した', at: '2026-04-01T02:10:00.000Z' }),
    entry(2, { kind: 'step_done', text: null, data: { step: 'chief_protection' } }),
  ],
  ppcReport: [],
  owners: [],
  can: {
    contain: false,
    investigate: false,
    link: false,
    notice: false,
    publication: false,
    measures: false,
    close: false,
  },
  ...over,
});

const generated = { generatedAt: '2026-04-12T00:30:00.000Z', generatedByName: '監査 四郎' };

async function pagesText(pdf: Uint8Array): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf) }).promise;
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

describe('the internal report of an incident (事案報告書)', () => {
  it('is an A4 PDF stating the report, facts, law, chain, containment, notice, publication and measures', async () => {
    const pdf = await renderIncidentReport(view(), generated);
    const doc = await PDFDocument.load(pdf);
    const { width, height } = doc.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]); // A4 portrait
    expect(doc.getTitle()).toBe('事案報告書 I2026-0001');
    const all = (await pagesText(pdf)).join('');
    for (const s of [
      '事案報告書',
      'I2026-0001',
      '成績一覧を保存したUSBメモリを紛失した',
      '東京工業高等専門学校教務係',
      '知った日時2026年4月1日10:30', // 01:30 UTC is 10:30 in Tokyo
      '報告者教務太郎',
      '総括保護管理者（総括次郎）',
      '原因持出し手順の不遵守',
      '本人の数152人',
      '報告義務あり（法第68条第1項）',
      '本人の数が基準の人数を超える漏えい等（規則第43条第4号）',
      '速報の期限2026年4月6日済',
      '確報の期限2026年5月1日未了',
      // the chain's step with its article, status, time, person and addressee
      '総括保護管理者への報告（A34-3）保護管理者済2026年4月2日13:00教務花子総括次郎',
      '総括管理者及び理事長への報告（A34-4）',
      '対応待ち',
      '受付番号PPC-123456',
      '貸出用PCのアカウントを停止した',
      '報告の記録：総括保護管理者への報告',
      'R2026-000123（複製）',
      '通知日2026年4月10日方法書面人数152人',
      '公表しない',
      '本人全員に通知済みのため',
      'USBメモリの持出しを禁止する',
      '作成2026年4月12日09:30作成者監査四郎',
    ])
      expect(all).toContain(s);
    expect(all).not.toContain('終結日時');
  }, 60_000);

  it('says what is still being investigated, and closes with the closing summary', async () => {
    const open = (
      await pagesText(
        await renderIncidentReport(
          view({
            facts: { ...view().facts, cause: null, personsCount: null },
            ppc: { required: null, cases: [], myNumber: false },
            notice: null,
            publication: null,
          }),
          generated,
        ),
      )
    ).join('');
    expect(open).toContain('原因（調査中）');
    expect(open).toContain('本人の数（調査中）');
    expect(open).toContain('未確定（本人の数を調査中）');
    expect(open).toContain('判断未決定');

    const closed = (
      await pagesText(
        await renderIncidentReport(
          view({
            status: 'closed',
            closedAt: '2026-06-01T02:00:00.000Z',
            closeSummary: '再発防止策を完了した',
          }),
          generated,
        ),
      )
    ).join('');
    expect(closed).toContain('状態終結');
    expect(closed).toContain('終結日時2026年6月1日11:00');
    expect(closed).toContain('再発防止策を完了した');
  }, 60_000);

  it('runs a long timeline onto more pages, with its header and the footer on each', async () => {
    const timeline = Array.from({ length: 90 }, (_, i) => entry(i));
    const long = '長い公表文。'.repeat(700); // taller than a page: cut between lines
    const pages = await pagesText(
      await renderIncidentReport(
        view({
          timeline,
          publication: { ...view().publication!, publish: true, text: long, publishedOn: '2026-04-12' },
        }),
        generated,
      ),
    );
    expect(pages.length).toBeGreaterThan(3);
    const all = pages.join('');
    for (const e of timeline) expect(all).toContain(`調査の経過その${e.id.slice(1)}`);
    // Nothing of the text taller than a page is lost where it is cut (the footers taken out).
    const footer = '事案報告書I2026-0001作成2026年4月12日09:30作成者監査四郎';
    const body = pages.map((p, i) => p.replace(footer, '').replace(`${i + 1}/${pages.length}`, '')).join('');
    expect(body.split('長い公表文。').length - 1).toBe(700);
    pages.forEach((p, i) => {
      expect(p).toContain(footer);
      expect(p).toContain(`${i + 1}/${pages.length}`);
    });
    const timelinePages = pages.filter((p) => p.includes('調査の経過その'));
    expect(timelinePages.length).toBeGreaterThan(1);
    for (const p of timelinePages) expect(p).toContain('日時内容記録者記事記録日時');
  }, 60_000);
});
