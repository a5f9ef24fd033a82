import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CorrectionView } from '../../../../shared/api/handling-correction.ts';
import { useDates } from '../../../app/preferences.tsx';
import { Page } from '../../../ui/page.tsx';
import { QueryState } from '../../../ui/query-state.tsx';
import { useCorrections } from './queries.ts';

export function CorrectionStatusBadge({ status }: { status: CorrectionView['status'] }) {
  const { t } = useTranslation();
  const tone =
    status === 'corrected'
      ? 'border-success text-success'
      : status === 'reported' || status === 'instructed' || status === 'checking'
        ? 'border-warning text-warning'
        : 'border-line text-ink-muted';
  return <span className={`badge bg-surface ${tone}`}>{t(`correction.status.${status}`)}</span>;
}

const BOXES = ['mine', 'managed'] as const;

/** Corrections: those I reported, those of what I manage, or those of one file (?fileId=). */
export function CorrectionsPage() {
  const { t } = useTranslation();
  const dates = useDates();
  const [params, setParams] = useSearchParams();
  const fileId = params.get('fileId') ?? undefined;
  const box = fileId ? 'file' : params.get('box') === 'managed' ? 'managed' : 'mine';
  const list = useCorrections(box, fileId);
  return (
    <Page title={t('correction.title')} lead={<p>{t('correction.lead')}</p>}>
      {!fileId && (
        <div role="tablist" aria-label={t('correction.boxes')} className="mb-6 flex flex-wrap gap-3">
          {BOXES.map((b) => (
            <button
              key={b}
              type="button"
              role="tab"
              aria-selected={box === b}
              className={box === b ? 'btn-primary btn-sm' : 'btn-secondary btn-sm'}
              onClick={() => setParams(b === 'mine' ? {} : { box: b })}
            >
              {t(`correction.box.${b}`)}
            </button>
          ))}
        </div>
      )}
      <QueryState query={list}>
        {({ corrections }) =>
          corrections.length === 0 ? (
            <p>{t('correction.none')}</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">{t('correction.reportedAt')}</th>
                    <th scope="col">{t('correction.file')}</th>
                    <th scope="col">{t('correction.fields')}</th>
                    <th scope="col">{t('correction.reportedBy')}</th>
                    <th scope="col">{t('correction.statusLabel')}</th>
                    <th scope="col">{t('correction.number')}</th>
                  </tr>
                </thead>
                <tbody>
                  {corrections.map((c) => (
                    <tr key={c.id}>
                      <td>
                        <Link to={`/handling/corrections/${c.id}`}>{dates.dateTime(c.reportedAt)}</Link>
                      </td>
                      <td>{c.fileName}</td>
                      <td>{c.fields.map((f) => f.label).join('、')}</td>
                      <td>{c.reportedByName}</td>
                      <td>
                        <CorrectionStatusBadge status={c.status} />
                      </td>
                      <td>{c.requestNumber ?? '—'}</td>
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
