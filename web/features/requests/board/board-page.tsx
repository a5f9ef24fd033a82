import { Form, Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  OPEN_STATUSES,
  REQUEST_KINDS,
  REQUEST_STATUSES,
  type RequestKind,
  type RequestStatus,
} from '../../../../shared/api/requests.ts';
import { Page } from '../../../ui/page.tsx';
import { QueryState } from '../../../ui/query-state.tsx';
import { FilterSelect } from '../../facilities/common/filter-select.tsx';
import { useRequests } from '../common/queries.ts';
import { BoardTable } from './board-table.tsx';

/** The status filter: '' the open requests (default), 'all', or one status. */
type StatusFilter = '' | 'all' | RequestStatus;

const isStatus = (v: string | null): v is RequestStatus =>
  v !== null && (REQUEST_STATUSES as readonly string[]).includes(v);
const isKind = (v: string | null): v is RequestKind =>
  v !== null && (REQUEST_KINDS as readonly string[]).includes(v);

/** The filters, kept in the URL (a GET form), so that a filtered board can be bookmarked. */
function Filters({ status, kind }: { status: StatusFilter; kind: RequestKind | '' }) {
  const { t } = useTranslation();
  return (
    <Form
      method="get"
      className="card mb-6 flex flex-wrap items-end gap-4"
      aria-label={t('requests.board.filters')}
      key={`${status}|${kind}`}
    >
      <FilterSelect
        id="rq-status"
        name="status"
        label={t('requests.board.statusFilter')}
        defaultValue={status}
      >
        <option value="">{t('requests.board.openOnly')}</option>
        <option value="all">{t('requests.board.all')}</option>
        {REQUEST_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`requests.status.${s}`)}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect id="rq-kind" name="kind" label={t('requests.board.kindFilter')} defaultValue={kind}>
        <option value="">{t('requests.board.all')}</option>
        {REQUEST_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`requests.kind.${k}`)}
          </option>
        ))}
      </FilterSelect>
      <button type="submit" className="btn-secondary">
        {t('requests.board.apply')}
      </button>
    </Form>
  );
}

/**
 * /requests: the board of individuals' requests by nearest deadline (法83-1 30 days, 法94/法102;
 * 補正中 when the clock is stopped, 法83-1 ただし書). Open requests by default; closed and withdrawn
 * ones behind the 状態 filter (「すべて」 lists them below the open ones, recent first).
 */
export function RequestsBoardPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const rawStatus = params.get('status');
  const status: StatusFilter = rawStatus === 'all' ? 'all' : isStatus(rawStatus) ? rawStatus : '';
  const rawKind = params.get('kind');
  const kind = isKind(rawKind) ? rawKind : '';
  const list = useRequests({ status: isStatus(status) ? status : undefined, kind: kind || undefined });
  return (
    <Page
      title={t('requests.board.title')}
      lead={<p>{t('requests.board.lead')}</p>}
      actions={
        list.data?.canCreate && (
          <Link to="/requests/new" className="btn-primary">
            {t('requests.board.create')}
          </Link>
        )
      }
    >
      <Filters status={status} kind={kind} />
      <QueryState query={list}>
        {({ requests }) => {
          const open = requests.filter((r) => OPEN_STATUSES.includes(r.status));
          const shown = status === '' ? open : requests;
          if (shown.length === 0)
            return (
              <p role="status" className="card">
                {status === '' ? t('requests.board.emptyOpen') : t('requests.board.empty')}
              </p>
            );
          return <BoardTable requests={shown} />;
        }}
      </QueryState>
    </Page>
  );
}
