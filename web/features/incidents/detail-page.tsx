import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { IncidentView } from '../../../shared/api/incidents.ts';
import { useDates } from '../../app/preferences.tsx';
import { Alert } from '../../ui/alert.tsx';
import { Page, Section } from '../../ui/page.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { FactsSection, ContainmentSection, PpcSection } from './facts-section.tsx';
import { Item } from './form-bits.tsx';
import { ActorLine, Deadline, PpcBadge, useActionLabel, useArticle } from './labels.tsx';
import { LinksSection } from './links-section.tsx';
import { CloseSection, MeasuresSection } from './measures-section.tsx';
import { NoticeSection, PublicationSection } from './notice-section.tsx';
import { PpcReportSection, TimelineSection } from './record-sections.tsx';
import { StepsSection } from './steps-section.tsx';
import { useIncident } from './queries.ts';

/** 「次に対応する人」: who must act next, on what, by when, under which article. */
function NextActions({ incident }: { incident: IncidentView }) {
  const { t } = useTranslation();
  const dates = useDates();
  const actionLabel = useActionLabel();
  const article = useArticle();
  if (incident.status === 'closed')
    return (
      <Alert
        tone="success"
        title={t('incidents.detail.closedTitle', { date: dates.dateTime(incident.closedAt) })}
      >
        {incident.closeSummary && <p className="whitespace-pre-wrap">{incident.closeSummary}</p>}
      </Alert>
    );
  return (
    <section
      aria-labelledby="next-actions"
      className="my-6 rounded-xl border-4 border-warning bg-warning-soft p-6"
    >
      <h2 id="next-actions" className="text-2xl">
        {t('incidents.next.title')}
      </h2>
      {incident.mine && <p className="mt-2 font-bold">{t('incidents.next.mine')}</p>}
      {incident.nextActions.length === 0 ? (
        <p className="mt-2">{t('incidents.next.none')}</p>
      ) : (
        <ul className="mt-3 grid gap-3">
          {incident.nextActions.map((a, n) => (
            <li key={`${a.action}-${n}`} className="rounded-lg bg-surface p-4">
              <p className="text-lg font-bold">{actionLabel(a.action)}</p>
              <p>
                <ActorLine action={a} />
              </p>
              <p className="text-sm">
                {a.due && (
                  <span className="mr-4">{t('incidents.deadline.by', { date: dates.date(a.due) })}</span>
                )}
                <span className="text-ink-muted">{article(a.article)}</span>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Header({ incident }: { incident: IncidentView }) {
  const { t } = useTranslation();
  const dates = useDates();
  return (
    <dl className="max-w-4xl">
      <Item term={t('incidents.col.summary')}>{incident.summary}</Item>
      <Item term={t('incidents.detail.status')}>
        {t(`incidents.status.${incident.status}`)}
        {incident.serious && (
          <span className="badge ml-2 border-error text-error">{t('incidents.serious')}</span>
        )}
      </Item>
      <Item term={t('incidents.col.section')}>{`${incident.unitName} ${incident.sectionName}`.trim()}</Item>
      <Item term={t('incidents.detail.reporter')}>{incident.reportedByName}</Item>
      <Item term={t('incidents.col.awareAt')}>{dates.dateTime(incident.awareAt)}</Item>
      <Item term={t('incidents.detail.reportedAt')}>{dates.dateTime(incident.reportedAt)}</Item>
      {incident.systems && <Item term={t('incidents.report.systems')}>{incident.systems}</Item>}
      {incident.actionsTaken && (
        <Item term={t('incidents.report.actionsTaken')}>{incident.actionsTaken}</Item>
      )}
      <Item term={t('incidents.col.ppc')}>
        <PpcBadge ppc={incident.ppc} />
      </Item>
    </dl>
  );
}

function Deadlines({ incident }: { incident: IncidentView }) {
  const { t } = useTranslation();
  if (incident.deadlines.length === 0) return null;
  return (
    <Section title={t('incidents.deadline.title')}>
      <ul className="grid gap-2">
        {incident.deadlines.map((d, n) => (
          <li key={`${d.what}-${d.ref ?? ''}-${n}`} className="card py-3">
            <Deadline deadline={d} />
          </li>
        ))}
      </ul>
    </Section>
  );
}

function Incident({ incident }: { incident: IncidentView }) {
  return (
    <>
      <Header incident={incident} />
      <NextActions incident={incident} />
      <Deadlines incident={incident} />
      <StepsSection incident={incident} />
      <ContainmentSection incident={incident} />
      <FactsSection incident={incident} />
      <PpcSection incident={incident} />
      <LinksSection incident={incident} />
      <PpcReportSection incident={incident} />
      <NoticeSection incident={incident} />
      <PublicationSection incident={incident} />
      <MeasuresSection incident={incident} />
      <CloseSection incident={incident} />
      <TimelineSection incident={incident} />
    </>
  );
}

/** /incidents/:id: one incident along the rule's chain (A34) and the law's track (法68). */
export function IncidentPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const incident = useIncident(id);
  const number = incident.data?.number;
  const title = number ? t('incidents.detail.title', { number }) : t('incidents.detail.titlePlain');
  return (
    <Page
      title={title}
      crumbs={[{ label: t('incidents.board.title'), to: '/incidents' }, { label: number ?? title }]}
      actions={
        incident.data && (
          <a href={`/api/incidents/${encodeURIComponent(id)}/report.pdf`} className="btn-secondary">
            {t('incidents.detail.pdf')}
          </a>
        )
      }
    >
      <QueryState query={incident}>{(v) => <Incident incident={v} />}</QueryState>
    </Page>
  );
}
