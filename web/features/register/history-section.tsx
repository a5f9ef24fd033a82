import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VersionView } from '../../../shared/api/register.ts';
import { useDates } from '../../app/preferences.tsx';
import { Section } from '../../ui/page.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { useFieldLabel, useFieldValue, VersionBadge } from './labels.tsx';
import { useFileDiff, useFileHistory } from './queries.ts';

/** Field by field, what changed between two versions (A20-3: amendments, for staff). */
function Diff({ fileId, from, to }: { fileId: string; from: number; to: number }) {
  const { t } = useTranslation();
  const label = useFieldLabel();
  const value = useFieldValue();
  const diff = useFileDiff(fileId, from, to);
  if (from === to) return <p>{t('fileRegister.history.chooseTwo')}</p>;
  const title = t('fileRegister.history.diffTitle', { from, to });
  return (
    <QueryState query={diff}>
      {(d) =>
        d.changes.length === 0 ? (
          <p role="status">{t('fileRegister.history.noChanges')}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="data-table">
              <caption className="mb-2 text-left font-bold">{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('fileRegister.history.field')}</th>
                  <th scope="col">{t('fileRegister.history.before')}</th>
                  <th scope="col">{t('fileRegister.history.after')}</th>
                </tr>
              </thead>
              <tbody>
                {d.changes.map((c) => {
                  const key = c.field as Parameters<typeof value>[0];
                  return (
                    <tr key={c.field}>
                      <th scope="row">{label(c.field)}</th>
                      <td className="whitespace-pre-line">
                        <del className="bg-error-soft no-underline">{value(key, c.before)}</del>
                      </td>
                      <td className="whitespace-pre-line">
                        <ins className="bg-success-soft no-underline">{value(key, c.after)}</ins>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )
      }
    </QueryState>
  );
}

function Versions({ fileId, versions }: { fileId: string; versions: VersionView[] }) {
  const { t } = useTranslation();
  const dates = useDates();
  const last = versions.at(-1)?.number ?? 1;
  const [pair, setPair] = useState({ from: Math.max(1, last - 1), to: last });
  const [shown, setShown] = useState(pair);
  const select = (name: 'from' | 'to') => (
    <div>
      <label htmlFor={`diff-${name}`} className="label mb-1">
        {t(`fileRegister.history.${name}`)}
      </label>
      <select
        id={`diff-${name}`}
        className="input"
        value={pair[name]}
        onChange={(e) => setPair({ ...pair, [name]: Number(e.target.value) })}
      >
        {versions.map((v) => (
          <option key={v.number} value={v.number}>
            {t('fileRegister.history.version')} {v.number}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <>
      <div className="overflow-x-auto">
        <table className="data-table">
          <caption className="sr-only">{t('fileRegister.history.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('fileRegister.history.version')}</th>
              <th scope="col">{t('fileRegister.history.status')}</th>
              <th scope="col">{t('fileRegister.history.created')}</th>
              <th scope="col">{t('fileRegister.history.submitted')}</th>
              <th scope="col">{t('fileRegister.history.decided')}</th>
            </tr>
          </thead>
          <tbody>
            {[...versions].reverse().map((v) => (
              <tr key={v.id}>
                <th scope="row">{v.number}</th>
                <td>
                  <VersionBadge status={v.status} />
                  {v.returnReason && <p className="mt-1 text-sm">{v.returnReason}</p>}
                </td>
                <td>{dates.dateTime(v.createdAt)}</td>
                <td>{dates.dateTime(v.submittedAt)}</td>
                <td>{dates.dateTime(v.decidedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {versions.length > 1 && (
        <>
          <form
            className="card mt-6 flex flex-wrap items-end gap-4"
            aria-label={t('fileRegister.history.compare')}
            onSubmit={(e) => {
              e.preventDefault();
              setShown(pair);
            }}
          >
            {select('from')}
            {select('to')}
            <button type="submit" className="btn-secondary">
              {t('fileRegister.history.show')}
            </button>
          </form>
          <div className="mt-6">
            <Diff fileId={fileId} from={shown.from} to={shown.to} />
          </div>
        </>
      )}
    </>
  );
}

/** The change history of an entry: every version and who did what when, and the diff of any two. */
export function HistorySection({ fileId }: { fileId: string }) {
  const { t } = useTranslation();
  const history = useFileHistory(fileId);
  return (
    <Section title={t('fileRegister.detail.history')}>
      <QueryState query={history}>
        {(h) => <Versions key={h.versions.length} fileId={fileId} versions={h.versions} />}
      </QueryState>
    </Section>
  );
}
