import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { SavedNotice } from '../../ui/alert.tsx';
import { Badge } from '../../ui/badge.tsx';
import { OptionalFilePicker } from '../../ui/file-picker.tsx';

/** Small pieces shared by the provision pages (issue 9): notices, state badges in words, files. */

/** 「記録しました。」 after a change, announced in a live region (always rendered). */
export function Saved({ show, text }: { show: boolean; text?: string }) {
  const { t } = useTranslation();
  return <SavedNotice show={show} text={text ?? t('provision.saved')} />;
}

const CONTRACT_TONE = { draft: 'info', active: 'good', ending: 'warn', closed: 'plain' } as const;
export function ContractStatusBadge({ status }: { status: keyof typeof CONTRACT_TONE }) {
  const { t } = useTranslation();
  return <Badge tone={CONTRACT_TONE[status]}>{t(`provision.contractStatuses.${status}`)}</Badge>;
}

const PROVISION_TONE = {
  draft: 'info',
  pending: 'warn',
  active: 'good',
  rejected: 'bad',
  closed: 'plain',
} as const;
export function ProvisionStatusBadge({ status }: { status: keyof typeof PROVISION_TONE }) {
  const { t } = useTranslation();
  return <Badge tone={PROVISION_TONE[status]}>{t(`provision.provisionStatuses.${status}`)}</Badge>;
}

const CHECK_TONE = { none: 'warn', current: 'good', overdue: 'bad', not_applicable: 'plain' } as const;
export function CheckStateBadge({ state }: { state: keyof typeof CHECK_TONE }) {
  const { t } = useTranslation();
  return <Badge tone={CHECK_TONE[state]}>{t(`provision.checkStates.${state}`)}</Badge>;
}

/** A file field of the provision forms (optional; PDF or image). */
export const DOCUMENT_ACCEPT = '.pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg';
export function DocumentField(props: Omit<ComponentProps<typeof OptionalFilePicker>, 'accept'>) {
  return <OptionalFilePicker accept={DOCUMENT_ACCEPT} {...props} />;
}
