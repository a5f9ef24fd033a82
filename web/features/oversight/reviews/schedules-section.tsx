import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ScheduleView } from '../../../../shared/api/oversight.ts';
import { useDates } from '../../../app/preferences.tsx';
import { FormErrors } from '../../../ui/form-errors.tsx';
import { Section } from '../../../ui/page.tsx';
import { QueryState } from '../../../ui/query-state.tsx';
import { Saved } from './bits.tsx';
import { OverdueBadge } from './labels.tsx';
import { useSchedules, useSetSchedule } from './queries.ts';

const label = (s: ScheduleView) => `${s.unitName} ${s.sectionName}`.trim();

/** 周期の設定: months between inspections of one section (its 保護管理者 or the unit's 総括保護管理者). */
function IntervalForm({ schedule: s, onSaved }: { schedule: ScheduleView; onSaved: (name: string) => void }) {
  const { t } = useTranslation();
  const save = useSetSchedule();
  const [value, setValue] = useState(String(s.intervalMonths));
  const id = `interval-${s.sectionId}`;
  const valid = /^\d{1,2}$/.test(value) && +value >= 1 && +value <= 24;
  return (
    <form
      noValidate
      className="flex flex-wrap items-center gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid)
          void save
            .mutateAsync({ sectionId: s.sectionId, intervalMonths: Number(value) })
            .then(() => onSaved(label(s)))
            .catch(() => undefined);
      }}
    >
      <label htmlFor={id} className="sr-only">
        {t('reviews.schedules.intervalLabel', { section: label(s) })}
      </label>
      <input
        id={id}
        type="number"
        min={1}
        max={24}
        inputMode="numeric"
        className="input w-20"
        aria-invalid={valid ? undefined : true}
        value={value}
        onChange={(e) => setValue(e.target.value)}
      />
      <span aria-hidden="true">{t('reviews.schedules.months')}</span>
      <button type="submit" className="btn-secondary btn-sm" disabled={!valid || save.isPending}>
        {t('reviews.schedules.save')}
      </button>
      {save.isError && <FormErrors errors={{}} serverError={save.error} />}
    </form>
  );
}

function NextDue({ schedule: s }: { schedule: ScheduleView }) {
  const { t } = useTranslation();
  const dates = useDates();
  return (
    <span className={s.overdue ? 'font-bold text-error' : undefined}>
      {s.nextDue ? dates.date(s.nextDue) : t('reviews.schedules.dueNow')}
      {s.overdue && (
        <span className="ml-2">
          <OverdueBadge />
        </span>
      )}
    </span>
  );
}

/** 点検の予定 (A37 「定期に」): each section in view, its interval, last inspection and next due day. */
export function SchedulesSection() {
  const { t } = useTranslation();
  const dates = useDates();
  const schedules = useSchedules();
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <Section title={t('reviews.schedules.title')}>
      <p className="mb-4 max-w-3xl">{t('reviews.schedules.lead')}</p>
      <Saved show={saved !== null} text={t('reviews.schedules.savedFor', { section: saved ?? '' })} />
      <QueryState query={schedules}>
        {({ schedules: rows }) =>
          rows.length === 0 ? (
            <p className="card">{t('reviews.schedules.empty')}</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="data-table">
                <caption className="sr-only">{t('reviews.schedules.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('reviews.schedules.section')}</th>
                    <th scope="col">{t('reviews.schedules.last')}</th>
                    <th scope="col">{t('reviews.schedules.nextDue')}</th>
                    <th scope="col">{t('reviews.schedules.interval')}</th>
                    <th scope="col">{t('reviews.schedules.inspect')}</th>
                  </tr>
                </thead>
                <tbody>
                  {[...rows]
                    .sort(
                      (a, b) => label(a).localeCompare(label(b)) || a.sectionId.localeCompare(b.sectionId),
                    )
                    .map((s) => (
                      <tr key={s.sectionId}>
                        <th scope="row">{label(s)}</th>
                        <td className="whitespace-nowrap">
                          {s.lastInspectedOn ? dates.date(s.lastInspectedOn) : t('reviews.schedules.never')}
                        </td>
                        <td className="min-w-40">
                          <NextDue schedule={s} />
                        </td>
                        <td className="min-w-40">
                          {s.canEdit ? (
                            <IntervalForm schedule={s} onSaved={setSaved} />
                          ) : (
                            t('reviews.schedules.intervalValue', { count: s.intervalMonths })
                          )}
                        </td>
                        <td>
                          {s.canInspect ? (
                            <Link
                              to={`/oversight/inspections/new?sectionId=${s.sectionId}`}
                              className="btn-primary btn-sm"
                              aria-label={`${t('reviews.schedules.inspect')}（${label(s)}）`}
                            >
                              {t('reviews.schedules.inspect')}
                            </Link>
                          ) : (
                            '－'
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
    </Section>
  );
}
