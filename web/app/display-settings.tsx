import { useTranslation } from 'react-i18next';
import { usePreferences } from './preferences.tsx';
import type { Calendar } from '../ui/format-date.ts';

/** Language switch and 和暦/西暦 switch, shown in the header. */
export function DisplaySettings() {
  const { t } = useTranslation();
  const { locale, calendar, update } = usePreferences();
  const other = locale === 'ja' ? 'en' : 'ja';
  const calendars: Calendar[] = ['japanese', 'gregorian'];
  return (
    <div className="flex flex-wrap items-center gap-4" role="group" aria-label={t('header.settings')}>
      <button
        type="button"
        lang={other}
        className="btn-secondary btn-sm"
        onClick={() => update({ locale: other })}
      >
        <span className="sr-only">{t('header.language')}: </span>
        {t('header.switchLanguage')}
      </button>
      <div
        role="group"
        aria-label={t('header.calendar')}
        className="inline-flex rounded-lg border-2 border-primary"
      >
        {calendars.map((c) => (
          <button
            key={c}
            type="button"
            aria-pressed={calendar === c}
            onClick={() => update({ calendar: c })}
            className={`min-h-10 px-3 text-sm font-bold first:rounded-l-md last:rounded-r-md ${
              calendar === c ? 'bg-primary text-white' : 'bg-surface text-primary hover:bg-primary-soft'
            }`}
          >
            {t(`header.${c}`)}
          </button>
        ))}
      </div>
    </div>
  );
}
