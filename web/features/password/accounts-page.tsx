import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { z } from 'zod';
import { accountAlert } from '../../../shared/api/password.ts';
import { api } from '../../app/api.ts';
import { useDates } from '../../app/preferences.tsx';
import { Page } from '../../ui/page.tsx';
import { Loading, QueryError } from '../../ui/query-state.tsx';

/** 「アカウント管理」 (A21): accounts locked or slowed now, and people whose password must change. */
export function AccountsPage() {
  const { t } = useTranslation();
  const dates = useDates();
  const alerts = useQuery({
    queryKey: ['accounts', 'alerts'],
    queryFn: () => api('/api/accounts/alerts', { schema: z.array(accountAlert) }),
  });
  return (
    <Page title={t('password.accounts.title')}>
      <p className="mb-4 max-w-3xl">{t('password.accounts.intro')}</p>
      <p className="mb-6">
        <Link to="/admin/password-policy">{t('password.accounts.policyLink')}</Link>
      </p>
      {alerts.isPending ? (
        <Loading />
      ) : alerts.isError ? (
        <QueryError error={alerts.error} onRetry={() => void alerts.refetch()} />
      ) : alerts.data.length === 0 ? (
        <p className="card">{t('password.accounts.none')}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="data-table">
            <caption className="sr-only">{t('password.accounts.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('password.accounts.person')}</th>
                <th scope="col">{t('password.accounts.employeeNumber')}</th>
                <th scope="col">{t('password.accounts.state')}</th>
                <th scope="col">
                  <span className="sr-only">{t('password.accounts.open')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {alerts.data.map((a) => (
                <tr key={a.personId}>
                  <th scope="row">{a.name}</th>
                  <td className="font-mono">{a.employeeNumber}</td>
                  <td>
                    <ul>
                      {a.locked && (
                        <li>{t('password.accounts.locked', { until: dates.dateTime(a.lockedUntil) })}</li>
                      )}
                      {a.passwordChangeRequired && <li>{t('password.accounts.mustChange')}</li>}
                    </ul>
                  </td>
                  <td>
                    <Link
                      to={`/people/${a.personId}/account`}
                      className="btn-secondary btn-sm"
                      aria-label={t('password.accounts.openLabel', { name: a.name })}
                    >
                      {t('password.accounts.open')}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}
