import { useTranslation } from 'react-i18next';
import type { CurrentTerminalView, TerminalStatus } from '../../../shared/api/terminals.ts';
import { Alert } from '../../ui/alert.tsx';

/** A request's or terminal's status as a badge (text, never colour alone). */
export function StatusBadge({ status }: { status: TerminalStatus }) {
  const { t } = useTranslation();
  const tone =
    status === 'approved'
      ? 'border-success text-success'
      : status === 'pending'
        ? 'border-primary text-primary'
        : 'border-line text-ink';
  return <span className={`badge ${tone}`}>{t(`terminal.status.${status}`)}</span>;
}

/** 「この端末: 登録済み（給与係 取扱区域）」 or 「未登録の端末」, with what it means. */
export function ThisTerminal({ current }: { current: CurrentTerminalView }) {
  const { t } = useTranslation();
  const { state, terminal } = current;
  if (state === 'approved' && terminal)
    return (
      <Alert tone="success" title={t('terminal.page.registered', { area: terminal.areaName })}>
        <p>{t('terminal.page.labelShown', { label: terminal.label })}</p>
      </Alert>
    );
  if (state === 'pending' && terminal)
    return (
      <Alert tone="info" title={t('terminal.page.pendingState', { area: terminal.areaName })}>
        <p>{t('terminal.page.pendingNote')}</p>
      </Alert>
    );
  const note =
    state === 'revoked'
      ? t('terminal.page.revokedNote')
      : state === 'rejected'
        ? t('terminal.page.rejectedNote', { reason: terminal?.decisionReason ?? '' })
        : state === 'out_of_range'
          ? t('terminal.page.outOfRangeNote')
          : null;
  return (
    <Alert tone="warning" title={t('terminal.page.unregistered')}>
      {note && <p>{note}</p>}
    </Alert>
  );
}
