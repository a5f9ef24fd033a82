/**
 * Dates as people in Japanese public offices read them: 和暦 (令和8年11月30日) or 西暦, by the user's
 * preference, always in Asia/Tokyo. A date-only value ('YYYY-MM-DD') is a calendar day, not an
 * instant: it is read as noon UTC so that no time zone can move it to the day before or after.
 */
export type Calendar = 'japanese' | 'gregorian';
export type Locale = 'ja' | 'en';

export const TIME_ZONE = 'Asia/Tokyo';
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The instant to format: a date-only string becomes noon UTC of that day (21:00 in Tokyo, same day). */
export function toInstant(value: string | Date): Date {
  if (value instanceof Date) return value;
  const m = DATE_ONLY.exec(value);
  if (m) return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12));
  return new Date(value);
}

function localeTag(locale: Locale, calendar: Calendar): string {
  if (calendar === 'japanese') return locale === 'ja' ? 'ja-JP-u-ca-japanese' : 'en-US-u-ca-japanese';
  return locale === 'ja' ? 'ja-JP' : 'en-GB';
}

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: Locale, calendar: Calendar, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${calendar}|${withTime ? 't' : 'd'}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(localeTag(locale, calendar), {
      era: calendar === 'japanese' ? 'long' : undefined,
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
      timeZone: TIME_ZONE,
    });
    cache.set(key, f);
  }
  return f;
}

function format(
  value: string | Date | null | undefined,
  calendar: Calendar,
  locale: Locale,
  withTime: boolean,
): string {
  if (value === null || value === undefined || value === '') return '';
  const d = toInstant(value);
  if (Number.isNaN(d.getTime())) return '';
  return formatter(locale, calendar, withTime).format(d);
}

/** 令和8年11月30日 (japanese) or 2026年11月30日 (gregorian); '' for null/undefined/invalid. */
export const formatDate = (
  value: string | Date | null | undefined,
  calendar: Calendar = 'japanese',
  locale: Locale = 'ja',
): string => format(value, calendar, locale, false);

/** Date and time of an instant, in Tokyo. */
export const formatDateTime = (
  value: string | Date | null | undefined,
  calendar: Calendar = 'japanese',
  locale: Locale = 'ja',
): string => format(value, calendar, locale, true);

/** Today's calendar day in Tokyo as 'YYYY-MM-DD' (for form defaults). */
export function todayInTokyo(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}
