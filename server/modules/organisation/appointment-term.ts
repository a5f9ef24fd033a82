import type { AppointmentRow } from './appointment.repo.ts';

/**
 * The term of an appointment. `starts_on` and `ends_on` are inclusive days of service; `terminated_on`
 * is the first day the appointment no longer applies (ending "today" frees the seat today).
 */
export type AppointmentStatus = 'current' | 'future' | 'expired' | 'terminated';

type Term = Pick<AppointmentRow, 'starts_on' | 'ends_on' | 'terminated_on'>;

/** The day after a YYYY-MM-DD day. */
export function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** First day no longer covered, or null when open-ended. */
export function endExclusive(a: Term): string | null {
  const planned = a.ends_on ? nextDay(a.ends_on) : null;
  if (!a.terminated_on) return planned;
  return planned && planned < a.terminated_on ? planned : a.terminated_on;
}

export function statusOn(a: Term, day: string): AppointmentStatus {
  if (a.terminated_on && a.terminated_on <= day) return 'terminated';
  if (a.ends_on && a.ends_on < day) return 'expired';
  if (a.starts_on > day) return 'future';
  return 'current';
}

/** Whether two terms share at least one day. */
export function overlaps(a: Term, b: Term): boolean {
  const aEnd = endExclusive(a);
  const bEnd = endExclusive(b);
  if (aEnd !== null && aEnd <= a.starts_on) return false; // ended before it began
  if (bEnd !== null && bEnd <= b.starts_on) return false;
  return (aEnd === null || b.starts_on < aEnd) && (bEnd === null || a.starts_on < bEnd);
}
