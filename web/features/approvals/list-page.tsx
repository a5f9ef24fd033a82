import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ApprovalView } from '../../../shared/api/approvals.ts';
import { useCan } from '../../app/ability.ts';
import { useDates } from '../../app/preferences.tsx';
import { useSignedIn } from '../../app/session.ts';
import { Page } from '../../ui/page.tsx';
import { LinkTabs } from '../../ui/link-tabs.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { StatusBadge, useKindLabel } from './labels.tsx';
import { useApprovalCounts, useApprovals, type Box } from './queries.ts';

const BOXES: Box[] = ['to_decide', 'mine', 'decided', 'all'];
const DECIDERS = ['protection_manager', 'chief_protection_manager'];

/** The boxes the person has: deciders (and deputies with something waiting) start at 決裁待ち. */
function useBoxes(): { boxes: Box[]; first: Box } {
  const { roles } = useSignedIn();
  const can = useCan();
  const counts = useApprovalCounts();
  const decides = roles.some((r) => DECIDERS.includes(r.role)) || (counts.data?.toDecide ?? 0) > 0;
  // The 総括管理者, the 監査責任者 and managers see every request in their reach (A4, A5, A6, A8).
  const oversees = can('read', 'ApprovalRequest');
  const boxes = BOXES.filter((b) => (b === 'all' ? oversees : b === 'to_decide' ? decides : true));
  return { boxes, first: decides ? 'to_decide' : 'mine' };
}

function RequestTable({ box, requests }: { box: Box; requests: ApprovalView[] }) {
  const { t } = useTranslation();
  const dates = useDates();
  const kindLabel = useKindLabel();
  return (
    <div className="overflow-x-auto">
      <table className="data-table">
        <caption className="sr-only">{t(`approvals.caption.${box}`)}</caption>
        <thead>
          <tr>
            <th scope="col">{t('approvals.col.number')}</th>
            <th scope="col">{t('approvals.col.kind')}</th>
            <th scope="col">{t('approvals.col.file')}</th>
            <th scope="col">{t('approvals.col.section')}</th>
            <th scope="col">{t('approvals.col.requester')}</th>
            <th scope="col">{t('approvals.col.requestedAt')}</th>
            <th scope="col">{t('approvals.col.expiresAt')}</th>
            <th scope="col">{t('approvals.col.status')}</th>
          </tr>
        </thead>
        <tbody>
          {requests.map((r) => (
            <tr key={r.id}>
              <th scope="row" className="whitespace-nowrap">
                <Link to={`/approvals/${r.id}`} className="font-mono">
                  {r.number}
                </Link>
              </th>
              <td className="whitespace-nowrap font-bold">{kindLabel(r.kind)}</td>
              <td className="min-w-36">{r.fileName ?? t('approvals.noFile')}</td>
              <td className="min-w-36">{`${r.unitName} ${r.sectionName}`.trim()}</td>
              <td className="whitespace-nowrap">{r.requestedByName}</td>
              <td className="whitespace-nowrap">{dates.dateTime(r.requestedAt)}</td>
              <td className="whitespace-nowrap">
                {['submitted', 'sent_back', 'approved'].includes(r.status) ? dates.date(r.expiresAt) : '－'}
              </td>
              <td>
                <StatusBadge status={r.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function BoxTabs({ boxes, current }: { boxes: Box[]; current: Box }) {
  const { t } = useTranslation();
  const counts = useApprovalCounts();
  const count = (b: Box) =>
    b === 'to_decide' ? counts.data?.toDecide : b === 'mine' ? counts.data?.sentBack : undefined;
  const tabs = boxes.map((b) => {
    const n = count(b);
    const label = t(`approvals.tabs.${b}`);
    return {
      key: b,
      to: `/approvals?box=${b}`,
      label: n ? t('approvals.tabCount', { label, count: n }) : label,
    };
  });
  return <LinkTabs label={t('approvals.tabs.label')} tabs={tabs} current={current} />;
}

/** /approvals: the person's boxes of requests (issue 7; A12, A13, A15, A17-2). */
export function ApprovalsPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const can = useCan();
  const { roles } = useSignedIn();
  const { boxes, first } = useBoxes();
  const asked = params.get('box') as Box | null;
  const box: Box = asked && boxes.includes(asked) ? asked : first;
  const requests = useApprovals(box);
  const managesDeputies = can('manage', 'ApprovalDeputy') || roles.some((r) => DECIDERS.includes(r.role));
  return (
    <Page
      title={t('approvals.title')}
      lead={<p>{t('approvals.lead')}</p>}
      actions={
        <>
          <Link to="/notifications" className="btn-secondary">
            {t('approvals.notifications.menu')}
          </Link>
          {managesDeputies && (
            <Link to="/approvals/deputies" className="btn-secondary">
              {t('approvals.deputies.menu')}
            </Link>
          )}
        </>
      }
    >
      <BoxTabs boxes={boxes} current={box} />
      <h2 className="sr-only">{t(`approvals.tabs.${box}`)}</h2>
      <QueryState query={requests}>
        {({ requests: list }) =>
          list.length === 0 ? (
            <p role="status" className="card">
              {t(`approvals.empty.${box}`)}
            </p>
          ) : (
            <RequestTable box={box} requests={list} />
          )
        }
      </QueryState>
    </Page>
  );
}
