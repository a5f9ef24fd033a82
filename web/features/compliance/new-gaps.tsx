import { useTranslation } from 'react-i18next';
import { useDates } from '../../app/preferences.tsx';
import { Section } from '../../ui/page.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { GapTable } from './gap-table.tsx';
import { useNewGaps } from './queries.ts';

/** 新たな不備: gaps first seen since the last summary mail (issue 10), with their records. */
export function NewGapsSection() {
  const { t } = useTranslation();
  const dates = useDates();
  const query = useNewGaps();
  return (
    <Section title={t('compliance.newGaps.title')}>
      <QueryState query={query}>
        {({ since, gaps }) =>
          gaps.length === 0 ? (
            <p className="card">{t('compliance.newGaps.none', { date: dates.date(since) })}</p>
          ) : (
            <>
              <p className="mb-4 max-w-3xl">{t('compliance.newGaps.lead', { date: dates.date(since) })}</p>
              <GapTable
                gaps={gaps}
                caption={t('compliance.newGaps.caption')}
                showFamily
                extra={{
                  header: t('compliance.newGaps.firstSeen'),
                  cell: (g) => (
                    <>
                      {dates.dateTime(g.firstSeen)}
                      {g.resolvedAt && (
                        <span className="badge mt-1 block w-fit border-success bg-success-soft text-success">
                          {t('compliance.newGaps.resolved')}
                        </span>
                      )}
                    </>
                  ),
                }}
              />
            </>
          )
        }
      </QueryState>
    </Section>
  );
}
