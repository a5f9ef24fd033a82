import { useTranslation } from 'react-i18next';
import { useDates } from '../../app/preferences.tsx';
import { Page } from '../../ui/page.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { Legend } from './labels.tsx';
import { Matrix } from './matrix.tsx';
import { NewGapsSection } from './new-gaps.tsx';
import { TrendSection } from './trend.tsx';
import { useOverview } from './queries.ts';

/**
 * /compliance: the overview of issue 10 — the units (and 機構全体) × the rule's article families,
 * each cell red / amber / green from the live gaps, with the trend and the new gaps below. Whoever
 * may read the gaps sees it (a 総括保護管理者 its unit's row only; the server scopes the rows).
 */
export function OverviewPage() {
  const { t } = useTranslation();
  const dates = useDates();
  const overview = useOverview();
  return (
    <Page
      title={t('compliance.title')}
      lead={
        <>
          <p>{t('compliance.lead')}</p>
          {overview.data && (
            <p className="mt-2 font-bold">
              {t('compliance.asOf', { date: dates.date(overview.data.asOf) })}
              <span className="ml-4 font-normal">{t('compliance.totals', overview.data.totals)}</span>
            </p>
          )}
        </>
      }
    >
      <QueryState query={overview}>
        {(data) => (
          <>
            <Legend />
            <Matrix overview={data} />
          </>
        )}
      </QueryState>
      <NewGapsSection />
      <TrendSection />
    </Page>
  );
}
