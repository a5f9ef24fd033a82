import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SAFEGUARD_ARTICLE, type RoomView } from '../../../../shared/api/facility-rooms.ts';
import { useDates } from '../../../app/preferences.tsx';
import { Alert } from '../../../ui/alert.tsx';
import { Badge } from '../../../ui/badge.tsx';
import { Section } from '../../../ui/page.tsx';
import { QueryState } from '../../../ui/query-state.tsx';
import { SafeguardBadge } from './labels.tsx';
import { useInspections } from './queries.ts';

/** The inspections of the room's safeguards, newest first, with the items that need action. */
function InspectionHistory({ roomId }: { roomId: string }) {
  const { t } = useTranslation();
  const dates = useDates();
  const list = useInspections(roomId);
  return (
    <>
      <h3 className="mt-8 mb-3 text-xl">{t('facilityRooms.safeguards.history')}</h3>
      <QueryState query={list}>
        {({ inspections }) =>
          inspections.length === 0 ? (
            <p className="card">{t('facilityRooms.safeguards.noHistory')}</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="data-table">
                <caption className="sr-only">{t('facilityRooms.safeguards.historyCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('facilityRooms.safeguards.inspectedOn')}</th>
                    <th scope="col">{t('facilityRooms.safeguards.inspector')}</th>
                    <th scope="col">{t('facilityRooms.safeguards.problems')}</th>
                  </tr>
                </thead>
                <tbody>
                  {[...inspections]
                    .sort(
                      (a, b) =>
                        b.inspectedOn.localeCompare(a.inspectedOn) ||
                        b.recordedAt.localeCompare(a.recordedAt),
                    )
                    .map((i) => {
                      const problems = i.items.filter(
                        (s) => s.status === 'missing' || s.status === 'partial',
                      );
                      return (
                        <tr key={i.id}>
                          <th scope="row" className="whitespace-nowrap">
                            {dates.date(i.inspectedOn)}
                          </th>
                          <td>{i.inspectorName}</td>
                          <td>
                            {problems.length === 0
                              ? t('facilityRooms.safeguards.noProblems')
                              : problems
                                  .map(
                                    (s) =>
                                      `${t(`facilityRooms.items.${s.item}`)}（${t(`facilityRooms.statuses.${s.status}`)}）`,
                                  )
                                  .join('、')}
                            {i.notes && <p className="mt-1 text-sm whitespace-pre-wrap">{i.notes}</p>}
                          </td>
                        </tr>
                      );
                    })}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryState>
    </>
  );
}

/** A33: the safeguards checklist with each item's state as of the last inspection. */
export function SafeguardsSection({ room }: { room: RoomView }) {
  const { t } = useTranslation();
  const dates = useDates();
  return (
    <Section
      title={t('facilityRooms.safeguards.title')}
      actions={
        room.can.keep && (
          <Link to={`/facilities/rooms/${room.id}/inspection`} className="btn-primary btn-sm">
            {t('facilityRooms.safeguards.record')}
          </Link>
        )
      }
    >
      <p className="mb-3">
        {room.lastInspectedOn
          ? t('facilityRooms.safeguards.lastInspection', { date: dates.date(room.lastInspectedOn) })
          : t('facilityRooms.safeguards.never')}
      </p>
      {room.inspectionOverdue && <Alert tone="warning" title={t('facilityRooms.safeguards.overdue')} />}
      <div className="overflow-x-auto">
        <table className="data-table">
          <caption className="sr-only">{t('facilityRooms.safeguards.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('facilityRooms.safeguards.item')}</th>
              <th scope="col">{t('facilityRooms.safeguards.article')}</th>
              <th scope="col">{t('facilityRooms.safeguards.status')}</th>
              <th scope="col">{t('facilityRooms.safeguards.note')}</th>
            </tr>
          </thead>
          <tbody>
            {room.safeguards.map((s) => (
              <tr key={s.item}>
                <th scope="row">{t(`facilityRooms.items.${s.item}`)}</th>
                <td className="whitespace-nowrap text-sm">
                  {t(`facilityRooms.articles.${SAFEGUARD_ARTICLE[s.item]}`)}
                </td>
                <td>
                  {/* Before the first inspection nothing is known: 「未点検」 rather than 未措置. */}
                  {room.lastInspectedOn ? (
                    <SafeguardBadge status={s.status} />
                  ) : (
                    <Badge tone="plain">{t('facilityRooms.list.never')}</Badge>
                  )}
                </td>
                <td className="whitespace-pre-wrap">{s.note ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <InspectionHistory roomId={room.id} />
    </Section>
  );
}
