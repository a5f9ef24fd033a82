import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../ui/alert.tsx';

/**
 * 承認待ち: a decision (disclosure, correction, suspension) submitted to the unit's 総括保護管理者,
 * what was submitted (`children`) and a link to the approval request.
 */
export function ApprovalWaiting({
  approvalId,
  link,
  children,
}: {
  approvalId: string | null;
  link: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Alert tone="info" title={t('requestsWork.decision.waitingTitle')}>
      {children}
      {approvalId && (
        <p className="mt-2">
          <Link to={`/approvals/${encodeURIComponent(approvalId)}`}>{link}</Link>
        </p>
      )}
    </Alert>
  );
}
