import { toTokyoDate } from '../../../platform/clock.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Span } from './usage.repo.ts';

/** Dates of the ledger are Japanese dates (A16: the ledger is kept by the school's working days). */

const DAY = 86_400_000;

/** The instant a Tokyo date begins. */
const startOf = (date: string) => new Date(`${date}T00:00:00+09:00`);

export const tokyoDay = (iso: string) => toTokyoDate(new Date(iso));

export const addDays = (date: string, days: number) =>
  toTokyoDate(new Date(startOf(date).getTime() + days * DAY));

/** The first and last day of a month 'YYYY-MM'. */
export function monthBounds(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return { from: `${month}-01`, to: addDays(`${next}-01`, -1) };
}

export const monthOf = (date: string) => date.slice(0, 7);

/** The month before. */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The period asked for, by default the current month in Tokyo; at most a year, never reversed. */
export function periodOf(q: { from?: string | undefined; to?: string | undefined }, today: string) {
  const from = q.from ?? monthBounds(monthOf(q.to ?? today)).from;
  const to = q.to ?? monthBounds(monthOf(from)).to;
  const valid = (d: string) =>
    !Number.isNaN(startOf(d).getTime()) && tokyoDay(startOf(d).toISOString()) === d;
  if (!valid(from) || !valid(to) || from > to || to > addDays(from, 366))
    throw new AppError('handling.usage_period_invalid');
  return { from, to };
}

/** The instants that bound a period of Tokyo dates (to exclusive). */
export const spanOf = (from: string, to: string): Span => ({
  fromIso: startOf(from).toISOString(),
  toIso: startOf(addDays(to, 1)).toISOString(),
});

/**
 * A16: a month's ledger is to be read and signed by the 10th of the next month; after that an
 * unsigned month is a compliance gap (as an unsigned log analysis is, A22-1).
 */
export const REVIEW_GRACE_DAYS = 10;

/** The ended months whose sign-off is overdue on `today`, from the month a file was opened. */
export function overdueMonths(openedOn: string, today: string): string[] {
  const out: string[] = [];
  let month = monthOf(today);
  for (;;) {
    month = previousMonth(month);
    if (month < monthOf(openedOn)) break;
    const due = addDays(monthBounds(month).to, REVIEW_GRACE_DAYS);
    if (today > due) out.push(month);
  }
  return out;
}

/** Ended months from the one a file was opened, newest first (at most `max`). */
export function endedMonths(openedOn: string, today: string, max = 24): string[] {
  const out: string[] = [];
  let month = monthOf(today);
  while (out.length < max) {
    month = previousMonth(month);
    if (month < monthOf(openedOn)) break;
    out.push(month);
  }
  return out;
}
