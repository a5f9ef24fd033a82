import { Link, useLocation, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { IncidentSummaryView } from '../../../shared/api/incidents.ts';
import { useDates } from '../../app/preferences.tsx';
import { Page } from '../../ui/page.tsx';
import { LinkTabs } from '../../ui/link-tabs.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { ActorLine, Deadline, PpcBadge, useActionLabel } from './labels.tsx';
import { useIncidents, type IncidentState } from './queries.ts';

const STATES: IncidentState[] = ['open', 'closed', 'all'];
/** The board names the first few actions; the incident's page lists them all. */
const SHOWN = 2;

function Tabs({ current }: { current: IncidentState }) {
  const { t } = useTranslation();
  const tabs = STATES.map((s) => ({
    key: s,
    to: `/incidents?state=${s}`,
    label: t(`incidents.board.tabs.${s}`),
  }));
  return <LinkTabs label={t('incidents.board.tabsLabel')} tabs={tabs} current={current} />;
}

function Board({ state, incidents }: { state: IncidentState; incidents: IncidentSummaryView[] }) {
  const { t } = useTranslation();
  const dates = useDates();
  const actionLabel = useActionLabel();
  return (
    <div className="overflow-x-auto">
      <table className="data-table">
        <caption className="sr-only">{t(`incidents.board.caption.${state}`)}</caption>
        <thead>
          <tr>
            <th scope="col">{t('incidents.col.number')}</th>
            <th scope="col">{t('incidents.col.summaryAndSection')}</th>
            <th scope="col">{t('incidents.col.awareAt')}</th>
            <th scope="col">{t('incidents.col.nextDeadline')}</th>
            <th scope="col">{t('incidents.col.next')}</th>
            <th scope="col">{t('incidents.col.ppcShort')}</th>
          </tr>
        </thead>
        <tbody>
          {incidents.map((i) => (
            <tr key={i.id} className={i.mine ? 'bg-warning-soft' : undefined}>
              <th scope="row" className="whitespace-nowrap">
                <Link to={`/incidents/${i.id}`} className="font-mono">
                  {i.number}
                </Link>
                {i.status === 'closed' && (
                  <span className="badge mt-1 block w-fit border-line text-ink-muted">
                    {t('incidents.status.closed')}
                  </span>
                )}
                {i.serious && (
                  <span className="badge mt-1 block w-fit border-error text-error">
                    {t('incidents.serious')}
                  </span>
                )}
              </th>
              <td className="min-w-40">
                {i.summary}
                <span className="mt-1 block text-sm text-ink-muted">
                  {`${i.unitName} ${i.sectionName}`.trim()}
                </span>
              </td>
              <td className="min-w-32">{dates.dateTime(i.awareAt)}</td>
              <td className="min-w-40">
                {i.nextDeadline ? <Deadline deadline={i.nextDeadline} /> : t('incidents.deadline.none')}
              </td>
              <td className="min-w-48">
                {i.nextActions.length === 0 ? (
                  '－'
                ) : (
                  <ul className="grid gap-2">
                    {i.nextActions.slice(0, SHOWN).map((a, n) => (
                      <li key={`${a.action}-${n}`}>
                        <span className="block font-bold">{actionLabel(a.action)}</span>
                        <ActorLine action={a} />
                      </li>
                    ))}
                    {i.nextActions.length > SHOWN && (
                      <li className="text-sm">
                        {t('incidents.board.more', { count: i.nextActions.length - SHOWN })}
                      </li>
                    )}
                  </ul>
                )}
                {i.mine && <span className="badge mt-1 border-warning">{t('incidents.board.mine')}</span>}
              </td>
              <td>
                <PpcBadge ppc={i.ppc} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** /incidents: the board of incidents, nearest deadline first (法68①'s 速報・確報, A34's 速やかに). */
export function BoardPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const { pathname } = useLocation();
  const asked = params.get('state') as IncidentState | null;
  const state: IncidentState = asked && STATES.includes(asked) ? asked : 'open';
  const list = useIncidents(state);
  return (
    <Page
      title={t('incidents.board.title')}
      lead={<p>{t('incidents.board.lead')}</p>}
      actions={
        <>
          <Link to={`/incidents/report?from=${encodeURIComponent(pathname)}`} className="btn-primary">
            {t('incidents.reportButton')}
          </Link>
          {list.data?.canConfigure && (
            <Link to="/incidents/settings" className="btn-secondary">
              {t('incidents.settings.menu')}
            </Link>
          )}
        </>
      }
    >
      <Tabs current={state} />
      <h2 className="sr-only">{t(`incidents.board.tabs.${state}`)}</h2>
      <QueryState query={list}>
        {({ incidents }) =>
          incidents.length === 0 ? (
            <p role="status" className="card">
              {t(`incidents.board.empty.${state}`)}
            </p>
          ) : (
            <Board state={state} incidents={incidents} />
          )
        }
      </QueryState>
    </Page>
  );
}
