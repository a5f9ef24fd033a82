import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { NotificationView } from '../../../shared/api/approvals.ts';
import { errorMessage } from '../../app/api.ts';
import { useDates, usePreferences } from '../../app/preferences.tsx';
import { Alert, LiveRegion } from '../../ui/alert.tsx';
import { Page } from '../../ui/page.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { useNotify } from './labels.tsx';
import { useMarkRead, useNotifications } from './queries.ts';

/** The words of a notification's kind (codes such as approval.approved; the keys hold dots). */
function useNoticeText(): (n: NotificationView) => string {
  const { t } = useTranslation();
  const kinds = t('approvals.notifications.kinds', { returnObjects: true }) as Record<string, string>;
  return (n) => kinds[n.kind] ?? t('approvals.notifications.other');
}

/** /notifications: the in-app inbox (issue 7 "Notifications"), each linking to its request. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const dates = useDates();
  const list = useNotifications();
  const markRead = useMarkRead();
  const notify = useNotify();
  const text = useNoticeText();
  const unread = list.data?.notifications.filter((n) => !n.readAt).length ?? 0;
  return (
    <Page
      title={t('approvals.notifications.title')}
      crumbs={[
        { label: t('approvals.title'), to: '/approvals' },
        { label: t('approvals.notifications.title') },
      ]}
      lead={<p>{t('approvals.notifications.lead')}</p>}
      actions={
        unread > 0 && (
          <button
            type="button"
            className="btn-secondary"
            disabled={markRead.isPending}
            onClick={() =>
              markRead.mutate(null, { onSuccess: () => notify('approvals.notifications.markedAll') })
            }
          >
            {t('approvals.notifications.markAll')}
          </button>
        )
      }
    >
      <LiveRegion assertive>
        {markRead.isError && (
          <Alert tone="error" title={t('common.errorTitle')}>
            <p>{errorMessage(markRead.error, locale)}</p>
          </Alert>
        )}
      </LiveRegion>
      <QueryState query={list}>
        {({ notifications }) =>
          notifications.length === 0 ? (
            <p role="status" className="card">
              {t('approvals.notifications.empty')}
            </p>
          ) : (
            <div className="overflow-x-auto">
              <table className="data-table">
                <caption className="sr-only">{t('approvals.notifications.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('approvals.notifications.what')}</th>
                    <th scope="col">{t('approvals.notifications.about')}</th>
                    <th scope="col">{t('approvals.notifications.at')}</th>
                    <th scope="col">{t('approvals.notifications.state')}</th>
                  </tr>
                </thead>
                <tbody>
                  {notifications.map((n) => (
                    <tr key={n.id} className={n.readAt ? '' : 'bg-primary-soft'}>
                      <th scope="row" className={n.readAt ? 'font-normal' : 'font-bold'}>
                        {text(n)}
                      </th>
                      <td className="whitespace-nowrap">
                        {n.requestId || n.number ? (
                          <Link
                            to={n.path}
                            className="font-mono"
                            onClick={() => {
                              if (!n.readAt) markRead.mutate([n.id]);
                            }}
                          >
                            {n.number ?? t('approvals.notifications.openPlain')}
                          </Link>
                        ) : (
                          '－'
                        )}
                      </td>
                      <td className="whitespace-nowrap">{dates.dateTime(n.createdAt)}</td>
                      <td>
                        {n.readAt ? (
                          <span className="text-ink-muted">{t('approvals.notifications.read')}</span>
                        ) : (
                          <span className="badge border-primary bg-surface text-primary">
                            {t('approvals.notifications.unread')}
                          </span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryState>
    </Page>
  );
}
