import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { RoomSummaryView } from '../../../../shared/api/facility-rooms.ts';
import { useDates } from '../../../app/preferences.tsx';
import { Badge } from '../../../ui/badge.tsx';
import { Page } from '../../../ui/page.tsx';
import { QueryState } from '../../../ui/query-state.tsx';
import { InspectionOverdueBadge, useRoomsCrumbs } from './labels.tsx';
import { useRooms } from './queries.ts';

function RoomsTable({ rooms }: { rooms: RoomSummaryView[] }) {
  const { t } = useTranslation();
  const dates = useDates();
  return (
    <div className="overflow-x-auto">
      <table className="data-table">
        <caption className="sr-only">{t('facilityRooms.list.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('facilityRooms.list.name')}</th>
            <th scope="col">{t('facilityRooms.list.kind')}</th>
            <th scope="col">{t('facilityRooms.list.section')}</th>
            <th scope="col">{t('facilityRooms.list.lastInspection')}</th>
            <th scope="col">{t('facilityRooms.list.inside')}</th>
          </tr>
        </thead>
        <tbody>
          {rooms.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                <Link to={`/facilities/rooms/${r.id}`}>{r.name}</Link>
                {!r.active && (
                  <span className="ml-2">
                    <Badge tone="plain">{t('facilityRooms.list.retired')}</Badge>
                  </span>
                )}
              </th>
              <td>{t(`facilityRooms.kinds.${r.kind}`)}</td>
              <td>{`${r.unitName} ${r.sectionName}`.trim()}</td>
              <td>
                <span className="mr-2 whitespace-nowrap">
                  {r.lastInspectedOn ? dates.date(r.lastInspectedOn) : t('facilityRooms.list.never')}
                </span>
                {r.inspectionOverdue && <InspectionOverdueBadge />}
              </td>
              <td className="tabular-nums">
                {r.insideCount > 0 ? (
                  <Badge tone="info">{t('facilityRooms.list.insideCount', { count: r.insideCount })}</Badge>
                ) : (
                  t('facilityRooms.list.insideCount', { count: 0 })
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** /facilities/rooms: the rooms and storage facilities the caller reads (A32, A33). */
export function RoomsPage() {
  const { t } = useTranslation();
  const crumbs = useRoomsCrumbs();
  const list = useRooms();
  const title = t('facilityRooms.title');
  return (
    <Page
      title={title}
      crumbs={[crumbs[0]!, { label: title }]}
      lead={<p>{t('facilityRooms.lead')}</p>}
      actions={
        (list.data?.keepableSections.length ?? 0) > 0 && (
          <Link to="/facilities/rooms/new" className="btn-primary">
            {t('facilityRooms.form.newTitle')}
          </Link>
        )
      }
    >
      <QueryState query={list}>
        {({ rooms }) =>
          rooms.length === 0 ? (
            <p role="status" className="card">
              {t('facilityRooms.list.empty')}
            </p>
          ) : (
            <RoomsTable
              rooms={[...rooms].sort(
                (a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name, 'ja'),
              )}
            />
          )
        }
      </QueryState>
    </Page>
  );
}
