import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AUDIT_STATUSES, type AuditListItem, type AuditStatus } from '../../../shared/api/audits.ts';
import { useDates } from '../../app/preferences.tsx';
import { useSignedIn } from '../../app/session.ts';
import { Page } from '../../ui/page.tsx';
import { LinkTabs } from '../../ui/link-tabs.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { MyFindingsSection } from './my-findings.tsx';
import { StatusBadge } from './labels.tsx';
import { useAudits } from './queries.ts';

type Tab = AuditStatus | 'all';
const TABS: Tab[] = ['all', ...AUDIT_STATUSES];

function Tabs({ current }: { current: Tab }) {
  const { t } = useTranslation();
  const tabs = TABS.map((s) => ({
    key: s,
    to: s === 'all' ? '/audits' : `/audits?status=${s}`,
    label: s === 'all' ? t('audits.list.all') : t(`audits.statuses.${s}`),
  }));
  return <LinkTabs label={t('audits.list.tabsLabel')} tabs={tabs} current={current} />;
}

function AuditTable({ audits }: { audits: AuditListItem[] }) {
  const { t } = useTranslation();
  const dates = useDates();
  return (
    <div className="overflow-x-auto">
      <table className="data-table">
        <caption className="sr-only">{t('audits.list.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('audits.list.number')}</th>
            <th scope="col">{t('audits.list.titleCol')}</th>
            <th scope="col">{t('audits.list.kind')}</th>
            <th scope="col">{t('audits.list.scope')}</th>
            <th scope="col">{t('audits.list.status')}</th>
            <th scope="col">{t('audits.list.progress')}</th>
            <th scope="col">{t('audits.list.openFindings')}</th>
          </tr>
        </thead>
        <tbody>
          {audits.map((a) => (
            <tr key={a.id}>
              <th scope="row" className="whitespace-nowrap">
                <Link to={`/audits/${a.id}`} className="font-mono">
                  {a.number}
                </Link>
              </th>
              <td className="min-w-48">
                {a.title}
                <span className="mt-1 block text-sm text-ink-muted">
                  {t('audits.list.planned')}：
                  {t('audits.list.range', { from: dates.date(a.plannedStart), to: dates.date(a.plannedEnd) })}
                </span>
              </td>
              <td className="whitespace-nowrap">{t(`audits.kindsShort.${a.kind}`)}</td>
              <td className="min-w-40">
                {a.unitNames === null ? t('audits.allUnits') : a.unitNames.join('・')}
                <span className="mt-1 block text-sm text-ink-muted">
                  {t('audits.list.period')}：
                  {t('audits.list.range', { from: dates.date(a.periodFrom), to: dates.date(a.periodTo) })}
                </span>
              </td>
              <td>
                <StatusBadge status={a.status} />
              </td>
              <td className="whitespace-nowrap">
                {a.items === 0 ? '－' : t('audits.list.answered', { answered: a.answered, items: a.items })}
              </td>
              <td className="whitespace-nowrap">
                {a.openFindings > 0 ? (
                  <span className="font-bold text-error">{t('common.count', { count: a.openFindings })}</span>
                ) : (
                  t('common.count', { count: 0 })
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** /audits: the audits the caller may read (A36), newest first; the 監査責任者 plans new ones. */
export function ListPage() {
  const { t } = useTranslation();
  const { roles } = useSignedIn();
  const [params] = useSearchParams();
  const asked = params.get('status') as AuditStatus | null;
  const tab: Tab = asked && (AUDIT_STATUSES as readonly string[]).includes(asked) ? asked : 'all';
  const list = useAudits(tab === 'all' ? undefined : tab);
  // A36: only the 監査責任者 plans audits (the server decides again).
  const officer = roles.some((r) => r.role === 'audit_officer');
  return (
    <Page
      title={t('audits.list.title')}
      lead={<p>{t('audits.list.lead')}</p>}
      actions={
        officer && (
          <Link to="/audits/new" className="btn-primary">
            {t('audits.list.create')}
          </Link>
        )
      }
    >
      <Tabs current={tab} />
      <QueryState query={list}>
        {({ items }) =>
          items.length === 0 ? (
            <p role="status" className="card">
              {t('audits.list.empty')}
            </p>
          ) : (
            <AuditTable audits={items} />
          )
        }
      </QueryState>
      <MyFindingsSection />
    </Page>
  );
}
