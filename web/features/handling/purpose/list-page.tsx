import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDates } from '../../../app/preferences.tsx';
import { useSignedIn } from '../../../app/session.ts';
import { Page } from '../../../ui/page.tsx';
import { QueryState } from '../../../ui/query-state.tsx';
import { useOutOfPurposeList } from './queries.ts';

/** Requests to use or provide outside the purpose: mine, or those I oversee (A17-2). */
export function OutOfPurposeListPage() {
  const { t } = useTranslation();
  const dates = useDates();
  const session = useSignedIn();
  const [params, setParams] = useSearchParams();
  const box = params.get('box') === 'managed' ? 'managed' : 'mine';
  const list = useOutOfPurposeList(box);
  const chiefUnit = session.roles.find((r) => r.role === 'chief_protection_manager')?.unitId;
  return (
    <Page
      title={t('outOfPurpose.title')}
      lead={<p>{t('outOfPurpose.lead')}</p>}
      actions={
        chiefUnit ? (
          <Link className="btn-secondary" to={`/handling/out-of-purpose/restriction?unitId=${chiefUnit}`}>
            {t('outOfPurpose.restriction.title')}
          </Link>
        ) : undefined
      }
    >
      <div role="tablist" aria-label={t('outOfPurpose.boxes')} className="mb-6 flex flex-wrap gap-3">
        {(['mine', 'managed'] as const).map((b) => (
          <button
            key={b}
            type="button"
            role="tab"
            aria-selected={box === b}
            className={box === b ? 'btn-primary btn-sm' : 'btn-secondary btn-sm'}
            onClick={() => setParams(b === 'mine' ? {} : { box: b })}
          >
            {t(`outOfPurpose.box.${b}`)}
          </button>
        ))}
      </div>
      <QueryState query={list}>
        {({ requests }) =>
          requests.length === 0 ? (
            <p>{t('outOfPurpose.none')}</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">{t('outOfPurpose.number')}</th>
                    <th scope="col">{t('outOfPurpose.file')}</th>
                    <th scope="col">{t('outOfPurpose.groundLabel')}</th>
                    <th scope="col">{t('outOfPurpose.modeLabel')}</th>
                    <th scope="col">{t('outOfPurpose.requestedBy')}</th>
                    <th scope="col">{t('outOfPurpose.statusLabel')}</th>
                  </tr>
                </thead>
                <tbody>
                  {requests.map((r) => (
                    <tr key={r.id}>
                      <td>
                        <Link to={`/handling/out-of-purpose/${r.id}`}>{r.number}</Link>
                      </td>
                      <td>{r.fileName}</td>
                      <td>{t(`outOfPurpose.ground.${r.ground}`)}</td>
                      <td>{t(`outOfPurpose.mode.${r.mode}`)}</td>
                      <td>
                        {r.requestedByName}（{dates.date(r.requestedAt)}）
                      </td>
                      <td>{t(`outOfPurpose.status.${r.status}`, { defaultValue: r.status })}</td>
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
