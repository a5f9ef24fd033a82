import holidayJp from '@holiday-jp/holiday_jp';
import type { AnalysisSettings } from '../../../../shared/api/log-analysis.ts';

/** Japan Standard Time has had no daylight saving since 1951: Tokyo time is UTC+9 throughout. */
const JST_OFFSET_MS = 9 * 3600_000;

/** The Tokyo calendar day, weekday (0 = Sunday) and minute of the day of an instant. */
export function tokyoTime(at: Date | string) {
  const t = new Date((typeof at === 'string' ? Date.parse(at) : at.getTime()) + JST_OFFSET_MS);
  return {
    day: t.toISOString().slice(0, 10),
    weekday: t.getUTCDay(),
    minute: t.getUTCHours() * 60 + t.getUTCMinutes(),
  };
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Whether a Tokyo day is a 国民の祝日 or 振替休日 (@holiday-jp/holiday_jp). */
export const isJapaneseHoliday = (day: string): boolean => Object.hasOwn(holidayJp.holidays, day);

/**
 * Why an instant lies outside working time, or null within it (A22-1: access outside working hours and
 * holidays): a weekend, a national holiday, a day closed every year (年末年始), or before/after hours.
 */
export function outsideWorkingTime(
  at: string,
  settings: Pick<AnalysisSettings, 'workdayStart' | 'workdayEnd' | 'closedDays'>,
): 'weekend' | 'holiday' | 'closed_day' | 'night' | null {
  const { day, weekday, minute } = tokyoTime(at);
  if (weekday === 0 || weekday === 6) return 'weekend';
  if (isJapaneseHoliday(day)) return 'holiday';
  if (settings.closedDays.includes(day.slice(5))) return 'closed_day';
  if (minute < minutesOf(settings.workdayStart) || minute >= minutesOf(settings.workdayEnd)) return 'night';
  return null;
}

/** The instant 00:00 in Tokyo of a YYYY-MM-DD day, as ISO. */
export const tokyoMidnight = (day: string): string =>
  new Date(Date.parse(`${day}T00:00:00.000Z`) - JST_OFFSET_MS).toISOString();

/** The Tokyo day after a YYYY-MM-DD day. */
export function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
