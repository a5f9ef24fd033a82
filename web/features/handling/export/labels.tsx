import { useTranslation } from 'react-i18next';
import type { ExportView } from '../../../../shared/api/handling-export.ts';

const STATE_TONE: Record<ExportView['state'], string> = {
  available: 'border-success text-success',
  expired: 'border-ink-muted text-ink-muted',
  deleted: 'border-ink-muted text-ink-muted',
};
const CONFIRM_TONE: Record<ExportView['confirmation'], string> = {
  not_needed: 'border-ink-muted text-ink-muted',
  pending: 'border-warning text-ink-strong',
  overdue: 'border-error text-error',
  confirmed: 'border-success text-success',
};

/** Whether the copy is on the server, and whether its local copies are confirmed deleted (A24の2). */
export function ExportBadges({ e }: { e: ExportView }) {
  const { t } = useTranslation();
  return (
    <span className="flex flex-wrap gap-2">
      <span className={`badge ${STATE_TONE[e.state]}`}>{t(`exportCopy.state.${e.state}`)}</span>
      <span className={`badge ${CONFIRM_TONE[e.confirmation]}`}>
        {e.confirmation === 'overdue' && <span aria-hidden="true">⚠ </span>}
        {t(`exportCopy.confirmation.${e.confirmation}`)}
      </span>
    </span>
  );
}
