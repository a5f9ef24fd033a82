import { useTranslation } from 'react-i18next';
import type { EntryView, SafeguardStatus } from '../../../../shared/api/facility-rooms.ts';
import { Badge, type Tone } from '../../../ui/badge.tsx';

/** Labels of the server room pages (A32, A33): states in words, never colour alone. */

const SAFEGUARD_TONE: Record<SafeguardStatus, Tone> = {
  in_place: 'good',
  partial: 'warn',
  missing: 'bad',
  not_applicable: 'plain',
};

/** 措置済 / 一部のみ / 未措置 / 該当なし. */
export function SafeguardBadge({ status }: { status: SafeguardStatus }) {
  const { t } = useTranslation();
  return <Badge tone={SAFEGUARD_TONE[status]}>{t(`facilityRooms.statuses.${status}`)}</Badge>;
}

/** 「点検期限超過」 (the gap room_inspection_overdue, A33). */
export function InspectionOverdueBadge() {
  const { t } = useTranslation();
  return <Badge tone="bad">{t('facilityRooms.list.overdue')}</Badge>;
}

/** The crumbs every rooms page starts with: 施設・機器 › 情報システム室等. */
export function useRoomsCrumbs() {
  const { t } = useTranslation();
  return [
    { label: t('facilityRooms.hub'), to: '/facilities' },
    { label: t('facilityRooms.title'), to: '/facilities/rooms' },
  ];
}

/**
 * Who entered, as the API returns it: a member of staff by name, a visitor by name and organisation
 * only when the caller reads the log (A32: visitors' names stay sealed otherwise), else 「来訪者」 and
 * the badge.
 */
export function useEntrantName() {
  const { t } = useTranslation();
  return (e: EntryView): string => {
    if (e.kind === 'staff') return e.personName ?? '';
    const v = e.visitor;
    if (v?.name)
      return v.organisation
        ? t('facilityRooms.door.visitorName', { name: v.name, organisation: v.organisation })
        : v.name;
    return t('facilityRooms.door.visitorBadgeOnly', { badge: v?.badgeNumber ?? '' });
  };
}
