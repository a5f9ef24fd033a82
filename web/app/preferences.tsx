import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { preferencesInput } from '../../shared/api/identity.ts';
import { api } from './api.ts';
import { sessionView, storeSession, useSession } from './session.ts';
import { storeLocale } from '../i18n/index.ts';
import { formatDate, formatDateTime, type Calendar, type Locale } from '../ui/format-date.ts';

const CALENDAR_KEY = 'mamori.calendar';

function storedCalendar(): Calendar {
  try {
    return localStorage.getItem(CALENDAR_KEY) === 'gregorian' ? 'gregorian' : 'japanese';
  } catch {
    return 'japanese';
  }
}

interface Preferences {
  locale: Locale;
  calendar: Calendar;
  update: (change: Partial<{ locale: Locale; calendar: Calendar }>) => void;
}

const PreferencesContext = createContext<Preferences | null>(null);

/** Language and calendar: from the session when signed in (saved with PUT /api/preferences), else localStorage. */
export function PreferencesProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const client = useQueryClient();
  const session = useSession().data;
  const [calendar, setCalendar] = useState<Calendar>(storedCalendar);
  const locale: Locale = i18n.language === 'en' ? 'en' : 'ja';

  const sessionLocale = session?.preferences.locale;
  const sessionCalendar = session?.preferences.calendar;
  useEffect(() => {
    if (sessionLocale && sessionLocale !== i18n.language) void i18n.changeLanguage(sessionLocale);
    if (sessionCalendar) setCalendar(sessionCalendar);
  }, [sessionLocale, sessionCalendar, i18n]);

  const save = useMutation({
    mutationFn: (prefs: z.input<typeof preferencesInput>) =>
      api('/api/preferences', { method: 'PUT', body: preferencesInput.parse(prefs), schema: sessionView }),
    onSuccess: (s) => storeSession(client, s),
  });

  const { mutate } = save;
  const signedIn = Boolean(session);
  const update = useCallback<Preferences['update']>(
    (change) => {
      const next = { locale: change.locale ?? locale, calendar: change.calendar ?? calendar };
      if (next.locale !== locale) void i18n.changeLanguage(next.locale);
      setCalendar(next.calendar);
      storeLocale(next.locale);
      try {
        localStorage.setItem(CALENDAR_KEY, next.calendar);
      } catch {
        // storage disabled: the choice lasts for this page
      }
      if (signedIn) mutate(next);
    },
    [locale, calendar, i18n, signedIn, mutate],
  );

  const value = useMemo(() => ({ locale, calendar, update }), [locale, calendar, update]);
  return <PreferencesContext.Provider value={value}>{children}</PreferencesContext.Provider>;
}

export function usePreferences(): Preferences {
  const p = useContext(PreferencesContext);
  if (!p) throw new Error('usePreferences outside PreferencesProvider');
  return p;
}

/** Date formatters bound to the user's calendar and language. */
export function useDates() {
  const { locale, calendar } = usePreferences();
  return useMemo(
    () => ({
      date: (v: string | null | undefined) => formatDate(v, calendar, locale),
      dateTime: (v: string | null | undefined) => formatDateTime(v, calendar, locale),
    }),
    [locale, calendar],
  );
}
