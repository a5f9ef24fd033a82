import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  MEDIA_KINDS,
  TERMINAL_KINDS,
  type DeviceStatus,
  type Encryption,
} from '../../../../shared/api/facility-devices.ts';
import { Badge, type Tone } from '../../../ui/badge.tsx';
import type { Column } from './list-table.tsx';

/** Small pieces of the devices and media pages (issue 11; A14, A30): states in words, kinds in groups. */

const STATUS_TONE: Record<DeviceStatus, Tone> = {
  in_store: 'good',
  checked_out: 'info',
  taken_out: 'warn',
  on_site: 'info',
  removed: 'plain',
  lost: 'bad',
  disposed: 'plain',
};

export function DeviceStatusBadge({ status }: { status: DeviceStatus }) {
  const { t } = useTranslation();
  return <Badge tone={STATUS_TONE[status]}>{t(`facilities.devices.statuses.${status}`)}</Badge>;
}

/** A30-2: out (lent or taken out) past its due day. */
export function OverdueBadge() {
  const { t } = useTranslation();
  return <Badge tone="bad">{t('facilities.devices.overdue')}</Badge>;
}

/** A30-1: a device without encryption is marked, never by colour alone; `long` in a sentence of its own. */
export function EncryptionText({ encryption, long = false }: { encryption: Encryption; long?: boolean }) {
  const { t } = useTranslation();
  const text = t(`facilities.devices.${long ? 'encryptionChoices' : 'encryptions'}.${encryption}`);
  return encryption === 'none' ? <Badge tone="warn">{text}</Badge> : <>{text}</>;
}

/** The kinds as two groups of a select: 端末 (A30) and 記録媒体 (A14). */
export function KindOptions() {
  const { t } = useTranslation();
  return (
    <>
      <optgroup label={t('facilities.devices.kindGroups.terminal')}>
        {TERMINAL_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`facilities.devices.kinds.${k}`)}
          </option>
        ))}
      </optgroup>
      <optgroup label={t('facilities.devices.kindGroups.media')}>
        {MEDIA_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`facilities.devices.kinds.${k}`)}
          </option>
        ))}
      </optgroup>
    </>
  );
}

/** The crumbs above every devices page. */
export function useDeviceCrumbs() {
  const { t } = useTranslation();
  return [
    { label: t('facilities.title'), to: '/facilities' },
    { label: t('facilities.devices.title'), to: '/facilities/devices' },
  ];
}

/** The first column of a list of requests (take-out, bring-in; A30-2): the request's number, to its approval. */
export function requestColumn<R extends { requestId: string; requestNumber: string }>(
  header: string,
): Column<R> {
  return {
    header,
    className: 'whitespace-nowrap',
    cell: (r) => <Link to={`/approvals/${r.requestId}`}>{r.requestNumber}</Link>,
  };
}
