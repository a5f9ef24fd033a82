import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InspectionView } from '../../../../shared/api/oversight.ts';
import { useDates } from '../../../app/preferences.tsx';
import { FormErrors } from '../../../ui/form-errors.tsx';
import { Section } from '../../../ui/page.tsx';
import { Badge } from '../../../ui/badge.tsx';
import { TermItem } from '../../../ui/term-list.tsx';
import { Saved } from './bits.tsx';
import { useAcknowledgeInspection, useCompleteInspection, useReportInspection } from './queries.ts';

/**
 * 点検を完了: the draft becomes the record; with 「総括保護管理者にも報告する」 it is reported at once (the
 * server reports anyway when an area is 要改善 or problems are written — A37 「必要に応じて」).
 */
export function CompleteSection({ inspection: i }: { inspection: InspectionView }) {
  const { t } = useTranslation();
  const complete = useCompleteInspection(i.id);
  const [report, setReport] = useState(false);
  if (!i.can.complete) return null;
  return (
    <Section title={t('reviews.detail.complete')}>
      <p className="mb-4 max-w-3xl">{t('reviews.detail.completeLead')}</p>
      <FormErrors errors={{}} serverError={complete.error} />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void complete.mutateAsync({ report }).catch(() => undefined);
        }}
      >
        <label className="mb-4 flex min-h-12 items-center gap-3">
          <input
            type="checkbox"
            className="size-6 accent-primary"
            checked={report}
            onChange={(e) => setReport(e.target.checked)}
          />
          {t('reviews.detail.reportNow')}
        </label>
        <button type="submit" className="btn-primary" disabled={complete.isPending}>
          {t('reviews.detail.completeSubmit')}
        </button>
      </form>
    </Section>
  );
}

/** 総括保護管理者への報告 (A37) and its receipt: who was told when, and who acknowledged it. */
export function ReportSection({ inspection: i }: { inspection: InspectionView }) {
  const { t } = useTranslation();
  const dates = useDates();
  const report = useReportInspection(i.id);
  const acknowledge = useAcknowledgeInspection(i.id);
  if (i.status === 'draft') return null;
  return (
    <Section title={t('reviews.detail.report')}>
      <Saved show={report.isSuccess} text={t('reviews.detail.reported')} />
      <Saved show={acknowledge.isSuccess} text={t('reviews.detail.acknowledged')} />
      <FormErrors errors={{}} serverError={report.error ?? acknowledge.error} />
      {i.status === 'completed' ? (
        <>
          <p className="mb-4">{t('reviews.detail.notReported')}</p>
          {i.can.report && (
            <>
              <p className="mb-4 max-w-3xl">{t('reviews.detail.reportLead')}</p>
              <button
                type="button"
                className="btn-primary"
                disabled={report.isPending}
                onClick={() => void report.mutateAsync(undefined).catch(() => undefined)}
              >
                {t('reviews.detail.reportSubmit')}
              </button>
            </>
          )}
        </>
      ) : (
        <dl className="max-w-4xl">
          <TermItem term={t('reviews.detail.reportedAt')}>{dates.dateTime(i.reportedAt)}</TermItem>
          <TermItem term={t('reviews.detail.reportedTo')}>
            {i.reportedTo.length > 0 ? i.reportedTo.map((p) => p.name).join('、') : t('reviews.none')}
          </TermItem>
          <TermItem term={t('reviews.detail.acknowledgement')}>
            {i.acknowledgedAt ? (
              <>
                <Badge tone="good">{t('reviews.list.ackDone')}</Badge>{' '}
                {t('reviews.detail.ackBy', {
                  date: dates.dateTime(i.acknowledgedAt),
                  name: i.acknowledgedBy?.name ?? '',
                })}
              </>
            ) : (
              <Badge tone="warn">{t('reviews.detail.ackWaiting')}</Badge>
            )}
          </TermItem>
        </dl>
      )}
      {i.can.acknowledge && !i.acknowledgedAt && (
        <button
          type="button"
          className="btn-primary mt-4"
          disabled={acknowledge.isPending}
          onClick={() => void acknowledge.mutateAsync(undefined).catch(() => undefined)}
        >
          {t('reviews.detail.acknowledge')}
        </button>
      )}
    </Section>
  );
}
