import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { REQUEST_KINDS, type RequestKind } from '../../../../shared/api/requests.ts';
import { Page } from '../../../ui/page.tsx';
import { QueryState } from '../../../ui/query-state.tsx';
import { useOffices, useRequest } from '../common/queries.ts';
import { IntakeForm } from './intake-form.tsx';

const isKind = (v: string | null): v is RequestKind =>
  v !== null && (REQUEST_KINDS as readonly string[]).includes(v);

/** The disclosure a correction or suspension follows (?parent=<id>), shown with its number. */
function WithParent({ parentId, kind }: { parentId: string; kind: RequestKind }) {
  const parent = useRequest(parentId);
  const offices = useOffices();
  return (
    <QueryState query={parent}>
      {(p) => (
        <QueryState query={offices}>
          {({ offices: list }) => <IntakeForm offices={list} kind={kind} parent={p} />}
        </QueryState>
      )}
    </QueryState>
  );
}

/**
 * /requests/new: receiving a written request (法77-1) at the office the register names, with the
 * identity check (法77-2), the fee (法89) and the day of receipt that starts the period (法83-1).
 * ?kind=correction|suspension&parent=<id> for a request following a disclosure (法90-3, 法98-3).
 */
export function RequestIntakePage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const rawKind = params.get('kind');
  const parentId = params.get('parent');
  const kind: RequestKind = isKind(rawKind) ? rawKind : parentId ? 'correction' : 'disclosure';
  const offices = useOffices();
  return (
    <Page
      title={t('requests.intake.title')}
      crumbs={[{ label: t('requests.board.title'), to: '/requests' }, { label: t('requests.intake.title') }]}
      lead={<p>{t('requests.intake.lead')}</p>}
    >
      {parentId ? (
        <WithParent parentId={parentId} kind={kind} />
      ) : (
        <QueryState query={offices}>
          {({ offices: list }) => <IntakeForm offices={list} kind={kind} parent={null} />}
        </QueryState>
      )}
    </Page>
  );
}
