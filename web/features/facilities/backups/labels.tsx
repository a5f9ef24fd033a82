import { useTranslation } from 'react-i18next';
import type { BackupRunStatus, RestoreTestStatus } from '../../../../shared/api/facility-backups.ts';
import { Badge, type Tone } from '../../../ui/badge.tsx';

/** Labels of the backups page (A27): results in words, never colour alone. */

const RUN_TONE: Record<BackupRunStatus, Tone> = {
  running: 'info',
  succeeded: 'good',
  partly_failed: 'warn',
  failed: 'bad',
};
export function RunStatusBadge({ status }: { status: BackupRunStatus }) {
  const { t } = useTranslation();
  return <Badge tone={RUN_TONE[status]}>{t(`facilityBackups.runStatuses.${status}`)}</Badge>;
}

const TEST_TONE: Record<RestoreTestStatus, Tone> = {
  running: 'info',
  succeeded: 'good',
  failed: 'bad',
  not_configured: 'warn',
  no_backup: 'warn',
};
export function TestStatusBadge({ status }: { status: RestoreTestStatus }) {
  const { t } = useTranslation();
  return <Badge tone={TEST_TONE[status]}>{t(`facilityBackups.testStatuses.${status}`)}</Badge>;
}

/** 「1.2 MB」: bytes in the unit a person reads. */
export function formatBytes(bytes: number | null): string {
  if (bytes === null) return '－';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i += 1;
  }
  return `${i === 0 ? v : v.toFixed(1)} ${units[i]}`;
}
