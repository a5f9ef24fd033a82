import { useTranslation } from 'react-i18next';
import type { FindingView, ReportSummaryView } from '../../../../shared/api/log-analysis.ts';
import { useDates } from '../../../app/preferences.tsx';

const STATE_CLASS = {
  signed: 'border-success bg-success-soft text-success',
  unsigned: 'border-line bg-surface-muted text-ink-strong',
  overdue: 'border-warning bg-warning-soft text-warning',
} as const;

export const stateOf = (r: ReportSummaryView) =>
  r.signedOffAt ? 'signed' : r.overdue ? 'overdue' : 'unsigned';

/** 確認済み / 未確認 / 確認期限超過, as a badge. */
export function ReportState({ report }: { report: ReportSummaryView }) {
  const { t } = useTranslation();
  const state = stateOf(report);
  return <span className={`badge ${STATE_CLASS[state]}`}>{t(`logAnalysis.state.${state}`)}</span>;
}

/** 東京工業高等専門学校 教務係, or the unit alone for a unit's report. */
export const scopeName = (r: Pick<ReportSummaryView, 'unitName' | 'sectionName'>) =>
  r.sectionName ? `${r.unitName} ${r.sectionName}` : r.unitName;

/** The period as Tokyo days, both included (the stored end is the next midnight). */
export function usePeriod() {
  const dates = useDates();
  return (r: Pick<ReportSummaryView, 'periodFrom' | 'periodTo'>) =>
    `${dates.date(r.periodFrom)} 〜 ${dates.date(new Date(Date.parse(r.periodTo) - 1).toISOString())}`;
}

/** What a finding counts, in words. */
export function FindingDetail({ finding }: { finding: FindingView }) {
  const { t } = useTranslation();
  return <>{t(`logAnalysis.detail.${finding.rule}`, { count: finding.count, ...finding.detail })}</>;
}
