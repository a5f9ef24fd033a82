import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useIncidentCounts } from './queries.ts';

/** The count beside 「事案」 in the navigation: open incidents the person must act on (A34). */
export function IncidentsNavBadge() {
  const { t } = useTranslation();
  const counts = useIncidentCounts();
  const { pathname } = useLocation();
  const { refetch } = counts;
  useEffect(() => {
    void refetch();
  }, [pathname, refetch]);
  const count = counts.data?.toAct ?? 0;
  if (count === 0) return null;
  return (
    <>
      <span
        aria-hidden="true"
        className="ml-2 inline-block min-w-7 rounded-full bg-white px-2 text-center text-sm leading-6 font-bold text-primary"
      >
        {count > 99 ? '99+' : count}
      </span>
      <span className="sr-only">{`（${t('incidents.toAct', { count })}）`}</span>
    </>
  );
}
