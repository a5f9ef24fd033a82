/**
 * The report to the 個人情報保護委員会 in the items of its form (規則44): every item present, in order,
 * made from what Mamori holds, and 「（調査中）」 — never an empty text — for a fact not yet known.
 */
import { describe, expect, it } from 'vitest';
import { ppcReportItems } from './ppc-report.ts';

type Source = Parameters<typeof ppcReportItems>[0];

const ITEMS = [
  '概要',
  '漏えい等が発生し、又は発生したおそれがある保有個人情報の項目',
  '本人の数',
  '原因',
  '二次被害又はそのおそれの有無及びその内容',
  '本人への対応の実施状況',
  '公表の実施状況',
  '再発防止のための措置',
  'その他参考となる事項',
];

const fresh: Source = {
  number: 'I2026-0003',
  summary: '成績一覧を保存したUSBメモリを紛失した',
  awareAt: '2026-04-01T01:30:00.000Z',
  unitName: '東京工業高等専門学校',
  sectionName: '教務係',
  facts: {
    cause: null,
    damage: null,
    items: null,
    personsCount: null,
    sensitive: false,
    strongEncryption: false,
    financialRisk: false,
    wrongfulPurpose: false,
    myNumber: false,
    serious: false,
    secondaryDamage: null,
    updatedAt: null,
  },
  notice: null,
  publication: null,
  measures: [],
  ppc: { required: null, cases: [], myNumber: false },
};

describe('the PPC report’s items (規則44)', () => {
  it('has every item of the form, 「（調査中）」 for what is not known yet', () => {
    const items = ppcReportItems(fresh);
    expect(items.map((i) => i.item)).toEqual(ITEMS);
    for (const i of items) expect(i.text.trim()).not.toBe('');
    const text = Object.fromEntries(items.map((i) => [i.item, i.text]));
    expect(text['概要']).toContain('成績一覧を保存したUSBメモリを紛失した');
    expect(text['概要']).toContain('2026年4月1日 10:30');
    expect(text['本人の数']).toBe('（調査中）');
    expect(text['原因']).toBe('（調査中）');
    expect(text['公表の実施状況']).toBe('（調査中）');
    expect(text['再発防止のための措置']).toBe('（調査中）');
    expect(text['その他参考となる事項']).toContain('I2026-0003');
  });

  it('states the facts, the notice, the publication and the measures once recorded', () => {
    const items = ppcReportItems({
      ...fresh,
      facts: {
        ...fresh.facts,
        cause: '持出し手順の不遵守',
        damage: '不明',
        items: '氏名、学籍番号、成績',
        personsCount: 1234,
        sensitive: true,
        myNumber: true,
        secondaryDamage: '現時点で二次被害は確認されていない',
      },
      notice: {
        notifiedOn: '2026-04-10',
        method: 'letter',
        count: 1234,
        substitute: null,
        note: null,
        recordedAt: '2026-04-10T05:00:00.000Z',
      },
      publication: {
        publish: true,
        reason: null,
        text: '本校において個人情報を含む記録媒体の紛失が判明しました。',
        publishedOn: '2026-04-12',
        response: '専用の問合せ窓口を設置した',
        recordedAt: '2026-04-12T05:00:00.000Z',
      },
      measures: [
        {
          id: 'm1',
          text: 'USBメモリの持出しを禁止する',
          ownerId: 'p1',
          ownerName: '教務 太郎',
          due: '2026-05-31',
          doneAt: '2026-05-20T03:00:00.000Z',
          doneByName: '教務 太郎',
          note: '通知済み',
          overdue: false,
          canComplete: false,
        },
        {
          id: 'm2',
          text: '研修を実施する',
          ownerId: 'p1',
          ownerName: '教務 太郎',
          due: '2026-06-30',
          doneAt: null,
          doneByName: null,
          note: null,
          overdue: false,
          canComplete: false,
        },
      ],
      ppc: { required: true, cases: ['sensitive', 'over_threshold'], myNumber: true },
    });
    const text = Object.fromEntries(items.map((i) => [i.item, i.text]));
    expect(text['漏えい等が発生し、又は発生したおそれがある保有個人情報の項目']).toBe(
      '氏名、学籍番号、成績\n要配慮個人情報を含む\n個人番号（マイナンバー）を含む',
    );
    expect(text['本人の数']).toBe('1,234人');
    expect(text['原因']).toBe('持出し手順の不遵守');
    expect(text['二次被害又はそのおそれの有無及びその内容']).toBe('現時点で二次被害は確認されていない');
    expect(text['本人への対応の実施状況']).toBe(
      '2026年4月10日、書面により本人1,234人に通知した。\n専用の問合せ窓口を設置した',
    );
    expect(text['公表の実施状況']).toContain('2026年4月12日に公表した。');
    expect(text['再発防止のための措置']).toBe(
      '・USBメモリの持出しを禁止する（2026年5月20日完了）\n・研修を実施する（2026年6月30日までに実施予定）',
    );
    expect(text['その他参考となる事項']).toContain('規則第43条第1号');
    expect(text['その他参考となる事項']).toContain('規則第43条第4号');
    expect(text['その他参考となる事項']).toContain('番号法');
  });

  it('gives the reason when not publishing, and the substitute where notice is impossible', () => {
    const items = ppcReportItems({
      ...fresh,
      notice: {
        notifiedOn: null,
        method: null,
        count: null,
        substitute: '連絡先が不明のため、ウェブサイトで公表した',
        note: null,
        recordedAt: null,
      },
      publication: {
        publish: false,
        reason: '本人全員に通知済みのため',
        text: null,
        publishedOn: null,
        response: null,
        recordedAt: null,
      },
    });
    const text = Object.fromEntries(items.map((i) => [i.item, i.text]));
    expect(text['本人への対応の実施状況']).toBe('代替措置：連絡先が不明のため、ウェブサイトで公表した');
    expect(text['公表の実施状況']).toBe('公表しない（理由：本人全員に通知済みのため）');
  });
});
