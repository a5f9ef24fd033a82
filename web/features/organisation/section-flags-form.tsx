import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SectionView } from '../../../shared/api/organisation.ts';
import { errorMessage } from '../../app/api.ts';
import { usePreferences } from '../../app/preferences.tsx';
import { Alert, LiveRegion } from '../../ui/alert.tsx';
import { useUpdateSection } from './queries.ts';

/** Sets whether the section handles held personal information (A6, A7) and 特定個人情報 (A7の2). */
export function SectionFlagsForm({ section }: { section: SectionView }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const update = useUpdateSection();
  const [personal, setPersonal] = useState(section.handlesPersonalInfo);
  const [myNumber, setMyNumber] = useState(section.handlesMyNumber);
  const changed = personal !== section.handlesPersonalInfo || myNumber !== section.handlesMyNumber;
  return (
    <form
      className="card mt-6"
      onSubmit={(e) => {
        e.preventDefault();
        update.mutate({ id: section.id, handlesPersonalInfo: personal, handlesMyNumber: myNumber });
      }}
    >
      <fieldset>
        <legend className="mb-2 font-bold text-ink-strong">{t('org.flags')}</legend>
        <div className="flex flex-wrap gap-x-8 gap-y-2">
          <label className="flex min-h-10 items-center gap-2">
            <input
              type="checkbox"
              className="size-6 accent-primary"
              checked={personal}
              onChange={(e) => setPersonal(e.target.checked)}
            />
            {t('org.handlesPersonalInfo')}
          </label>
          <label className="flex min-h-10 items-center gap-2">
            <input
              type="checkbox"
              className="size-6 accent-primary"
              checked={myNumber}
              onChange={(e) => setMyNumber(e.target.checked)}
            />
            {t('org.handlesMyNumber')}
          </label>
          <button type="submit" className="btn-secondary btn-sm" disabled={!changed || update.isPending}>
            {t('org.saveFlags')}
          </button>
        </div>
      </fieldset>
      <LiveRegion assertive>
        {update.isError && <Alert tone="error" title={errorMessage(update.error, locale)} />}
        {update.isSuccess && !changed && <Alert tone="success" title={t('org.flagsSaved')} />}
      </LiveRegion>
    </form>
  );
}
