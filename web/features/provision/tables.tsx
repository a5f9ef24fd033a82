import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ContractSummaryView } from '../../../shared/api/provision-contracts.ts';
import type { ProvisionSummary } from '../../../shared/api/provision-provisions.ts';
import { useDates } from '../../app/preferences.tsx';
import { Badge } from '../../ui/badge.tsx';
import { ContractStatusBadge, ProvisionStatusBadge } from './bits.tsx';

/** The lists of contracts and provisions, shared by their pages and the views by party and by file. */

export function ContractsTable({
  contracts,
  caption,
}: {
  contracts: ContractSummaryView[];
  caption: string;
}) {
  const { t } = useTranslation();
  const dates = useDates();
  return (
    <div className="overflow-x-auto">
      <table className="data-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('provision.contracts.col.number')}</th>
            <th scope="col">{t('provision.contracts.col.title')}</th>
            <th scope="col">{t('provision.contracts.col.section')}</th>
            <th scope="col">{t('provision.contracts.col.period')}</th>
            <th scope="col">{t('provision.contracts.col.status')}</th>
            <th scope="col">{t('provision.contracts.col.clauses')}</th>
          </tr>
        </thead>
        <tbody>
          {contracts.map((c) => (
            <tr key={c.id} className={c.expiring ? 'bg-warning-soft' : undefined}>
              <th scope="row" className="whitespace-nowrap">
                <Link to={`/provision/contracts/${c.id}`} className="font-mono">
                  {c.number}
                </Link>
              </th>
              <td className="min-w-48">
                {c.title}
                <span className="block text-sm">{c.partyName}</span>
                <span className="block text-sm text-ink-muted">{t(`provision.contractKinds.${c.kind}`)}</span>
                {c.subcontractors.length > 0 && (
                  <span className="block text-sm text-ink-muted">
                    {t('provision.contracts.subcontractors', { count: c.subcontractors.length })}
                  </span>
                )}
              </td>
              <td>{`${c.unitName} ${c.sectionName}`.trim()}</td>
              <td className="min-w-40">
                {t('provision.contracts.period', { from: dates.date(c.startsOn), to: dates.date(c.endsOn) })}
                {c.expiring && (
                  <span className="mt-1 block">
                    <Badge tone="warn">{t('provision.expiring')}</Badge>
                  </span>
                )}
              </td>
              <td>
                <ContractStatusBadge status={c.status} />
                {c.myNumber && <span className="mt-1 block text-sm">{t('provision.myNumber')}</span>}
              </td>
              <td>
                {c.missingClauses.length === 0 ? (
                  <Badge tone="good">{t('provision.contracts.complete')}</Badge>
                ) : (
                  <Badge tone="bad">
                    {t('provision.contracts.missing', { count: c.missingClauses.length })}
                  </Badge>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ProvisionsTable({
  provisions,
  caption,
}: {
  provisions: ProvisionSummary[];
  caption: string;
}) {
  const { t } = useTranslation();
  const dates = useDates();
  return (
    <div className="overflow-x-auto">
      <table className="data-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('provision.provisions.col.number')}</th>
            <th scope="col">{t('provision.provisions.col.recipient')}</th>
            <th scope="col">{t('provision.provisions.col.ground')}</th>
            <th scope="col">{t('provision.provisions.col.purpose')}</th>
            <th scope="col">{t('provision.provisions.col.period')}</th>
            <th scope="col">{t('provision.provisions.col.status')}</th>
          </tr>
        </thead>
        <tbody>
          {provisions.map((p) => (
            <tr key={p.id}>
              <th scope="row" className="whitespace-nowrap">
                <Link to={`/provision/provisions/${p.id}`} className="font-mono">
                  {p.number}
                </Link>
              </th>
              <td>
                {p.partyName}
                {p.isPublicBody && (
                  <span className="block text-sm text-ink-muted">{t('provision.publicBody')}</span>
                )}
              </td>
              <td className="min-w-48">
                {t(`provision.grounds.${p.ground}`)}
                <span className="block text-sm text-ink-muted">
                  {`${t(`provision.frequencies.${p.frequency}`)}・${t(`provision.useForms.${p.useForm}`)}`}
                </span>
              </td>
              <td className="min-w-48">{p.recipientPurpose}</td>
              <td className="min-w-40">
                {p.endsOn
                  ? t('provision.contracts.period', {
                      from: dates.date(p.startsOn),
                      to: dates.date(p.endsOn),
                    })
                  : `${dates.date(p.startsOn)} ～`}
              </td>
              <td>
                <ProvisionStatusBadge status={p.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
