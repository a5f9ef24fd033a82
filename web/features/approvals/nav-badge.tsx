import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useApprovalCounts } from './queries.ts';

/** What awaits the person: requests to decide, their own sent back, unread notifications. */
export function usePendingCount(): number {
  const counts = useApprovalCounts();
  const { pathname } = useLocation();
  const { refetch } = counts;
  // Read again on each navigation (and on focus, by the query): a decision elsewhere changes it.
  useEffect(() => {
    void refetch();
  }, [pathname, refetch]);
  const c = counts.data;
  return c ? c.toDecide + c.sentBack + c.unread : 0;
}

/**
 * The count beside 「承認・通知」 in the navigation (issue 7 "an inbox per person with counts in the
 * navigation"): the number is seen, 「未処理 3件」 is heard.
 */
export function ApprovalsNavBadge() {
  const { t } = useTranslation();
  const count = usePendingCount();
  if (count === 0) return null;
  return (
    <>
      <span
        aria-hidden="true"
        className="ml-2 inline-block min-w-7 rounded-full bg-white px-2 text-center text-sm leading-6 font-bold text-primary"
      >
        {count > 99 ? '99+' : count}
      </span>
      <span className="sr-only">{`（${t('approvals.pending', { count })}）`}</span>
    </>
  );
}
