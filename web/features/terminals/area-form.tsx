import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AREA_KINDS, type AreaKind } from '../../../shared/api/terminals.ts';
import { errorMessage } from '../../app/api.ts';
import { usePreferences } from '../../app/preferences.tsx';
import { Alert } from '../../ui/alert.tsx';
import { useUnit, useUnits } from '../organisation/queries.ts';
import { splitRanges, useCreateArea } from './queries.ts';

/** Adds an area of a unit or of one of its sections; the server refuses what the caller does not manage. */
export function AreaForm({ onDone }: { onDone: (notice: string) => void }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const id = useId();
  const units = useUnits();
  const [unitId, setUnitId] = useState('');
  const [sectionId, setSectionId] = useState('');
  const [kind, setKind] = useState<AreaKind>('general');
  const [name, setName] = useState('');
  const [ranges, setRanges] = useState('');
  const unit = useUnit(unitId || null);
  const create = useCreateArea();
  const submit = () =>
    create.mutate(
      { unitId, sectionId: sectionId || null, kind, name: name.trim(), addressRanges: splitRanges(ranges) },
      {
        onSuccess: () => {
          setName('');
          setRanges('');
          onDone(t('terminal.areas.added'));
        },
      },
    );
  return (
    <form
      noValidate
      className="card max-w-3xl"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {create.isError && <Alert tone="error" title={errorMessage(create.error, locale)} />}
      <div className="mb-6">
        <label htmlFor={`${id}-unit`} className="label">
          {t('terminal.areas.unit')}
        </label>
        <select
          id={`${id}-unit`}
          className="input"
          value={unitId}
          onChange={(e) => {
            setUnitId(e.target.value);
            setSectionId('');
          }}
        >
          <option value="">{t('terminal.areas.chooseUnit')}</option>
          {(units.data ?? []).map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </div>
      <div className="mb-6">
        <label htmlFor={`${id}-section`} className="label">
          {t('terminal.areas.section')}
        </label>
        <select
          id={`${id}-section`}
          className="input"
          value={sectionId}
          disabled={!unit.data}
          onChange={(e) => setSectionId(e.target.value)}
        >
          <option value="">{t('terminal.areas.wholeUnit')}</option>
          {(unit.data?.sections ?? []).map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      <div className="mb-6">
        <label htmlFor={`${id}-kind`} className="label">
          {t('terminal.areas.kind')}
        </label>
        <select
          id={`${id}-kind`}
          className="input"
          value={kind}
          onChange={(e) => setKind(e.target.value as AreaKind)}
        >
          {AREA_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`terminal.kind.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="mb-6">
        <label htmlFor={`${id}-name`} className="label">
          {t('terminal.areas.name')}
        </label>
        <input
          id={`${id}-name`}
          className="input"
          value={name}
          autoComplete="off"
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <div className="mb-6">
        <label htmlFor={`${id}-ranges`} className="label">
          {t('terminal.areas.ranges')}
        </label>
        <p id={`${id}-ranges-help`} className="mb-1 text-sm text-ink-muted">
          {t('terminal.areas.rangesHelp')}
        </p>
        <textarea
          id={`${id}-ranges`}
          className="input"
          rows={2}
          value={ranges}
          aria-describedby={`${id}-ranges-help`}
          onChange={(e) => setRanges(e.target.value)}
        />
      </div>
      <button type="submit" className="btn-primary" disabled={create.isPending || !unitId || !name.trim()}>
        {t('terminal.areas.add')}
      </button>
    </form>
  );
}
