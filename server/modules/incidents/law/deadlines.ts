import type { Facts, IncidentSettings } from '../../../../shared/api/incidents.ts';
import { toTokyoDate } from '../../../platform/clock.ts';

/**
 * The law's clock (法68①, 規則43–44; issue 8 "deadline computation"). Days are counted on the
 * calendar of Japan (Asia/Tokyo), from the day of 知った日時 (初日不算入: the day of awareness is day 0),
 * weekends and holidays included; a due date is the whole of that day.
 */

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** Milliseconds of an ISO instant; throws a RangeError for text that is not one. */
function ms(instant: string): number {
  const t = Date.parse(instant);
  if (Number.isNaN(t)) throw new RangeError(`not an instant: ${instant}`);
  return t;
}

/** The calendar day in Japan (YYYY-MM-DD) of an ISO instant. Throws a RangeError for a non-instant. */
export function jstDate(instant: string): string {
  return toTokyoDate(new Date(ms(instant)));
}

/** A calendar date plus n days (n may be negative). Throws a RangeError for a malformed date. */
export function addDays(date: string, n: number): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError(`not a date: ${date}`);
  // Calendar arithmetic on UTC midnight: no summer time to skip, so every day is 24 hours.
  return new Date(ms(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The due dates of the 速報 and 確報: awareness day + preliminaryDays, and + finalDays (or
 * finalDaysWrongful when 不正の目的 may be involved, the 60-day case).
 */
export function lawDeadlines(
  awareAt: string,
  facts: Pick<Facts, 'wrongfulPurpose'>,
  settings: IncidentSettings,
): { preliminary: string; final: string } {
  const day0 = jstDate(awareAt); // 初日不算入: the day of awareness counts as day 0
  return {
    preliminary: addDays(day0, settings.preliminaryDays),
    // 規則44②: 30 days, or 60 where the case of 規則43③ (不正の目的) may be involved.
    final: addDays(day0, facts.wrongfulPurpose ? settings.finalDaysWrongful : settings.finalDays),
  };
}

/** The internal chain's 速やかに: an instant plus the configured hours, as the JST day it falls on. */
export function internalDue(fromInstant: string, settings: IncidentSettings): string {
  return toTokyoDate(new Date(ms(fromInstant) + settings.internalHours * HOUR_MS));
}
