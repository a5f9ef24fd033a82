import { useTranslation } from 'react-i18next';
import { usePreferences } from '../../../app/preferences.tsx';
import type { InspectionResult, InspectionStatus } from '../../../../shared/api/oversight.ts';
import { Badge, type Tone } from '../../../ui/badge.tsx';

/** Labels of the inspection (A37) and evaluation (A38) pages: results and states in words. */

const RESULT_TONE: Record<InspectionResult, Tone> = { ok: 'good', issue: 'bad', not_applicable: 'plain' };
/** 適 / 要改善 / 該当なし. */
export function ResultBadge({ result }: { result: InspectionResult }) {
  const { t } = useTranslation();
  return <Badge tone={RESULT_TONE[result]}>{t(`reviews.results.${result}`)}</Badge>;
}

const STATUS_TONE: Record<InspectionStatus, Tone> = { draft: 'info', completed: 'plain', reported: 'good' };
/** 作成中 / 完了 / 報告済. */
export function InspectionStatusBadge({ status }: { status: InspectionStatus }) {
  const { t } = useTranslation();
  return <Badge tone={STATUS_TONE[status]}>{t(`reviews.statuses.${status}`)}</Badge>;
}

/** 「期限超過」 in words beside a date (never colour alone). */
export function OverdueBadge() {
  const { t } = useTranslation();
  return <Badge tone="bad">{t('reviews.schedules.overdue')}</Badge>;
}

/** The crumbs every page of this part starts with: 点検・評価・委員会 (the /oversight hub). */
export function useHubCrumb() {
  const { t } = useTranslation();
  return { label: t('reviews.hub'), to: '/oversight' };
}

/** 「令和8年度」 or 「2026年度」 by the user's calendar (a fiscal year runs from 1 April; 令和 from 2019). */
export function useFiscalYear() {
  const { t } = useTranslation();
  const { calendar } = usePreferences();
  return (year: number): string =>
    calendar === 'japanese' && year >= 2019
      ? t('reviews.evaluation.fiscalYearJapanese', { year: year - 2018 })
      : t('reviews.evaluation.fiscalYearValue', { year });
}
