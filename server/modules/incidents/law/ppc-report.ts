import type { IncidentView } from '../../../../shared/api/incidents.ts';
import { jstDate } from './deadlines.ts';
import { jaDate, jaDateTime, jaPersons, NOTICE_METHOD_JA, PPC_CASE_JA, UNKNOWN } from './labels.ts';

/**
 * The report to the 個人情報保護委員会 in the items of its form (規則44; law-2022.md "Report
 * contents"), made from what Mamori holds, for copying into the PPC's web form: 概要,
 * 漏えい等が発生し、又は発生したおそれがある保有個人情報の項目, 本人の数, 原因, 二次被害又はそのおそれの有無及びその内容,
 * 本人への対応の実施状況, 公表の実施状況, 再発防止のための措置, その他参考となる事項.
 * A missing fact reads 「（調査中）」, never an empty string.
 */
export function ppcReportItems(
  v: Pick<
    IncidentView,
    | 'number'
    | 'summary'
    | 'awareAt'
    | 'facts'
    | 'notice'
    | 'publication'
    | 'measures'
    | 'ppc'
    | 'unitName'
    | 'sectionName'
  >,
): { item: string; text: string }[] {
  const f = v.facts;
  const or = (t: string | null | undefined) => (t && t.trim() ? t.trim() : UNKNOWN);
  const lines = (...ls: (string | null | false)[]) => ls.filter(Boolean).join('\n');

  const scope = f.items?.trim()
    ? lines(
        f.items.trim(),
        f.sensitive &&
          (f.strongEncryption
            ? '要配慮個人情報を含む（高度な暗号化その他の保護措置あり）'
            : '要配慮個人情報を含む'),
        f.myNumber && '個人番号（マイナンバー）を含む',
      )
    : UNKNOWN;

  return [
    {
      item: '概要',
      text: lines(
        v.summary,
        `発生部署：${v.unitName}\u3000${v.sectionName}`,
        `知った日時：${jaDateTime(v.awareAt)}`,
        f.damage?.trim() ? `被害の状況：${f.damage.trim()}` : null,
      ),
    },
    { item: '漏えい等が発生し、又は発生したおそれがある保有個人情報の項目', text: scope },
    { item: '本人の数', text: f.personsCount === null ? UNKNOWN : jaPersons(f.personsCount) },
    { item: '原因', text: or(f.cause) },
    { item: '二次被害又はそのおそれの有無及びその内容', text: or(f.secondaryDamage) },
    { item: '本人への対応の実施状況', text: responseText(v) },
    { item: '公表の実施状況', text: publicationText(v) },
    { item: '再発防止のための措置', text: measuresText(v) },
    { item: 'その他参考となる事項', text: otherText(v) },
  ];
}

type ReportSource = Parameters<typeof ppcReportItems>[0];

/** 法68②: the notice (date, method, count) or its substitute, and A35-1's 本人への対応. */
function responseText(v: ReportSource): string {
  const n = v.notice;
  const parts: string[] = [];
  if (n?.notifiedOn) {
    const how = n.method ? `${NOTICE_METHOD_JA[n.method]}により` : '';
    const whom = n.count === null ? '' : `本人${jaPersons(n.count)}に`;
    parts.push(`${jaDate(n.notifiedOn)}、${how}${whom}通知した。`);
  }
  if (n?.substitute?.trim()) parts.push(`代替措置：${n.substitute.trim()}`);
  if (n?.note?.trim()) parts.push(n.note.trim());
  if (v.publication?.response?.trim()) parts.push(v.publication.response.trim());
  return parts.length ? parts.join('\n') : UNKNOWN;
}

/** A35-1: whether, when and what was published; or why not. */
function publicationText(v: ReportSource): string {
  const p = v.publication;
  if (!p) return UNKNOWN;
  if (!p.publish) return p.reason?.trim() ? `公表しない（理由：${p.reason.trim()}）` : '公表しない';
  const when = p.publishedOn ? `${jaDate(p.publishedOn)}に公表した。` : '公表する（公表日は未定）。';
  return p.text?.trim() ? `${when}\n${p.text.trim()}` : when;
}

/** A34-5: each measure with its due date and whether it is done. */
function measuresText(v: ReportSource): string {
  if (v.measures.length === 0) return UNKNOWN;
  return v.measures
    .map(
      (m) =>
        `・${m.text}（${m.doneAt ? `${jaDate(jstDate(m.doneAt))}完了` : `${jaDate(m.due)}までに実施予定`}）`,
    )
    .join('\n');
}

/** The cases of 規則43 that hold, the My Number report (番号法), and the incident's number. */
function otherText(v: ReportSource): string {
  return [
    `事案番号：${v.number}`,
    v.ppc.cases.length
      ? `報告対象となる事態：${v.ppc.cases.map((c) => PPC_CASE_JA[c]).join('、')}`
      : v.ppc.required === null
        ? '報告対象となる事態：本人の数を調査中'
        : null,
    v.ppc.myNumber ? '特定個人情報（個人番号）に係る事案のため、番号法に基づく報告を別途行う。' : null,
  ]
    .filter(Boolean)
    .join('\n');
}
