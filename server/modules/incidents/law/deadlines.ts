import type { Facts, IncidentSettings } from '../../../../shared/api/incidents.ts';

/**
 * The law's clock (法68①, 規則43–44; issue 8 "deadline computation"). Days are counted on the
 * calendar of Japan (Asia/Tokyo), from the day of 知った日時 (初日不算入: the day of awareness is day 0),
 * weekends and holidays included; a due date is the whole of that day.
 */

/** The calendar day in Japan (YYYY-MM-DD) of an ISO instant. */
export function jstDate(instant: string): string {
  throw new Error(`not yet: ${instant}`);
}

/** A calendar date plus n days (n may be negative). */
export function addDays(date: string, n: number): string {
  throw new Error(`not yet: ${date} ${n}`);
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
  throw new Error(`not yet: ${awareAt} ${JSON.stringify(facts)} ${JSON.stringify(settings)}`);
}

/** The internal chain's 速やかに: an instant plus the configured hours, as the JST day it falls on. */
export function internalDue(fromInstant: string, settings: IncidentSettings): string {
  throw new Error(`not yet: ${fromInstant} ${JSON.stringify(settings)}`);
}
