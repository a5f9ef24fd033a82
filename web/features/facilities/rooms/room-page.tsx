import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { RoomView } from '../../../../shared/api/facility-rooms.ts';
import { useDates } from '../../../app/preferences.tsx';
import { Page, Section } from '../../../ui/page.tsx';
import { QueryState } from '../../../ui/query-state.tsx';
import { TermItem } from '../../../ui/term-list.tsx';
import { AuthorisedSection } from './authorised-section.tsx';
import { EntryLogSection } from './entry-log-section.tsx';
import { InspectionOverdueBadge, useRoomsCrumbs } from './labels.tsx';
import { useRoom } from './queries.ts';
import { SafeguardsSection } from './safeguards-section.tsx';

function Facts({ room }: { room: RoomView }) {
  const { t } = useTranslation();
  const dates = useDates();
  return (
    <Section
      title={t('facilityRooms.room.facts')}
      actions={
        room.can.keep && (
          <Link to={`/facilities/rooms/${room.id}/edit`} className="btn-secondary btn-sm">
            {t('facilityRooms.form.edit')}
          </Link>
        )
      }
    >
      <dl>
        <TermItem term={t('facilityRooms.room.kind')}>{t(`facilityRooms.kinds.${room.kind}`)}</TermItem>
        <TermItem term={t('facilityRooms.room.section')}>
          {`${room.unitName} ${room.sectionName}`.trim()}
        </TermItem>
        {room.locationNote && (
          <TermItem term={t('facilityRooms.room.location')}>
            {room.locationNote}
            <span className="block text-sm text-ink-muted">{t('facilityRooms.room.locationHelp')}</span>
          </TermItem>
        )}
        <TermItem term={t('facilityRooms.room.entryAuth')}>
          {t(`facilityRooms.entryAuth.${room.entryAuth}`)}
        </TermItem>
        <TermItem term={t('facilityRooms.room.interval')}>
          {t('facilityRooms.room.intervalDays', { count: room.inspectionIntervalDays })}
        </TermItem>
        <TermItem term={t('facilityRooms.room.nextDue')}>
          <span className="mr-2">
            {room.nextInspectionDueOn
              ? dates.date(room.nextInspectionDueOn)
              : t('facilityRooms.safeguards.never')}
          </span>
          {room.inspectionOverdue && <InspectionOverdueBadge />}
        </TermItem>
        {room.notes && <TermItem term={t('facilityRooms.room.notes')}>{room.notes}</TermItem>}
      </dl>
    </Section>
  );
}

/** /facilities/rooms/:id — a room: details, safeguards (A33), authorised persons and the entry log (A32). */
export function RoomPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const crumbs = useRoomsCrumbs();
  const room = useRoom(id);
  const title = room.data?.name ?? t('facilityRooms.title');
  return (
    <Page
      title={title}
      crumbs={[...crumbs, { label: title }]}
      actions={
        room.data &&
        (room.data.can.record || room.data.can.readLog) && (
          <Link to={`/facilities/rooms/${id}/door`} className="btn-secondary">
            {t('facilityRooms.room.door')}
          </Link>
        )
      }
    >
      <QueryState query={room}>
        {(r) => (
          <>
            {r.can.record && <p className="max-w-3xl text-ink-muted">{t('facilityRooms.room.doorHelp')}</p>}
            <Facts room={r} />
            <SafeguardsSection room={r} />
            <AuthorisedSection room={r} />
            <EntryLogSection room={r} />
          </>
        )}
      </QueryState>
    </Page>
  );
}
