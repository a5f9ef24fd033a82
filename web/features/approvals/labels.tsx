import { useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { APPROVAL_KINDS, type ApprovalKind, type ApprovalStatus } from '../../../shared/api/approvals.ts';

const isKind = (k: string): k is ApprovalKind => (APPROVAL_KINDS as readonly string[]).includes(k);

/**
 * Kinds of issue 9 (third parties), carried out on the provision pages: a contract's exception for
 * missing clauses (A19-1), a subcontract (A19-3), a provision to a third party (A17-2, A18).
 */
const PROVISION_ACT_PAGES: Record<string, string> = {
  contract_exception: '/provision/contracts', // A19-1: the 総括保護管理者's exception
  subcontract: '/provision/contracts', // A19-3: the 保護管理者's permission
  provision: '/provision/provisions', // A17-2, A18
  // Issue 11 (A30-2): a device or medium taken out of, or brought into, the office.
  device_take_out: '/facilities/devices',
  device_bring_in: '/facilities/devices',
  // Issue 12 (法82, 法93, 法101): decisions on individuals' requests, carried out on the request's page.
  disclosure_decision: '/requests',
  remedy_decision: '/requests',
};
const isProvisionKind = (k: string): boolean => Object.prototype.hasOwnProperty.call(PROVISION_ACT_PAGES, k);

/** A kind of request in plain words (複製, 送信, …); a kind of a later module shown as it is. */
export function useKindLabel(): (kind: string) => string {
  const { t } = useTranslation();
  return (kind) => (isKind(kind) || isProvisionKind(kind) ? t(`approvals.kinds.${kind}`) : kind);
}

/** Where each approved act is carried out (the pages of issue 7's acts). */
const ACT_PAGES: Record<ApprovalKind, string> = {
  export: '/handling/exports', // A12(1), A24の2
  transmit: '/handling/movements', // A12(2)
  send_out: '/handling/movements', // A12(3)
  take_out: '/handling/movements', // A12(3), A14
  correction: '/handling/corrections', // A13
  out_of_purpose: '/handling/out-of-purpose', // A17-2
  dispose_records: '/handling/disposals', // A15
  dispose_file: '/handling/disposals',
  dispose_medium: '/handling/disposals',
};

export const actPage = (kind: string): string | null =>
  isKind(kind) ? ACT_PAGES[kind] : (PROVISION_ACT_PAGES[kind] ?? null);
export const knownKind = (kind: string): boolean => isKind(kind) || isProvisionKind(kind);

const statusTone: Record<ApprovalStatus, string> = {
  submitted: 'border-primary bg-primary-soft text-primary',
  sent_back: 'border-warning bg-warning-soft text-warning',
  approved: 'border-success bg-success-soft text-success',
  denied: 'border-error bg-error-soft text-error',
  withdrawn: 'border-line bg-surface-muted text-ink-muted',
  expired: 'border-line bg-surface-muted text-ink-muted',
  done: 'border-success bg-surface text-success',
};

export function StatusBadge({ status }: { status: ApprovalStatus }) {
  const { t } = useTranslation();
  return <span className={`badge ${statusTone[status]}`}>{t(`approvals.statuses.${status}`)}</span>;
}

/**
 * Says that an action was done, as the page's notice (ui/page.tsx), replacing the one the person
 * arrived with; the URL stays as it is.
 */
export function useNotify(): (notice: string) => void {
  const navigate = useNavigate();
  const { pathname, search } = useLocation();
  return (notice) => void navigate({ pathname, search }, { replace: true, state: { notice } });
}
