import { Form, Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CONTRACT_STATUSES, type ContractListQuery } from '../../../shared/api/provision-contracts.ts';
import { Page } from '../../ui/page.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { useParties } from './queries.ts';
import { useContracts } from './queries-contracts.ts';
import { ContractsTable } from './tables.tsx';

const STATUSES = ['open', ...CONTRACT_STATUSES, 'all'] as const;
type StatusFilter = (typeof STATUSES)[number];

function Filters({ status, partyId }: { status: StatusFilter; partyId: string }) {
  const { t } = useTranslation();
  const parties = useParties({ contractor: 'true', state: 'all' });
  const label = (s: StatusFilter) =>
    s === 'open' || s === 'all'
      ? t(`provision.contracts.statuses.${s}`)
      : t(`provision.contractStatuses.${s}`);
  return (
    <Form method="get" className="card mb-6 flex flex-wrap items-end gap-4">
      <div>
        <label htmlFor="cf-status" className="label mb-1 block">
          {t('provision.contracts.status')}
        </label>
        <select id="cf-status" name="status" className="input" defaultValue={status}>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {label(s)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="cf-party" className="label mb-1 block">
          {t('provision.contracts.party')}
        </label>
        <select id="cf-party" name="partyId" className="input" defaultValue={partyId}>
          <option value="">{t('provision.contracts.allParties')}</option>
          {(parties.data?.parties ?? []).map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="btn-secondary">
        {t('provision.contracts.apply')}
      </button>
    </Form>
  );
}

/** /provision/contracts: outsourcing contracts (A19) by status and contractor; expiring ones say so. */
export function ContractsPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const asked = params.get('status') as StatusFilter | null;
  const status: StatusFilter = asked && STATUSES.includes(asked) ? asked : 'open';
  const partyId = params.get('partyId') ?? '';
  const query: ContractListQuery = { status, partyId: partyId || undefined };
  const list = useContracts(query);
  return (
    <Page
      title={t('provision.contracts.title')}
      crumbs={[
        { label: t('provision.hub.title'), to: '/provision' },
        { label: t('provision.contracts.title') },
      ]}
      lead={<p>{t('provision.contracts.lead')}</p>}
      actions={
        list.data?.canCreate && (
          <Link to="/provision/contracts/new" className="btn-primary">
            {t('provision.contracts.new')}
          </Link>
        )
      }
    >
      <Filters key={params.toString()} status={status} partyId={partyId} />
      <QueryState query={list}>
        {({ contracts }) =>
          contracts.length === 0 ? (
            <p role="status" className="card">
              {t('provision.contracts.empty')}
            </p>
          ) : (
            <ContractsTable contracts={contracts} caption={t('provision.contracts.caption')} />
          )
        }
      </QueryState>
    </Page>
  );
}
