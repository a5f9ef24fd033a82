import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Section } from '../../ui/page.tsx';
import { useApprovalCounts } from './queries.ts';

/** On the home page, what awaits the person in approvals and notifications, when anything does. */
export function ApprovalsAwaiting() {
  const { t } = useTranslation();
  const counts = useApprovalCounts();
  const c = counts.data;
  if (!c) return null;
  const lines = [
    {
      n: c.toDecide,
      text: t('approvals.home.toDecide', { count: c.toDecide }),
      to: '/approvals?box=to_decide',
    },
    { n: c.sentBack, text: t('approvals.home.sentBack', { count: c.sentBack }), to: '/approvals?box=mine' },
    { n: c.approved, text: t('approvals.home.approved', { count: c.approved }), to: '/approvals?box=mine' },
    { n: c.unread, text: t('approvals.home.unread', { count: c.unread }), to: '/notifications' },
  ].filter((l) => l.n > 0);
  if (lines.length === 0) return null;
  return (
    <Section title={t('approvals.home.title')}>
      <div className="card">
        <ul className="grid gap-2">
          {lines.map((l) => (
            <li key={l.text} className="text-lg font-bold">
              <Link to={l.to}>{l.text}</Link>
            </li>
          ))}
        </ul>
        <p className="mt-4 flex flex-wrap gap-4">
          <Link to="/approvals" className="btn-primary">
            {t('approvals.home.open')}
          </Link>
          {c.unread > 0 && (
            <Link to="/notifications" className="btn-secondary">
              {t('approvals.home.openNotifications')}
            </Link>
          )}
        </p>
      </div>
    </Section>
  );
}
