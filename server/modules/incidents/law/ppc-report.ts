import type { IncidentView } from '../../../../shared/api/incidents.ts';

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
  throw new Error(`not yet: ${v.number}`);
}
