import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { RequestSummaryView } from '../../../../shared/api/requests.ts';
import { useDates } from '../../../app/preferences.tsx';
import { DueCell, Markers, StatusBadge } from '../common/labels.tsx';

/**
 * The board's table (works at 1280 px and, scrolling sideways inside its frame, on a tablet): the
 * number, kind, received date, office, status and the deadline with 残りn日 / n日超過 / 補正中.
 */
export function BoardTable({ requests }: { requests: RequestSummaryView[] }) {
  const { t } = useTranslation();
  const dates = useDates();
  const col = (k: string) => t(`requests.board.col.${k}`);
  return (
    <div className="overflow-x-auto">
      <table className="data-table" data-testid="requests-board">
        <caption className="sr-only">{t('requests.board.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{col('number')}</th>
            <th scope="col">{col('kind')}</th>
            <th scope="col">{col('receivedOn')}</th>
            <th scope="col">{col('office')}</th>
            <th scope="col">{col('status')}</th>
            <th scope="col">{col('due')}</th>
          </tr>
        </thead>
        <tbody>
          {requests.map((r) => (
            <tr key={r.id} className={r.overdue ? 'bg-error-soft' : undefined}>
              <th scope="row" className="whitespace-nowrap">
                <Link to={`/requests/${r.id}`} className="font-mono">
                  {r.number}
                </Link>
              </th>
              <td className="whitespace-nowrap">{t(`requests.kind.${r.kind}`)}</td>
              <td className="min-w-32">{dates.date(r.receivedOn)}</td>
              <td className="min-w-32">
                {r.sectionName}
                <span className="block text-sm text-ink-muted">{r.unitName}</span>
              </td>
              <td>
                <StatusBadge status={r.status} />
              </td>
              <td className="min-w-40">
                <DueCell request={r} />
                <span className="mt-1 flex flex-wrap gap-1">
                  <Markers request={r} />
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
