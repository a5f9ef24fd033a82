import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { ja } from './ja.ts';
import { en } from './en.ts';
import type { Locale } from '../ui/format-date.ts';

const STORAGE_KEY = 'mamori.locale';

export function storedLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'ja';
  } catch {
    return 'ja';
  }
}

export function storeLocale(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // storage may be disabled; the choice then lasts for this page only
  }
}

export function currentLocale(): Locale {
  return i18n.language === 'en' ? 'en' : 'ja';
}

i18n.on('languageChanged', (lng: string) => {
  document.documentElement.lang = lng === 'en' ? 'en' : 'ja';
});

void i18n.use(initReactI18next).init({
  resources: { ja: { translation: ja }, en: { translation: en } },
  lng: storedLocale(),
  fallbackLng: 'ja',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export { i18n };
