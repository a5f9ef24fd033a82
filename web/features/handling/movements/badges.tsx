import { useTranslation } from 'react-i18next';
import type { MediumStatus, MovementState } from '../../../../shared/api/handling-movements.ts';

const mediumTone: Record<MediumStatus, string> = {
  stored: 'border-success bg-success-soft text-success',
  out: 'border-warning bg-warning-soft text-warning',
  disposed: 'border-line bg-surface-muted text-ink-muted',
};

export function MediumStatusBadge({ status }: { status: MediumStatus }) {
  const { t } = useTranslation();
  return <span className={`badge ${mediumTone[status]}`}>{t(`movement.media.statuses.${status}`)}</span>;
}

const stateTone: Record<MovementState, string> = {
  requested: 'border-primary bg-primary-soft text-primary',
  sent_back: 'border-warning bg-warning-soft text-warning',
  approved: 'border-primary bg-primary-soft text-primary',
  denied: 'border-line bg-surface-muted text-ink-muted',
  withdrawn: 'border-line bg-surface-muted text-ink-muted',
  expired: 'border-line bg-surface-muted text-ink-muted',
  done: 'border-success bg-success-soft text-success',
  out: 'border-warning bg-warning-soft text-warning',
  returned: 'border-success bg-success-soft text-success',
};

export function MovementStateBadge({ state }: { state: MovementState }) {
  const { t } = useTranslation();
  return <span className={`badge ${stateTone[state]}`}>{t(`movement.states.${state}`)}</span>;
}

/** A12(3): a medium not back by its day. */
export function OverdueBadge() {
  const { t } = useTranslation();
  return (
    <span className="badge mt-1 border-error bg-error-soft text-error">
      <span aria-hidden="true">⚠ </span>
      {t('movement.overdue')}
    </span>
  );
}
