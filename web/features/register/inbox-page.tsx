import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDates } from '../../app/preferences.tsx';
import { Page } from '../../ui/page.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { useRegisterInbox } from './queries.ts';

/** What awaits the signed-in person in the register (A20-1, A20-2, A20-5): oldest first. */
export function RegisterInboxPage() {
  const { t } = useTranslation();
  const dates = useDates();
  const inbox = useRegisterInbox();
  return (
    <Page
      title={t('fileRegister.inboxTitle')}
      crumbs={[{ label: t('fileRegister.title'), to: '/register-admin' }, { label: t('fileRegister.inbox') }]}
      lead={<p>{t('fileRegister.inboxLead')}</p>}
    >
      <QueryState query={inbox}>
        {({ items }) =>
          items.length === 0 ? (
            <p role="status">{t('fileRegister.inboxEmpty')}</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="data-table">
                <caption className="sr-only">{t('fileRegister.inboxTitle')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('fileRegister.task')}</th>
                    <th scope="col">{t('fileRegister.file')}</th>
                    <th scope="col">{t('fileRegister.unit')}</th>
                    <th scope="col">{t('fileRegister.section')}</th>
                    <th scope="col">{t('fileRegister.since')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((i) => (
                    <tr key={`${i.fileId}-${i.task}`}>
                      <td className="font-bold">{t(`fileRegister.tasks.${i.task}`)}</td>
                      <td>
                        <Link to={`/register-admin/files/${i.fileId}`}>{i.name}</Link>
                      </td>
                      <td>{i.unitName}</td>
                      <td>{i.sectionName}</td>
                      <td>{dates.dateTime(i.since)}</td>
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
