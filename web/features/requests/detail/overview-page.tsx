import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../ui/page.tsx';
import { QueryState } from '../../../ui/query-state.tsx';
import { RequestHeader } from '../common/request-header.tsx';
import { RequestTabs } from '../common/request-tabs.tsx';
import { useRequest } from '../common/queries.ts';
import { ChildrenSection, DecisionFacts, WithdrawSection } from './decision-section.tsx';
import { ExtensionSection, LargeSection } from './extension-section.tsx';
import { FeeSection } from './fee-section.tsx';
import { ParticularsSection } from './particulars-section.tsx';
import { PausesSection } from './pauses-section.tsx';
import { PeriodsSection } from './periods-section.tsx';

/**
 * /requests/:id — the request's overview: the header and tabs, the periods (法83, 法84, 法94, 法102)
 * with 補正 (法77-3), extension (法83-2) and the large case (法84), the requester and the content (for
 * handlers and the 監査責任者), identity (法77-2), the fee (法89), the decision's facts, withdrawal, and
 * the correction and suspension requests that follow a carried-out disclosure (法90-3, 法98-3).
 */
export function RequestOverviewPage() {
  const { t } = useTranslation();
  const id = useParams().id ?? '';
  const request = useRequest(id);
  const number = request.data?.number ?? '';
  return (
    <Page
      title={request.data ? t('requests.overview.title', { number }) : t('requests.board.title')}
      crumbs={[{ label: t('requests.board.title'), to: '/requests' }, { label: number || '…' }]}
    >
      <QueryState query={request}>
        {(r) => (
          <>
            <RequestHeader request={r} />
            <RequestTabs id={r.id} current="overview" />
            <PeriodsSection request={r} />
            <PausesSection request={r} />
            <ExtensionSection request={r} />
            <LargeSection request={r} />
            <ParticularsSection request={r} />
            <FeeSection request={r} />
            <DecisionFacts request={r} />
            <ChildrenSection request={r} />
            <WithdrawSection request={r} />
          </>
        )}
      </QueryState>
    </Page>
  );
}
