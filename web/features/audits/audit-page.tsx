import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AuditView } from '../../../shared/api/audits.ts';
import { useDates } from '../../app/preferences.tsx';
import { FormErrors } from '../../ui/form-errors.tsx';
import { Page, Section } from '../../ui/page.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { ChecklistSection } from './checklist-section.tsx';
import { FindingsSection } from './findings-section.tsx';
import { Item, Saved, StatusBadge, articleRuns } from './labels.tsx';
import { useAudit, useStartAudit } from './queries.ts';
import { ReportSection } from './report-section.tsx';

/** 監査計画: the plan as decided (A36: kind, scope of units and articles, period, dates). */
function PlanSummary({ audit }: { audit: AuditView }) {
  const { t, i18n } = useTranslation();
  const dates = useDates();
  const range = (from: string, to: string) =>
    t('audits.list.range', { from: dates.date(from), to: dates.date(to) });
  return (
    <Section
      title={t('audits.detail.summary')}
      actions={
        audit.can.edit && (
          <Link to={`/audits/${audit.id}/edit`} className="btn-secondary btn-sm">
            {t('audits.detail.edit')}
          </Link>
        )
      }
    >
      <dl className="max-w-4xl">
        <Item term={t('audits.detail.status')}>
          <StatusBadge status={audit.status} />
        </Item>
        <Item term={t('audits.detail.kind')}>{t(`audits.kinds.${audit.kind}`)}</Item>
        {audit.external && (
          <Item term={t('audits.detail.external')}>
            {`${audit.external.organisation} ${audit.external.name}\n${audit.external.contact}`}
          </Item>
        )}
        <Item term={t('audits.detail.units')}>
          {audit.unitNames === null ? t('audits.allUnits') : audit.unitNames.join('・')}
        </Item>
        <Item term={t('audits.detail.articles')}>{articleRuns(audit.articles, i18n.language === 'en')}</Item>
        <Item term={t('audits.detail.period')}>{range(audit.periodFrom, audit.periodTo)}</Item>
        <Item term={t('audits.detail.planned')}>{range(audit.plannedStart, audit.plannedEnd)}</Item>
        {audit.startedAt && (
          <Item term={t('audits.detail.startedAt')}>{dates.dateTime(audit.startedAt)}</Item>
        )}
        {audit.reportedAt && (
          <Item term={t('audits.detail.reportedAt')}>{dates.dateTime(audit.reportedAt)}</Item>
        )}
        {audit.note && <Item term={t('audits.detail.note')}>{audit.note}</Item>}
      </dl>
    </Section>
  );
}

/** 「監査を開始する」: planned → in progress; the server makes the checklist from the articles. */
function StartAudit({ audit }: { audit: AuditView }) {
  const { t } = useTranslation();
  const start = useStartAudit(audit.id);
  return (
    <>
      <Saved show={start.isSuccess} text={t('audits.detail.started')} />
      {audit.can.start && (
        <div className="my-6 rounded-xl border-2 border-primary bg-primary-soft p-4">
          <p className="mb-3 max-w-3xl">{t('audits.detail.startLead')}</p>
          <FormErrors errors={{}} serverError={start.error} />
          <button
            type="button"
            className="btn-primary"
            disabled={start.isPending}
            onClick={() => start.mutate()}
          >
            {t('audits.detail.start')}
          </button>
        </div>
      )}
    </>
  );
}

/** /audits/:id: one audit from plan to report (A36). */
export function AuditPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const audit = useAudit(id);
  const title = audit.data
    ? `${t('audits.detail.title', { number: audit.data.number })} ${audit.data.title}`
    : t('audits.list.title');
  return (
    <Page
      title={title}
      crumbs={[{ label: t('audits.detail.crumb'), to: '/audits' }, { label: audit.data?.number ?? '' }]}
    >
      <QueryState query={audit}>
        {(view) => (
          <>
            <PlanSummary audit={view} />
            <StartAudit audit={view} />
            {view.status !== 'planned' && <ChecklistSection audit={view} />}
            {view.status !== 'planned' && <FindingsSection audit={view} />}
            <ReportSection audit={view} />
          </>
        )}
      </QueryState>
    </Page>
  );
}
