import type { Part, Row } from '../../platform/pdf/report.ts';
import type { AuditView } from '../../../shared/api/audits.ts';

/**
 * What the audit report (監査報告書, report.pdf.ts) states, part by part (A36): the plan, the scope,
 * the checklist with answers and evidence, the findings with their corrective actions, the
 * deliveries to the 総括保護管理者. Pure: the words apart from the drawing.
 */

const KIND_JA = { regular: '定期監査', ad_hoc: '随時監査', external: '外部監査' } as const;
const ANSWER_JA = {
  conforms: '適合',
  partly: '一部適合',
  does_not: '不適合',
  not_applicable: '該当なし',
} as const;
const SEVERITY_JA = { low: '低', medium: '中', high: '高' } as const;
const EVIDENCE_JA: Record<string, string> = {
  log_analysis: 'ログ分析',
  grant_review: '権限の見直し',
  training: '研修',
  incident: '事案',
  register_entry: '個人情報ファイル簿',
  contract: '委託契約',
  provision: '提供',
  inspection: '点検',
  committee_meeting: '委員会',
};

const FMT = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
/** An instant as Tokyo time (2026年11月30日 09:30 style, by Intl's ja-JP). */
export const jaDateTime = (iso: string) => FMT.format(new Date(iso));
const or = (t: string | null | undefined, none = '－') => (t && t.trim() ? t : none);

/** Articles as ranges: [3,4,5,10] → 第3条〜第5条、第10条. */
export function articleRanges(articles: number[]): string {
  const out: string[] = [];
  let i = 0;
  while (i < articles.length) {
    let j = i;
    while (j + 1 < articles.length && articles[j + 1] === articles[j]! + 1) j++;
    out.push(i === j ? `第${articles[i]}条` : `第${articles[i]}条〜第${articles[j]}条`);
    i = j + 1;
  }
  return out.join('、');
}

export function reportParts(v: AuditView): Part[] {
  const featureOf = new Map(v.checklist.map((i) => [i.id, i.featureId]));
  return [
    {
      heading: '1. 監査計画',
      rows: [
        ['監査番号', v.number],
        ['件名', v.title],
        ['種別', KIND_JA[v.kind]],
        ...(v.external
          ? ([
              ['外部監査人', `${v.external.organisation} ${v.external.name}（${v.external.contact}）`],
            ] as Row[])
          : []),
        ['実施予定', `${v.plannedStart} 〜 ${v.plannedEnd}`],
        ['備考', or(v.note)],
      ],
    },
    {
      heading: '2. 監査の範囲',
      rows: [
        ['対象の学校等', v.unitNames ? v.unitNames.join('、') : '全学校等'],
        ['対象の条項', articleRanges(v.articles)],
        ['対象期間', `${v.periodFrom} 〜 ${v.periodTo}`],
      ],
    },
    {
      heading: '3. チェックリスト',
      header: ['項目', '確認事項', '結果', '所見・根拠'],
      units: [1.1, 4.2, 1.1, 4.6],
      empty: '項目はありません。',
      grid: v.checklist.map((i) => [
        i.featureId,
        i.question,
        i.answer ? ANSWER_JA[i.answer] : '未回答',
        [
          or(i.note, ''),
          ...i.evidence.map((e) => `［${EVIDENCE_JA[e.kind] ?? e.kind}］${e.label}`),
          ...i.documents.map((d) => `［資料］${d.name}`),
        ]
          .filter(Boolean)
          .join('\n') || '－',
      ]),
    },
    {
      heading: '4. 指摘事項と是正措置',
      header: ['項目', '重要度', '指摘事項', '是正措置', '担当・期限', '状況'],
      units: [1, 0.8, 3.4, 3.4, 2, 1.4],
      empty: '指摘事項はありません。',
      grid: v.findings.map((f) => [
        f.itemId ? (featureOf.get(f.itemId) ?? '－') : '－',
        SEVERITY_JA[f.severity],
        f.description,
        f.action,
        `${or(f.ownerName)}\n${f.due}`,
        f.status === 'done' ? (f.confirmedAt ? '完了（確認済）' : '完了') : '未完了',
      ]),
    },
    {
      heading: '5. 報告先',
      header: ['学校等', '総括保護管理者', '送付', '受領確認'],
      units: [3, 3, 2.5, 2.5],
      empty: '報告先はありません。',
      grid: v.deliveries.map((d) => [
        or(d.unitName),
        or(d.personName),
        jaDateTime(d.deliveredAt),
        d.acknowledgedAt ? jaDateTime(d.acknowledgedAt) : '未確認',
      ]),
    },
  ];
}
