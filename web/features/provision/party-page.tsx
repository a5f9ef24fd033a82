import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PartyView } from '../../../shared/api/provision-parties.ts';
import { useDates } from '../../app/preferences.tsx';
import { Page, Section } from '../../ui/page.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { Badge } from '../../ui/badge.tsx';
import { TermItem } from '../../ui/term-list.tsx';
import { CheckStateBadge } from './bits.tsx';
import { ChecksSection } from './party-checks.tsx';
import { partyPath, useParty, usePartyOverview } from './queries.ts';
import { ContractsTable, ProvisionsTable } from './tables.tsx';

function Facts({ party: p }: { party: PartyView }) {
  const { t } = useTranslation();
  const dates = useDates();
  return (
    <Section title={t('provision.party.facts')}>
      <dl className="max-w-4xl">
        <TermItem term={t('provision.party.kind')}>
          {t(`provision.partyKinds.${p.kind}`)}
          {p.isPublicBody && `（${t('provision.publicBody')}）`}
          {!p.active && (
            <span className="ml-2">
              <Badge tone="plain">{t('provision.parties.retired')}</Badge>
            </span>
          )}
        </TermItem>
        <TermItem term={t('provision.party.address')}>{p.address ?? t('provision.none')}</TermItem>
        <TermItem term={t('provision.party.corporateNumber')}>
          <span className="font-mono">{p.corporateNumber ?? t('provision.none')}</span>
        </TermItem>
        <TermItem term={t('provision.parties.col.contractor')}>
          {p.contractor ? t('provision.yes') : t('provision.no')}
          {p.contractor && (
            <span className="ml-2">
              <CheckStateBadge state={p.checkState} />
            </span>
          )}
        </TermItem>
        {p.contractor && (
          <TermItem term={t('provision.party.managementStructure')}>
            {p.managementStructure ?? t('provision.none')}
          </TermItem>
        )}
        <TermItem term={t('provision.party.contacts')}>
          {p.contacts.length === 0 ? (
            t('provision.party.noContacts')
          ) : (
            <ul className="grid gap-2">
              {p.contacts.map((c, n) => (
                <li key={n}>{[c.department, c.name, c.phone, c.email].filter(Boolean).join('　')}</li>
              ))}
            </ul>
          )}
        </TermItem>
        {p.notes && <TermItem term={t('provision.party.notes')}>{p.notes}</TermItem>}
        <TermItem term={t('provision.party.registeredAt')}>{dates.dateTime(p.createdAt)}</TermItem>
        <TermItem term={t('provision.party.updatedAt')}>{dates.dateTime(p.updatedAt)}</TermItem>
      </dl>
    </Section>
  );
}

/** What the party receives (A18) or processes (A19), with its exports. */
function Overview({ partyId }: { partyId: string }) {
  const { t } = useTranslation();
  const overview = usePartyOverview(partyId);
  return (
    <Section
      title={t('provision.overview.title')}
      actions={
        <>
          <a href={`${partyPath(partyId)}/overview/export.xlsx`} className="btn-secondary btn-sm">
            {t('provision.overview.xlsx')}
          </a>
          <a href={`${partyPath(partyId)}/overview/export.pdf`} className="btn-secondary btn-sm">
            {t('provision.overview.pdf')}
          </a>
        </>
      }
    >
      <p className="mb-4 max-w-3xl">{t('provision.overview.lead')}</p>
      <QueryState query={overview}>
        {(o) => <OverviewLists provisions={o.provisions} contracts={o.contracts} />}
      </QueryState>
    </Section>
  );
}

export function OverviewLists({
  provisions,
  contracts,
}: {
  provisions: Parameters<typeof ProvisionsTable>[0]['provisions'];
  contracts: Parameters<typeof ContractsTable>[0]['contracts'];
}) {
  const { t } = useTranslation();
  return (
    <>
      <h3 className="mb-2 text-lg">{t('provision.overview.provisions')}</h3>
      {provisions.length === 0 ? (
        <p className="mb-6 text-ink-muted">{t('provision.overview.noProvisions')}</p>
      ) : (
        <div className="mb-6">
          <ProvisionsTable provisions={provisions} caption={t('provision.overview.provisions')} />
        </div>
      )}
      <h3 className="mb-2 text-lg">{t('provision.overview.contracts')}</h3>
      {contracts.length === 0 ? (
        <p className="text-ink-muted">{t('provision.overview.noContracts')}</p>
      ) : (
        <ContractsTable contracts={contracts} caption={t('provision.overview.contracts')} />
      )}
    </>
  );
}

/** /provision/parties/:id: a party, its capability checks (A19-1) and what it receives or processes. */
export function PartyPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const party = useParty(id);
  const name = party.data?.name ?? t('provision.party.title');
  return (
    <Page
      title={name}
      crumbs={[
        { label: t('provision.hub.title'), to: '/provision' },
        { label: t('provision.parties.title'), to: '/provision/parties' },
        { label: name },
      ]}
      actions={
        party.data?.can.edit && (
          <Link to={`/provision/parties/${id}/edit`} className="btn-secondary">
            {t('provision.party.edit')}
          </Link>
        )
      }
    >
      <QueryState query={party}>
        {(p) => (
          <>
            <Facts party={p} />
            <ChecksSection party={p} />
            <Overview partyId={p.id} />
          </>
        )}
      </QueryState>
    </Page>
  );
}
