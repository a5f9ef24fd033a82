import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestView } from '../../../../shared/api/requests.ts';
import { Page } from '../../../ui/page.tsx';
import { QueryState } from '../../../ui/query-state.tsx';
import { useRequest } from '../common/queries.ts';
import { RequestHeader } from '../common/request-header.tsx';
import { RequestTabs, type RequestTabKey } from '../common/request-tabs.tsx';

type WorkTab = Exclude<RequestTabKey, 'overview'>;

/**
 * The frame of a request's work pages (issue 12, web-2): the title, the breadcrumbs 開示請求等 › R2026-0001
 * › the tab, the shared header (number, kind, status, due date) and the tabs, then the tab's body with
 * the request. The title and crumbs carry the request number only, never the requester's name.
 */
export function RequestWorkFrame({
  id,
  tab,
  children,
}: {
  id: string;
  tab: WorkTab;
  children: (request: RequestView) => ReactNode;
}) {
  const { t } = useTranslation();
  const request = useRequest(id);
  const number = request.data?.number;
  const label = t(`requestsWork.${tab}.title`);
  return (
    <Page
      title={number ? t('requestsWork.titleWith', { label, number }) : label}
      crumbs={[
        { label: t('requestsWork.crumbs.board'), to: '/requests' },
        { label: number ?? '…', to: `/requests/${encodeURIComponent(id)}` },
        { label },
      ]}
    >
      <QueryState query={request}>
        {(r) => (
          <>
            <RequestHeader request={r} />
            <RequestTabs id={id} current={tab} />
            {children(r)}
          </>
        )}
      </QueryState>
    </Page>
  );
}
