import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ExportView } from '../../../../shared/api/handling-export.ts';
import { useDates } from '../../../app/preferences.tsx';
import { Alert } from '../../../ui/alert.tsx';
import { Page, Section } from '../../../ui/page.tsx';
import { QueryState } from '../../../ui/query-state.tsx';
import { ExportBadges } from './labels.tsx';
import { useExports } from './queries.ts';

function ExportTable({ rows, caption, holder }: { rows: ExportView[]; caption: string; holder: boolean }) {
  const { t } = useTranslation();
  const dates = useDates();
  return (
    <div className="overflow-x-auto">
      <table className="data-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('exportCopy.number')}</th>
            <th scope="col">{t('exportCopy.file')}</th>
            {holder && <th scope="col">{t('exportCopy.holder')}</th>}
            <th scope="col">{t('exportCopy.records')}</th>
            <th scope="col">{t('exportCopy.expiresAt')}</th>
            <th scope="col">{t('exportCopy.status')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((e) => (
            <tr key={e.id}>
              <td>
                <Link to={`/handling/exports/${e.id}`} className="font-bold">
                  {e.number}
                </Link>
              </td>
              <td>{e.fileName}</td>
              {holder && <td>{e.holderName}</td>}
              <td>{t('exportCopy.recordCount', { count: e.records })}</td>
              <td>{dates.dateTime(e.expiresAt)}</td>
              <td>
                <ExportBadges e={e} />
                {e.confirmation === 'overdue' && (
                  <span className="mt-1 block text-sm text-error">
                    {t('exportCopy.confirmBy', { date: dates.date(e.confirmBy) })}
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

/**
 * 複製データ (A12(1), A24の2): the person's own copies, and for a 保護管理者 (and those who oversee)
 * the copies of their files still on the server or whose local deletion is not yet confirmed.
 */
export function ExportsPage() {
  const { t } = useTranslation();
  const list = useExports();
  return (
    <Page title={t('exportCopy.title')} lead={<p>{t('exportCopy.lead')}</p>}>
      <QueryState query={list}>
        {({ mine, outstanding }) => (
          <>
            <Section title={t('exportCopy.mine')}>
              {mine.length === 0 ? (
                <Alert tone="info" title={t('exportCopy.mineEmpty')}>
                  <p>{t('exportCopy.mineEmptyHelp')}</p>
                </Alert>
              ) : (
                <ExportTable rows={mine} caption={t('exportCopy.mine')} holder={false} />
              )}
            </Section>
            {outstanding && (
              <Section title={t('exportCopy.outstanding')}>
                <p className="mb-4">{t('exportCopy.outstandingHelp')}</p>
                {outstanding.length === 0 ? (
                  <Alert tone="success" title={t('exportCopy.outstandingEmpty')} />
                ) : (
                  <>
                    {outstanding.some((e) => e.confirmation === 'overdue') && (
                      <Alert tone="warning" title={t('exportCopy.overdueAlert')}>
                        <p>{t('exportCopy.overdueHelp')}</p>
                      </Alert>
                    )}
                    <ExportTable rows={outstanding} caption={t('exportCopy.outstanding')} holder />
                  </>
                )}
              </Section>
            )}
          </>
        )}
      </QueryState>
    </Page>
  );
}
