import { useId, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../../shared/roles.ts';
import { CheckboxField } from '../../ui/choice-field.tsx';
import { useUnit, useUnits } from '../organisation/queries.ts';
import type { CourseValues } from './course-form.tsx';

/** The chosen sections (課等) of the audience, by id with the name shown. */
export type ChosenSections = Map<string, string>;

/** A box of checkboxes under a legend (roles, units). */
function CheckGroup({
  legend,
  help,
  options,
  registration,
  scroll,
}: {
  legend: string;
  help?: string;
  options: { value: string; label: string }[];
  registration: ReturnType<UseFormReturn<CourseValues>['register']>;
  scroll?: boolean;
}) {
  const helpId = useId();
  return (
    <fieldset className="mb-6" aria-describedby={help ? helpId : undefined}>
      <legend className="label mb-1">{legend}</legend>
      {help && (
        <p id={helpId} className="mb-2 text-sm text-ink-muted">
          {help}
        </p>
      )}
      <div
        className={`grid gap-x-6 sm:grid-cols-2 ${scroll ? 'max-h-64 overflow-y-auto rounded-lg border border-line-soft p-2' : ''}`}
      >
        {options.map((o) => (
          <label key={o.value} className="flex min-h-10 items-center gap-3">
            <input type="checkbox" value={o.value} className="size-6 accent-primary" {...registration} />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Sections of one unit at a time; the choice is kept across units. */
function SectionPicker({
  chosen,
  onChange,
}: {
  chosen: ChosenSections;
  onChange: (next: ChosenSections) => void;
}) {
  const { t } = useTranslation();
  const units = useUnits();
  const [unitId, setUnitId] = useState('');
  const unit = useUnit(unitId || null);
  const selectId = useId();
  const toggle = (id: string, name: string, on: boolean) => {
    const next = new Map(chosen);
    if (on) next.set(id, name);
    else next.delete(id);
    onChange(next);
  };
  const unitName = unit.data?.unit.shortName ?? '';
  return (
    <fieldset className="mb-6">
      <legend className="label mb-1">{t('training.form.sections')}</legend>
      <p className="mb-2 text-sm text-ink-muted">{t('training.form.sectionsHelp')}</p>
      {chosen.size > 0 && (
        <ul className="mb-3 flex flex-wrap gap-2">
          {[...chosen].map(([id, name]) => (
            <li key={id}>
              <label className="badge flex items-center gap-2 border-primary">
                <input
                  type="checkbox"
                  checked
                  className="size-5 accent-primary"
                  onChange={() => toggle(id, name, false)}
                />
                {name}
              </label>
            </li>
          ))}
        </ul>
      )}
      <label htmlFor={selectId} className="mb-1 block">
        {t('training.form.sectionsUnit')}
      </label>
      <select id={selectId} className="input mb-2" value={unitId} onChange={(e) => setUnitId(e.target.value)}>
        <option value="" />
        {(units.data ?? []).map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
      </select>
      {unit.data && (
        <div className="grid gap-x-6 sm:grid-cols-2">
          {unit.data.sections.map((s) => (
            <label key={s.id} className="flex min-h-10 items-center gap-3">
              <input
                type="checkbox"
                className="size-6 accent-primary"
                checked={chosen.has(s.id)}
                onChange={(e) => toggle(s.id, `${unitName} ${s.name}`.trim(), e.target.checked)}
              />
              {s.name}
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}

/** 対象者 (A10): everyone, holders of roles, staff of units or of sections — any that matches. */
export function AudienceFields({
  form,
  sections,
  onSections,
}: {
  form: UseFormReturn<CourseValues>;
  sections: ChosenSections;
  onSections: (next: ChosenSections) => void;
}) {
  const { t } = useTranslation();
  const units = useUnits();
  const all = form.watch('all');
  return (
    <fieldset className="mb-6 rounded-lg border-2 border-line-soft p-4">
      <legend className="label px-2">{t('training.form.audience')}</legend>
      <p className="mb-4 text-sm text-ink-muted">{t('training.form.audienceHelp')}</p>
      <CheckboxField label={t('training.form.all')} registration={form.register('all')} />
      {!all && (
        <>
          <CheckGroup
            legend={t('training.form.roles')}
            options={ROLES.map((r) => ({ value: r, label: t(`training.roles.${r}`) }))}
            registration={form.register('roles')}
          />
          <CheckGroup
            legend={t('training.form.units')}
            options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
            registration={form.register('unitIds')}
            scroll
          />
          <SectionPicker chosen={sections} onChange={onSections} />
        </>
      )}
    </fieldset>
  );
}
