import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParticipantView, SessionView } from '../../../shared/api/training.ts';
import { useDates } from '../../app/preferences.tsx';
import { Alert, LiveRegion } from '../../ui/alert.tsx';
import { DatePreview } from '../../ui/field.tsx';
import { FormErrors } from '../../ui/form-errors.tsx';
import { Section } from '../../ui/page.tsx';
import { Badge } from '../../ui/badge.tsx';
import { Saved } from './bits.tsx';
import { StatusBadge } from './labels.tsx';
import { useEnrol, useRecordCompletion } from './queries.ts';

const byName = (a: ParticipantView, b: ParticipantView) =>
  a.employeeNumber.localeCompare(b.employeeNumber) || a.personId.localeCompare(b.personId);

function Row({
  p,
  checked,
  onToggle,
}: {
  p: ParticipantView;
  checked: boolean;
  onToggle: (on: boolean) => void;
}) {
  const { t } = useTranslation();
  const dates = useDates();
  return (
    <tr>
      <td>
        <input
          type="checkbox"
          className="size-6 accent-primary"
          checked={checked}
          aria-label={t('training.session.select', { name: p.name })}
          onChange={(e) => onToggle(e.target.checked)}
        />
      </td>
      <th scope="row">
        {p.name}
        <span className="block font-mono text-sm font-normal text-ink-muted">{p.employeeNumber}</span>
      </th>
      <td>{`${p.unitName ?? ''} ${p.sectionName ?? ''}`.trim() || '－'}</td>
      <td>
        {p.enrolled ? (
          <Badge tone="info">{t('training.session.enrolled')}</Badge>
        ) : (
          <span className="text-ink-muted">{t('training.session.notEnrolled')}</span>
        )}
      </td>
      <td className="whitespace-nowrap">{p.completedOn ? dates.date(p.completedOn) : '－'}</td>
      <td>
        <StatusBadge status={p.status} />
      </td>
    </tr>
  );
}

/**
 * 受講者: the people of the audience the caller may arrange — enrol them (A10-4: the 保護管理者 has its
 * section's staff take part) and record their attendance and completion.
 */
export function Participants({ session: s }: { session: SessionView }) {
  const { t } = useTranslation();
  const dates = useDates();
  const enrol = useEnrol(s.id);
  const record = useRecordCompletion(s.id);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [completedOn, setCompletedOn] = useState('');
  const [empty, setEmpty] = useState(false);
  const [done, setDone] = useState<'enrol' | 'record' | null>(null);
  const people = [...s.participants].sort(byName);
  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    setChosen(next);
  };
  const run = (what: 'enrol' | 'record') => {
    setDone(null);
    if (chosen.size === 0) return setEmpty(true);
    setEmpty(false);
    const personIds = [...chosen];
    const call =
      what === 'enrol'
        ? enrol.mutateAsync({ personIds })
        : record.mutateAsync({ personIds, completedOn: completedOn || null });
    void call
      .then(() => {
        setChosen(new Set());
        setDone(what);
      })
      .catch(() => undefined);
  };
  return (
    <Section title={t('training.session.participants')}>
      <p className="mb-4 max-w-3xl">{t('training.session.participantsLead')}</p>
      <Saved
        show={done !== null}
        text={done === 'enrol' ? t('training.session.enrolledDone') : t('training.session.recordedDone')}
      />
      <LiveRegion assertive>
        {empty && <Alert tone="error" title={t('training.session.chooseSomeone')} />}
      </LiveRegion>
      <FormErrors errors={{}} serverError={enrol.error ?? record.error} />
      {people.length === 0 ? (
        <p className="text-ink-muted">{t('training.session.noParticipants')}</p>
      ) : (
        <div className="mb-6 overflow-x-auto">
          <table className="data-table">
            <caption className="sr-only">{t('training.session.participantsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">
                  <span className="sr-only">{t('training.col.select')}</span>
                </th>
                <th scope="col">{t('training.col.name')}</th>
                <th scope="col">{t('training.col.section')}</th>
                <th scope="col">{t('training.col.enrolment')}</th>
                <th scope="col">{t('training.col.completedOn')}</th>
                <th scope="col">{t('training.col.status')}</th>
              </tr>
            </thead>
            <tbody>
              {people.map((p) => (
                <Row
                  key={p.personId}
                  p={p}
                  checked={chosen.has(p.personId)}
                  onToggle={(on) => toggle(p.personId, on)}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {people.length > 0 && (
        <div className="flex flex-wrap items-end gap-6">
          {s.canEnrol && (
            <button
              type="button"
              className="btn-secondary"
              disabled={enrol.isPending}
              onClick={() => run('enrol')}
            >
              {t('training.session.enrol')}
            </button>
          )}
          {s.canRecord && (
            <div className="flex flex-wrap items-end gap-3">
              <div>
                <label htmlFor="completed-on" className="label mb-1 block">
                  {t('training.session.completedOn')}
                </label>
                <p id="completed-on-help" className="mb-1 text-sm text-ink-muted">
                  {t('training.session.completedOnHelp')}
                </p>
                <input
                  id="completed-on"
                  type="date"
                  className="input"
                  aria-describedby="completed-on-help"
                  value={completedOn}
                  onChange={(e) => setCompletedOn(e.target.value)}
                />
                <DatePreview text={dates.date(completedOn)} />
              </div>
              <button
                type="button"
                className="btn-primary"
                disabled={record.isPending}
                onClick={() => run('record')}
              >
                {t('training.session.record')}
              </button>
            </div>
          )}
        </div>
      )}
    </Section>
  );
}
