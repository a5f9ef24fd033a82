import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccessQuery, AccessRowView } from '../../../../shared/api/log-analysis.ts';
import type { PersonView } from '../../../../shared/api/organisation.ts';
import { useDates } from '../../../app/preferences.tsx';
import { Alert, LiveRegion } from '../../../ui/alert.tsx';
import { Page } from '../../../ui/page.tsx';
import { LogNav } from '../log-nav.tsx';
import { Loading, QueryError } from '../../../ui/query-state.tsx';
import { PersonPicker } from '../../organisation/person-picker.tsx';
import { exportHref, useAccessAnswer } from './queries.ts';

const tokyoDay = (d: Date) => new Date(d.getTime() + 9 * 3600_000).toISOString().slice(0, 10);

function Rows({ rows }: { rows: AccessRowView[] }) {
  const { t } = useTranslation();
  const dates = useDates();
  return (
    <table className="data-table">
      <thead>
        <tr>
          <th scope="col">{t('logAnalysis.access.at')}</th>
          <th scope="col">{t('logAnalysis.access.actor')}</th>
          <th scope="col">{t('logAnalysis.access.where')}</th>
          <th scope="col">{t('logAnalysis.access.subject')}</th>
          <th scope="col">{t('logAnalysis.access.purpose')}</th>
          <th scope="col">{t('logAnalysis.access.outcome')}</th>
          <th scope="col">{t('logAnalysis.access.terminal')}</th>
          <th scope="col">{t('logAnalysis.access.records')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.entryId}>
            <td>{dates.dateTime(r.occurredAt)}</td>
            <td>{r.actor ? `${r.actor.name}（${r.actor.employeeNumber}）` : r.actorLabel}</td>
            <td>{[r.unitName, r.sectionName].filter(Boolean).join(' ')}</td>
            <td className="font-mono text-sm">{[r.subjectType, r.subjectId].filter(Boolean).join(': ')}</td>
            <td>{r.purpose}</td>
            <td>{t(`logAnalysis.outcome.${r.outcome}`)}</td>
            <td>{r.terminalId ?? t('logAnalysis.access.unregistered')}</td>
            <td>
              {r.recordCount}
              {r.myNumber && <span className="badge ms-2">{t('logAnalysis.access.myNumber')}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** /logs/analysis/access — who accessed this record, what did this person access (A22-1), with export. */
export function AccessQuestionsPage() {
  const { t } = useTranslation();
  const id = useId();
  const [kind, setKind] = useState<'record' | 'person'>('record');
  const [recordId, setRecordId] = useState('');
  const [person, setPerson] = useState<PersonView | null>(null);
  const [period, setPeriod] = useState(() => ({
    fromDay: tokyoDay(new Date(Date.now() - 30 * 86_400_000)),
    toDay: tokyoDay(new Date()),
  }));
  const [missing, setMissing] = useState(false);
  const [asked, setAsked] = useState<AccessQuery | null>(null);
  const answer = useAccessAnswer(asked);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const subject =
      kind === 'record'
        ? recordId.trim()
          ? { recordId: recordId.trim() }
          : null
        : person
          ? { personId: person.id }
          : null;
    setMissing(!subject);
    if (subject) setAsked({ ...subject, ...period });
  };

  return (
    <Page title={t('logAnalysis.access.title')} lead={<p>{t('logAnalysis.access.intro')}</p>}>
      <LogNav />
      <form className="card mb-8 grid gap-4" onSubmit={submit} noValidate>
        <fieldset className="flex flex-wrap gap-4">
          <legend className="label">{t('logAnalysis.access.question')}</legend>
          {(['record', 'person'] as const).map((k) => (
            <label key={k} className="flex items-center gap-2">
              <input type="radio" name="question" checked={kind === k} onChange={() => setKind(k)} />
              {t(k === 'record' ? 'logAnalysis.access.byRecord' : 'logAnalysis.access.byPerson')}
            </label>
          ))}
        </fieldset>
        {missing && (
          <p className="font-bold text-error">
            <span aria-hidden="true">⚠ </span>
            {t('logAnalysis.access.required')}
          </p>
        )}
        {kind === 'record' ? (
          <div>
            <label htmlFor={`${id}-record`} className="label">
              {t('logAnalysis.access.recordId')}
            </label>
            <input
              id={`${id}-record`}
              className="input font-mono"
              value={recordId}
              onChange={(e) => setRecordId(e.target.value)}
            />
          </div>
        ) : (
          <PersonPicker
            label={t('logAnalysis.access.person')}
            unitId={null}
            value={person}
            onChange={setPerson}
          />
        )}
        <div className="grid gap-4 md:grid-cols-2">
          {(['fromDay', 'toDay'] as const).map((k) => (
            <div key={k}>
              <label htmlFor={`${id}-${k}`} className="label">
                {t(`logAnalysis.access.${k}`)}
              </label>
              <input
                id={`${id}-${k}`}
                type="date"
                className="input"
                required
                value={period[k]}
                onChange={(e) => setPeriod({ ...period, [k]: e.target.value })}
              />
            </div>
          ))}
        </div>
        <div>
          <button type="submit" className="btn-primary">
            {t('logAnalysis.access.submit')}
          </button>
        </div>
      </form>
      <LiveRegion>
        {asked &&
          (answer.isPending ? (
            <Loading />
          ) : answer.isError ? (
            <QueryError error={answer.error} onRetry={() => void answer.refetch()} />
          ) : (
            <section aria-labelledby={`${id}-results`}>
              <h2 id={`${id}-results`} className="mb-2 text-xl">
                {t('logAnalysis.access.results', { count: answer.data.rows.length })}
              </h2>
              {answer.data.truncated && <Alert tone="warning" title={t('logAnalysis.access.truncated')} />}
              {answer.data.rows.length === 0 ? (
                <p>{t('logAnalysis.access.empty')}</p>
              ) : (
                <>
                  <p className="mb-4 flex flex-wrap gap-4">
                    <a className="btn-secondary" href={exportHref(asked, 'csv')} download>
                      {t('logAnalysis.access.exportCsv')}
                    </a>
                    <a className="btn-secondary" href={exportHref(asked, 'xlsx')} download>
                      {t('logAnalysis.access.exportXlsx')}
                    </a>
                  </p>
                  <Rows rows={answer.data.rows} />
                </>
              )}
            </section>
          ))}
      </LiveRegion>
    </Page>
  );
}
