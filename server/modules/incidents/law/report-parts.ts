import type { Part, Row } from '../../../platform/pdf/report.ts';
import type { IncidentView } from '../../../../shared/api/incidents.ts';
import { STEP_ARTICLE } from './chain.ts';
import {
  ACTION_JA,
  ACTOR_JA,
  DEADLINE_JA,
  jaDate,
  jaDateTime,
  jaPersons,
  LINK_KIND_JA,
  NOTICE_METHOD_JA,
  PPC_CASE_JA,
  STEP_JA,
  STEP_STATUS_JA,
  TIMELINE_JA,
  UNKNOWN,
} from './labels.ts';

/**
 * What the internal report (事案報告書, report.pdf.ts) states, part by part, in the order of the
 * chain's work: the report (A34-1), the investigation (A34-3, -5), the law's decision and due dates
 * (法68①), the chain's steps (A34-3, -4, -6, -7, A35-2), the containment (A34-2) and the timeline,
 * the links, the notice (法68②), the publication (A35), the measures (A34-5) and the closing.
 * Pure: the words apart from the drawing (checked through the PDF in report.pdf.test.ts).
 */

const yesNo = (b: boolean) => (b ? 'はい' : 'いいえ');
const or = (t: string | null | undefined, none = '－') => (t && t.trim() ? t : none);
const when = (iso: string | null | undefined) => (iso ? jaDateTime(iso) : '－');

/** The parts of the report, in the order of the chain's work (pure: tested through the PDF). */
export function reportParts(v: IncidentView): Part[] {
  const f = v.facts;
  const measureText = new Map(v.measures.map((m) => [m.id, m.text]));
  const decision =
    v.ppc.required === null
      ? '未確定（本人の数を調査中）'
      : v.ppc.required
        ? '報告義務あり（法第68条第1項）'
        : '報告義務なし';
  const publication = v.publication;
  return [
    {
      heading: '事案の概要（第34条第1項）',
      rows: [
        ['事案番号', v.number],
        ['状態', v.status === 'closed' ? '終結' : '対応中'],
        ['概要', v.summary],
        ['担当', `${v.unitName}\u3000${v.sectionName}`],
        ['知った日時', jaDateTime(v.awareAt)],
        ['報告日時', jaDateTime(v.reportedAt)],
        ['報告者', v.reportedByName],
        ['関係するシステム・媒体等', or(v.systems)],
        ['報告時までの対応', or(v.actionsTaken)],
        ['特に重大な事案', yesNo(f.serious)],
        [
          '次の対応',
          v.nextActions.length
            ? v.nextActions
                .map(
                  (a) =>
                    `${ACTION_JA[a.action] ?? a.action}：${ACTOR_JA[a.actor]}` +
                    `${a.actorNames.length ? `（${a.actorNames.join('、')}）` : ''}` +
                    `${a.due ? `\u3000期限 ${jaDate(a.due)}` : ''}`,
                )
                .join('\n')
            : '－',
        ],
      ],
    },
    {
      heading: '調査の結果（第34条第3項・第5項）',
      rows: [
        ['原因', or(f.cause, UNKNOWN)],
        ['被害の状況', or(f.damage, UNKNOWN)],
        ['保有個人情報の項目', or(f.items, UNKNOWN)],
        ['本人の数', f.personsCount === null ? UNKNOWN : jaPersons(f.personsCount)],
        [
          '要配慮個人情報',
          yesNo(f.sensitive) + (f.sensitive && f.strongEncryption ? '（高度な暗号化あり）' : ''),
        ],
        ['財産的被害のおそれ', yesNo(f.financialRisk)],
        ['不正の目的のおそれ', yesNo(f.wrongfulPurpose)],
        ['個人番号（マイナンバー）', yesNo(f.myNumber)],
        ['二次被害又はそのおそれ', or(f.secondaryDamage, UNKNOWN)],
        ['調査結果の更新日時', when(f.updatedAt)],
      ],
    },
    {
      heading: '個人情報保護委員会への報告（法第68条第1項）',
      rows: [
        ['判定', decision],
        ['該当する事態', v.ppc.cases.length ? v.ppc.cases.map((c) => PPC_CASE_JA[c]).join('\n') : '－'],
        ['番号法に基づく報告', v.ppc.myNumber ? '対象（第34条第7項）' : '対象外'],
        ...v.deadlines.map((d): Row => {
          const what =
            d.what === 'internal' && d.ref
              ? `${DEADLINE_JA.internal}：${STEP_JA[d.ref as keyof typeof STEP_JA] ?? d.ref}`
              : d.what === 'measure' && d.ref
                ? `${DEADLINE_JA.measure}：${measureText.get(d.ref) ?? ''}`
                : DEADLINE_JA[d.what];
          return [what, `${jaDate(d.due)}\u3000${d.met ? '済' : d.overdue ? '期限超過' : '未了'}`];
        }),
      ],
    },
    {
      heading: '報告の経路（第34条第3項・第4項・第6項・第7項、第35条第2項）',
      header: ['段階', '担当', '状態', '日時', '記録者', '報告先', '記事'],
      units: [20, 10, 9, 13, 9, 14, 20],
      grid: v.steps.map((s) => [
        `${STEP_JA[s.step]}（${STEP_ARTICLE[s.step]}）`,
        ACTOR_JA[s.actor],
        STEP_STATUS_JA[s.status],
        when(s.at),
        or(s.byName),
        or(s.to),
        or(s.note),
      ]),
      empty: '－',
    },
    {
      heading: '被害拡大防止の措置（第34条第2項）',
      header: ['日時', '措置', '記録者'],
      units: [19, 62, 19],
      grid: v.timeline
        .filter((e) => e.kind === 'containment')
        .map((e) => [jaDateTime(e.at), or(e.text), or(e.byName)]),
      empty: '記録なし',
    },
    {
      heading: '経過',
      header: ['日時', '内容', '記録者', '記事', '記録日時'],
      units: [19, 19, 12, 31, 19],
      grid: v.timeline.map((e) => {
        const step = typeof e.data.step === 'string' ? STEP_JA[e.data.step as keyof typeof STEP_JA] : '';
        return [
          jaDateTime(e.at),
          step ? `${TIMELINE_JA[e.kind]}：${step}` : TIMELINE_JA[e.kind],
          or(e.byName),
          or(e.text),
          jaDateTime(e.recordedAt),
        ];
      }),
      empty: '記録なし',
    },
    {
      heading: '関連する記録（影響の範囲）',
      header: ['種類', '対象'],
      units: [25, 75],
      grid: v.links.map((l) => [LINK_KIND_JA[l.kind], l.label]),
      empty: '関連付けなし',
    },
    {
      heading: '本人への通知（法第68条第2項）',
      rows: v.notice
        ? [
            ['通知日', v.notice.notifiedOn ? jaDate(v.notice.notifiedOn) : '－'],
            ['方法', v.notice.method ? NOTICE_METHOD_JA[v.notice.method] : '－'],
            ['人数', v.notice.count === null ? '－' : jaPersons(v.notice.count)],
            ['代替措置', or(v.notice.substitute)],
            ['記事', or(v.notice.note)],
            ['記録日時', when(v.notice.recordedAt)],
          ]
        : [['状況', '未記録']],
    },
    {
      heading: '公表等（第35条）',
      rows: publication
        ? [
            ['判断', publication.publish ? '公表する' : '公表しない'],
            ['理由', or(publication.reason)],
            ['公表日', publication.publishedOn ? jaDate(publication.publishedOn) : '－'],
            ['公表文', or(publication.text)],
            ['本人への対応等', or(publication.response)],
            ['記録日時', when(publication.recordedAt)],
          ]
        : [['判断', '未決定']],
    },
    {
      heading: '再発防止策（第34条第5項）',
      header: ['内容', '担当者', '期限', '完了', '記事'],
      units: [33, 12, 15, 18, 22],
      grid: v.measures.map((m) => [
        m.text,
        m.ownerName,
        jaDate(m.due),
        m.doneAt ? `${jaDateTime(m.doneAt)}\n${or(m.doneByName, '')}` : m.overdue ? '期限超過' : '未完了',
        or(m.note),
      ]),
      empty: '未登録',
    },
    ...(v.status === 'closed'
      ? [
          {
            heading: '終結',
            rows: [['終結日時', when(v.closedAt)] as Row, ['総括', or(v.closeSummary)] as Row],
          },
        ]
      : []),
  ];
}
