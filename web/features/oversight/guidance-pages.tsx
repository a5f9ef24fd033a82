import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { GuidanceView } from '../../../shared/api/oversight.ts';
import { useDates } from '../../app/preferences.tsx';
import { Page, Section } from '../../ui/page.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { TermItem } from '../../ui/term-list.tsx';
import { DocumentLink } from './bits.tsx';
import { GuidanceForm } from './guidance-form.tsx';
import { useGuidance, useGuidanceList } from './queries.ts';

const crumbs = (t: (k: string) => string, last?: string) => [
  { label: t('oversight.hub.title'), to: '/oversight' },
  last
    ? { label: t('oversight.guidance.title'), to: '/oversight/guidance' }
    : { label: t('oversight.guidance.title') },
  ...(last ? [{ label: last }] : []),
];

function GuidanceTable({ rows }: { rows: GuidanceView[] }) {
  const { t } = useTranslation();
  const dates = useDates();
  const k = 'oversight.guidance';
  const sorted = [...rows].sort(
    (a, b) => b.receivedOn.localeCompare(a.receivedOn) || b.id.localeCompare(a.id),
  );
  if (sorted.length === 0) return <p className="text-ink-muted">{t(`${k}.none`)}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="data-table">
        <caption className="sr-only">{t(`${k}.caption`)}</caption>
        <thead>
          <tr>
            <th scope="col">{t(`${k}.receivedOn`)}</th>
            <th scope="col">{t(`${k}.ministry`)}</th>
            <th scope="col">{t(`${k}.subject`)}</th>
            <th scope="col">{t(`${k}.response`)}</th>
            <th scope="col">{t(`${k}.document`)}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((g) => (
            <tr key={g.id}>
              <td>{dates.date(g.receivedOn)}</td>
              <td>{g.ministry}</td>
              <th scope="row">
                <Link to={`/oversight/guidance/${g.id}`}>{g.subject}</Link>
              </th>
              <td>{g.response ? t(`${k}.responded`) : t(`${k}.noResponse`)}</td>
              <td>{g.document ? <DocumentLink href={g.document.path} name={g.document.fileName} /> : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** /oversight/guidance: guidance received from ministries (A39), and a form to record one. */
export function GuidanceListPage() {
  const { t } = useTranslation();
  const list = useGuidanceList();
  return (
    <Page
      title={t('oversight.guidance.title')}
      crumbs={crumbs(t)}
      lead={<p>{t('oversight.guidance.lead')}</p>}
    >
      <QueryState query={list}>
        {(l) => (
          <>
            <Section title={t('oversight.guidance.list')}>
              <GuidanceTable rows={l.guidance} />
            </Section>
            {l.canEdit && (
              <Section title={t('oversight.guidance.new')}>
                <GuidanceForm />
              </Section>
            )}
          </>
        )}
      </QueryState>
    </Page>
  );
}

function GuidanceDetail({ guidance: g }: { guidance: GuidanceView }) {
  const { t } = useTranslation();
  const dates = useDates();
  const k = 'oversight.guidance';
  return (
    <>
      <dl className="max-w-4xl">
        <TermItem term={t(`${k}.receivedOn`)}>{dates.date(g.receivedOn)}</TermItem>
        <TermItem term={t(`${k}.ministry`)}>{g.ministry}</TermItem>
        <TermItem term={t(`${k}.summary`)}>{g.summary}</TermItem>
        <TermItem term={t(`${k}.response`)}>{g.response ?? t(`${k}.noResponse`)}</TermItem>
        <TermItem term={t(`${k}.document`)}>
          {g.document ? (
            <DocumentLink href={g.document.path} name={g.document.fileName} />
          ) : (
            t(`${k}.noDocument`)
          )}
        </TermItem>
        <TermItem term={t(`${k}.recordedBy`)}>
          {`${g.recordedBy?.name ?? '—'}（${dates.dateTime(g.createdAt)}）`}
        </TermItem>
      </dl>
      {g.canEdit && (
        <Section title={t(`${k}.edit`)}>
          <GuidanceForm guidance={g} />
        </Section>
      )}
    </>
  );
}

/** /oversight/guidance/:id: one piece of guidance (A39), its document and what was done. */
export function GuidancePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const guidance = useGuidance(id);
  const title = guidance.data?.subject ?? t('oversight.guidance.one');
  return (
    <Page title={title} crumbs={crumbs(t, title)}>
      <QueryState query={guidance}>{(g) => <GuidanceDetail guidance={g} />}</QueryState>
    </Page>
  );
}
