import { useTranslation } from 'react-i18next';
import type { AuditView } from '../../../shared/api/audits.ts';
import { ApiError } from '../../app/api.ts';
import { useDates } from '../../app/preferences.tsx';
import { Alert } from '../../ui/alert.tsx';
import { FormErrors } from '../../ui/form-errors.tsx';
import { Section } from '../../ui/page.tsx';
import { Badge } from '../../ui/badge.tsx';
import { Saved } from './labels.tsx';
import { reportPdfPath, useAcknowledge, useCloseAudit, useReport } from './queries.ts';

/** 「報告書を発行」: refused while items are unanswered, with the list of them (A36). */
function IssueReport({ audit, report }: { audit: AuditView; report: ReturnType<typeof useReport> }) {
  const { t, i18n } = useTranslation();
  const unanswered = audit.checklist.filter((i) => i.answer === null);
  const refused = report.error instanceof ApiError && report.error.code === 'audits.items_unanswered';
  return (
    <>
      <p className="mb-4 max-w-3xl">{t('audits.report.lead')}</p>
      <div role="alert">
        {refused && unanswered.length > 0 && (
          <Alert tone="error" title={t('audits.report.unansweredTitle', { count: unanswered.length })}>
            <ul className="mt-1 list-disc pl-6">
              {unanswered.map((i) => (
                <li key={i.id}>
                  <a href={`#item-${i.id}`}>
                    <span className="font-mono">{i.featureId}</span>{' '}
                    {i18n.language === 'en' ? i.questionEn : i.question}
                  </a>
                </li>
              ))}
            </ul>
          </Alert>
        )}
      </div>
      {!refused && <FormErrors errors={{}} serverError={report.error} />}
      <button
        type="button"
        className="btn-primary"
        disabled={report.isPending}
        onClick={() => report.mutate()}
      >
        {t('audits.report.issue')}
      </button>
    </>
  );
}

/** 送付先: each 総括保護管理者 of a unit in scope, when delivered and whether receipt is acknowledged. */
function Deliveries({ audit }: { audit: AuditView }) {
  const { t } = useTranslation();
  const dates = useDates();
  if (audit.deliveries.length === 0)
    return <p className="text-ink-muted">{t('audits.report.noDeliveries')}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="data-table">
        <caption className="sr-only">{t('audits.report.deliveriesCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('audits.report.unit')}</th>
            <th scope="col">{t('audits.report.recipient')}</th>
            <th scope="col">{t('audits.report.deliveredAt')}</th>
            <th scope="col">{t('audits.report.received')}</th>
          </tr>
        </thead>
        <tbody>
          {audit.deliveries.map((d) => (
            <tr key={`${d.unitId}-${d.personId}`}>
              <th scope="row">{d.unitName ?? ''}</th>
              <td>{d.personName ?? ''}</td>
              <td>{dates.dateTime(d.deliveredAt)}</td>
              <td>
                {d.acknowledgedAt ? (
                  <Badge tone="good">
                    {t('audits.report.acknowledged', { date: dates.dateTime(d.acknowledgedAt) })}
                  </Badge>
                ) : (
                  <Badge tone="warn">{t('audits.report.notAcknowledged')}</Badge>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** 報告 (A36): the report to each 総括保護管理者, its PDF, receipt, and closing the audit. */
export function ReportSection({ audit }: { audit: AuditView }) {
  const { t } = useTranslation();
  const report = useReport(audit.id);
  const acknowledge = useAcknowledge(audit.id);
  const close = useCloseAudit(audit.id);
  const reported = audit.status === 'reported' || audit.status === 'closed';
  if (!reported && !audit.can.report) return null;
  return (
    <Section title={t('audits.report.title')} id="report">
      <Saved show={report.isSuccess} text={t('audits.report.issued')} />
      {!reported && <IssueReport audit={audit} report={report} />}
      {reported && (
        <>
          {audit.can.readReport && (
            <p className="mb-4">
              <a href={reportPdfPath(audit.id)} className="btn-secondary">
                {t('audits.report.pdf')}
              </a>
            </p>
          )}
          <h3 className="mb-3 text-xl">{t('audits.report.deliveries')}</h3>
          <Deliveries audit={audit} />
          <Saved show={acknowledge.isSuccess} text={t('audits.report.acknowledgedNotice')} />
          <FormErrors errors={{}} serverError={acknowledge.error} />
          {audit.can.acknowledge && (
            <button
              type="button"
              className="btn-primary mt-4"
              disabled={acknowledge.isPending}
              onClick={() => acknowledge.mutate()}
            >
              {t('audits.report.acknowledge')}
            </button>
          )}
          <Saved show={close.isSuccess} text={t('audits.report.closed')} />
          {audit.can.close && (
            <div className="mt-6">
              <p className="mb-2 max-w-3xl">{t('audits.report.closeLead')}</p>
              <FormErrors errors={{}} serverError={close.error} />
              <button
                type="button"
                className="btn-secondary"
                disabled={close.isPending}
                onClick={() => close.mutate()}
              >
                {t('audits.report.close')}
              </button>
            </div>
          )}
        </>
      )}
    </Section>
  );
}
