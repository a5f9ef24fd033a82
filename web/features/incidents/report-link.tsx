import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';

/** 「事案を報告」 in the signed-in header: report from any page (A34-1), coming back to it after. */
export function ReportIncidentLink() {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  if (pathname === '/incidents/report') return null;
  const from = encodeURIComponent(`${pathname}${search}`);
  return (
    <Link to={`/incidents/report?from=${from}`} className="btn-danger btn-sm">
      <span aria-hidden="true">⚠</span>
      {t('incidents.reportButton')}
    </Link>
  );
}
