import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { RequestView } from '../../../../shared/api/requests.ts';
import { Alert } from '../../../ui/alert.tsx';
import { QueryState } from '../../../ui/query-state.tsx';
import { FilesSection } from './files-section.tsx';
import { MatchesSection } from './matches-section.tsx';
import { useMatches } from './queries.ts';
import { TermsSection } from './terms-section.tsx';
import { RequestWorkFrame } from './work-frame.tsx';

/** Every search and every look at a record is an access with this request as its purpose (A11-3, A22-1). */
export function LoggedNote({ number }: { number: string }) {
  const { t } = useTranslation();
  return (
    <Alert tone="info" title={t('requestsWork.logged.title')}>
      <p>{t('requestsWork.logged.body', { number })}</p>
    </Alert>
  );
}

function SearchBody({ request }: { request: RequestView }) {
  const matches = useMatches(request.id);
  return (
    <>
      <QueryState query={matches}>
        {(view) => (
          <>
            {view.valuesShown && <LoggedNote number={request.number} />}
            <TermsSection request={request} view={view} />
            <FilesSection view={view} />
            <MatchesSection view={view} />
          </>
        )}
      </QueryState>
    </>
  );
}

/**
 * /requests/:id/search — 本人情報の検索 (法76, 法77-1-2): the requester's particulars as the terms, with
 * extra terms; every vault file searched through its blind indexes (ADR 0007); the candidates grouped by
 * file, each confirmed as the requester's or not (with a reason) by a handler; the files without an index
 * to be looked through by hand.
 */
export function RequestSearchPage() {
  const { id = '' } = useParams();
  return (
    <RequestWorkFrame id={id} tab="search">
      {(request) => <SearchBody request={request} />}
    </RequestWorkFrame>
  );
}
