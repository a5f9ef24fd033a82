import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { OverdueListView, OverduePersonView } from '../../../shared/api/training.ts';
import { useDates } from '../../app/preferences.tsx';
import { Page, Section } from '../../ui/page.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { useOverdue } from './queries.ts';

type Count = OverdueListView['byUnit'][number];

function Counts({ rows, caption, section }: { rows: Count[]; caption: string; section: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="overflow-x-auto">
      <table className="data-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('training.col.unit')}</th>
            {section && <th scope="col">{t('training.overdue.section')}</th>}
            <th scope="col">{t('training.col.count')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.unitId}-${r.sectionId ?? ''}`}>
              <th scope="row">{r.unitName ?? '－'}</th>
              {section && <td>{r.sectionName ?? '－'}</td>}
              <td className="text-right">{t('training.overdue.count', { count: r.count })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function People({ people }: { people: OverduePersonView[] }) {
  const { t } = useTranslation();
  const dates = useDates();
  const sorted = [...people].sort(
    (a, b) =>
      (a.unitName ?? '').localeCompare(b.unitName ?? '') ||
      (a.sectionName ?? '').localeCompare(b.sectionName ?? '') ||
      a.employeeNumber.localeCompare(b.employeeNumber) ||
      a.courseNumber.localeCompare(b.courseNumber),
  );
  return (
    <div className="overflow-x-auto">
      <table className="data-table">
        <caption className="sr-only">{t('training.overdue.peopleCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('training.col.name')}</th>
            <th scope="col">{t('training.col.section')}</th>
            <th scope="col">{t('training.col.title')}</th>
            <th scope="col">{t('training.col.dueOn')}</th>
            <th scope="col">{t('training.col.lastCompletedOn')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((p) => (
            <tr key={`${p.personId}-${p.courseId}`}>
              <th scope="row">
                {p.name}
                <span className="block font-mono text-sm font-normal text-ink-muted">{p.employeeNumber}</span>
              </th>
              <td>{`${p.unitName ?? ''} ${p.sectionName ?? ''}`.trim() || '－'}</td>
              <td>
                {p.courseTitle}
                <span className="block font-mono text-sm text-ink-muted">{p.courseNumber}</span>
              </td>
              <td className="whitespace-nowrap font-bold text-error">{dates.date(p.dueOn)}</td>
              <td className="whitespace-nowrap">
                {p.lastCompletedOn ? dates.date(p.lastCompletedOn) : t('training.overdue.never')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** 絞り込み: a unit, then one of its sections — among those with overdue people. */
function Filter({
  all,
  unitId,
  sectionId,
}: {
  all: OverdueListView | undefined;
  unitId: string;
  sectionId: string;
}) {
  const { t } = useTranslation();
  const [, setParams] = useSearchParams();
  const [unit, setUnit] = useState(unitId);
  const [section, setSection] = useState(sectionId);
  const units = all?.byUnit ?? [];
  const sections = (all?.bySection ?? []).filter((s) => s.unitId === unit && s.sectionId);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams();
    if (unit) next.set('unitId', unit);
    if (unit && section) next.set('sectionId', section);
    setParams(next);
  };
  return (
    <form
      role="search"
      aria-label={t('training.overdue.filter')}
      className="card mb-6 flex flex-wrap items-end gap-4"
      onSubmit={submit}
    >
      <div>
        <label htmlFor="overdue-unit" className="label mb-1 block">
          {t('training.overdue.unit')}
        </label>
        <select
          id="overdue-unit"
          className="input"
          value={unit}
          onChange={(e) => {
            setUnit(e.target.value);
            setSection('');
          }}
        >
          <option value="">{t('training.overdue.allUnits')}</option>
          {units.map((u) => (
            <option key={u.unitId} value={u.unitId}>
              {u.unitName ?? u.unitId}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="overdue-section" className="label mb-1 block">
          {t('training.overdue.section')}
        </label>
        <select
          id="overdue-section"
          className="input"
          value={section}
          disabled={!unit}
          onChange={(e) => setSection(e.target.value)}
        >
          <option value="">{t('training.overdue.allSections')}</option>
          {sections.map((s) => (
            <option key={s.sectionId} value={s.sectionId ?? ''}>
              {s.sectionName ?? ''}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="btn-secondary">
        {t('training.overdue.apply')}
      </button>
    </form>
  );
}

/** /training/overdue: who is overdue on required training (A10), per unit and section, within the caller's scope. */
export function OverduePage() {
  const { t } = useTranslation();
  const dates = useDates();
  const [params] = useSearchParams();
  const unitId = params.get('unitId') ?? '';
  const sectionId = params.get('sectionId') ?? '';
  const all = useOverdue({});
  const list = useOverdue({ unitId: unitId || undefined, sectionId: sectionId || undefined });
  const title = t('training.overdue.title');
  return (
    <Page
      title={title}
      crumbs={[{ label: t('training.my.title'), to: '/training' }, { label: title }]}
      lead={<p>{t('training.overdue.lead')}</p>}
    >
      <Filter all={all.data} unitId={unitId} sectionId={sectionId} key={`${unitId}|${sectionId}`} />
      <QueryState query={list}>
        {(v) => (
          <>
            <p className="mb-2 text-sm text-ink-muted">
              {t('training.overdue.asOf', { date: dates.date(v.asOf) })}
            </p>
            {v.people.length === 0 ? (
              <p role="status" className="card">
                {t('training.overdue.empty')}
              </p>
            ) : (
              <>
                <Section title={t('training.overdue.byUnit')}>
                  <Counts rows={v.byUnit} caption={t('training.overdue.byUnitCaption')} section={false} />
                </Section>
                <Section title={t('training.overdue.bySection')}>
                  <Counts rows={v.bySection} caption={t('training.overdue.bySectionCaption')} section />
                </Section>
                <Section title={t('training.overdue.people')}>
                  <People people={v.people} />
                </Section>
              </>
            )}
          </>
        )}
      </QueryState>
    </Page>
  );
}
