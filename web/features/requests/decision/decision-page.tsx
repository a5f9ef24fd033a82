import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { RequestView } from '../../../../shared/api/requests.ts';
import { Alert } from '../../../ui/alert.tsx';
import { QueryState } from '../../../ui/query-state.tsx';
import { LoggedNote } from '../search/search-page.tsx';
import { RequestWorkFrame } from '../search/work-frame.tsx';
import { CarryOutSection } from './carry-out-section.tsx';
import { useDecision } from './queries.ts';
import { RecordsSection } from './records-section.tsx';
import { DecisionState, SubmitSection } from './submit-section.tsx';

function DecisionBody({ request }: { request: RequestView }) {
  const { t } = useTranslation();
  const decision = useDecision(request.id);
  if (request.kind !== 'disclosure')
    return <Alert tone="info" title={t('requestsWork.decision.notDisclosure')} />;
  return (
    <QueryState query={decision}>
      {(view) => (
        <>
          <DecisionState view={view} />
          {/* Once decided, the next steps come first; the records stay below for reference. */}
          <CarryOutSection view={view} />
          {view.can.readValues && <LoggedNote number={view.number} />}
          <RecordsSection view={view} />
          <SubmitSection view={view} />
        </>
      )}
    </QueryState>
  );
}

/**
 * /requests/:id/decision — 決定 (法78–87): the confirmed records with their field labels, the values
 * on demand (logged), the withheld items with their grounds (法78-1 各号), the decision and 「承認を
 * 依頼」; once approved, the notice, the method (法87-3) and the carrying out.
 */
export function RequestDecisionPage() {
  const { id = '' } = useParams();
  return (
    <RequestWorkFrame id={id} tab="decision">
      {(request) => <DecisionBody request={request} />}
    </RequestWorkFrame>
  );
}
