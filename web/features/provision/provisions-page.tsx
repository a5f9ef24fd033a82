import { Form, Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PROVISION_STATUSES, type ProvisionStatus } from '../../../shared/api/provision-provisions.ts';
import { Page } from '../../ui/page.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { useParties } from './queries.ts';
import { useProvisions } from './queries-provisions.ts';
import { ProvisionsTable } from './tables.tsx';

/** /provision/provisions: provisions to third parties (A17-2, A18), by status and recipient. */
export function ProvisionsPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const asked = params.get('status');
  const status =
    asked && (PROVISION_STATUSES as readonly string[]).includes(asked)
      ? (asked as ProvisionStatus)
      : undefined;
  const partyId = params.get('partyId') ?? '';
  const list = useProvisions({ status, partyId: partyId || undefined });
  const parties = useParties({ state: 'all' });
  const canCreate = parties.data?.canEdit ?? false;
  return (
    <Page
      title={t('provision.provisions.title')}
      crumbs={[
        { label: t('provision.hub.title'), to: '/provision' },
        { label: t('provision.provisions.title') },
      ]}
      lead={<p>{t('provision.provisions.lead')}</p>}
      actions={
        canCreate && (
          <Link to="/provision/provisions/new" className="btn-primary">
            {t('provision.provisions.new')}
          </Link>
        )
      }
    >
      <Form key={params.toString()} method="get" className="card mb-6 flex flex-wrap items-end gap-4">
        <div>
          <label htmlFor="vf-status" className="label mb-1 block">
            {t('provision.provisions.status')}
          </label>
          <select id="vf-status" name="status" className="input" defaultValue={status ?? ''}>
            <option value="">{t('provision.provisions.allStatuses')}</option>
            {PROVISION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`provision.provisionStatuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="vf-party" className="label mb-1 block">
            {t('provision.provisions.col.recipient')}
          </label>
          <select id="vf-party" name="partyId" className="input" defaultValue={partyId}>
            <option value="">{t('provision.provisions.allParties')}</option>
            {(parties.data?.parties ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn-secondary">
          {t('provision.provisions.apply')}
        </button>
      </Form>
      <QueryState query={list}>
        {({ provisions }) =>
          provisions.length === 0 ? (
            <p role="status" className="card">
              {t('provision.provisions.empty')}
            </p>
          ) : (
            <ProvisionsTable provisions={provisions} caption={t('provision.provisions.caption')} />
          )
        }
      </QueryState>
    </Page>
  );
}
