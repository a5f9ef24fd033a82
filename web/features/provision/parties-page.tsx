import { Form, Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  PARTY_KINDS,
  type PartyKind,
  type PartyListQuery,
  type PartySummaryView,
} from '../../../shared/api/provision-parties.ts';
import { useDates } from '../../app/preferences.tsx';
import { Page } from '../../ui/page.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { Badge } from '../../ui/badge.tsx';
import { CheckStateBadge } from './bits.tsx';
import { useParties } from './queries.ts';

const STATES = ['active', 'retired', 'all'] as const;

/** The filters, kept in the URL (a GET form), so that a filtered list can be bookmarked. */
function Filters({ query }: { query: PartyListQuery }) {
  const { t } = useTranslation();
  return (
    <Form
      method="get"
      className="card mb-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-4"
      aria-label={t('provision.parties.filters')}
    >
      <div>
        <label htmlFor="pf-kind" className="label mb-1 block">
          {t('provision.parties.kind')}
        </label>
        <select id="pf-kind" name="kind" className="input" defaultValue={query.kind ?? ''}>
          <option value="">{t('provision.parties.allKinds')}</option>
          {PARTY_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`provision.partyKinds.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="pf-q" className="label mb-1 block">
          {t('provision.parties.q')}
        </label>
        <input id="pf-q" name="q" className="input" defaultValue={query.q ?? ''} />
      </div>
      <div>
        <label htmlFor="pf-contractor" className="label mb-1 block">
          {t('provision.parties.contractor')}
        </label>
        <select id="pf-contractor" name="contractor" className="input" defaultValue={query.contractor ?? ''}>
          <option value="">{t('provision.parties.contractorAny')}</option>
          <option value="true">{t('provision.parties.contractorOnly')}</option>
          <option value="false">{t('provision.parties.notContractor')}</option>
        </select>
      </div>
      <div>
        <label htmlFor="pf-state" className="label mb-1 block">
          {t('provision.parties.state')}
        </label>
        <select id="pf-state" name="state" className="input" defaultValue={query.state ?? 'active'}>
          {STATES.map((s) => (
            <option key={s} value={s}>
              {t(`provision.parties.states.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="flex items-center gap-3 sm:col-span-2 lg:col-span-3">
        <input
          id="pf-overdue"
          type="checkbox"
          name="overdue"
          value="true"
          className="size-6 accent-primary"
          defaultChecked={query.overdue === 'true'}
        />
        <label htmlFor="pf-overdue" className="label">
          {t('provision.parties.overdueOnly')}
        </label>
      </div>
      <div className="flex items-end">
        <button type="submit" className="btn-secondary">
          {t('provision.parties.apply')}
        </button>
      </div>
    </Form>
  );
}

function PartiesTable({ parties }: { parties: PartySummaryView[] }) {
  const { t } = useTranslation();
  const dates = useDates();
  return (
    <div className="overflow-x-auto">
      <table className="data-table">
        <caption className="sr-only">{t('provision.parties.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('provision.parties.col.name')}</th>
            <th scope="col">{t('provision.parties.col.kind')}</th>
            <th scope="col">{t('provision.parties.col.corporateNumber')}</th>
            <th scope="col">{t('provision.parties.col.contractor')}</th>
            <th scope="col">{t('provision.parties.col.check')}</th>
          </tr>
        </thead>
        <tbody>
          {parties.map((p) => (
            <tr key={p.id}>
              <th scope="row">
                <Link to={`/provision/parties/${p.id}`}>{p.name}</Link>
                {!p.active && (
                  <span className="ml-2">
                    <Badge tone="plain">{t('provision.parties.retired')}</Badge>
                  </span>
                )}
              </th>
              <td>
                {t(`provision.partyKinds.${p.kind}`)}
                {p.isPublicBody && (
                  <span className="block text-sm text-ink-muted">{t('provision.publicBody')}</span>
                )}
              </td>
              <td className="font-mono">{p.corporateNumber ?? t('provision.none')}</td>
              <td>{p.contractor ? t('provision.yes') : t('provision.no')}</td>
              <td className="min-w-48">
                <CheckStateBadge state={p.checkState} />
                {p.lastCheckedOn && p.lastResult && (
                  <span className="mt-1 block text-sm">
                    {t('provision.parties.lastChecked', {
                      date: dates.date(p.lastCheckedOn),
                      result: t(`provision.checkResults.${p.lastResult}`),
                    })}
                  </span>
                )}
                {p.nextCheckDueOn && (
                  <span className="block text-sm">
                    {t('provision.parties.nextDue', { date: dates.date(p.nextCheckDueOn) })}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** /provision/parties: the register of outside parties (A18, A19), with filters. */
export function PartiesPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const kind = params.get('kind');
  const flag = (name: string) => {
    const v = params.get(name);
    return v === 'true' || v === 'false' ? v : undefined;
  };
  const state = params.get('state');
  const query: PartyListQuery = {
    kind: kind && (PARTY_KINDS as readonly string[]).includes(kind) ? (kind as PartyKind) : undefined,
    q: params.get('q')?.trim() || undefined,
    contractor: flag('contractor'),
    overdue: flag('overdue'),
    state: state === 'retired' || state === 'all' ? state : 'active',
  };
  const list = useParties(query);
  return (
    <Page
      title={t('provision.parties.title')}
      crumbs={[
        { label: t('provision.hub.title'), to: '/provision' },
        { label: t('provision.parties.title') },
      ]}
      lead={<p>{t('provision.parties.lead')}</p>}
      actions={
        list.data?.canEdit && (
          <Link to="/provision/parties/new" className="btn-primary">
            {t('provision.parties.new')}
          </Link>
        )
      }
    >
      <Filters key={params.toString()} query={query} />
      <QueryState query={list}>
        {({ parties }) =>
          parties.length === 0 ? (
            <p role="status" className="card">
              {t('provision.parties.empty')}
            </p>
          ) : (
            <PartiesTable parties={parties} />
          )
        }
      </QueryState>
    </Page>
  );
}
