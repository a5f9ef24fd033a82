/** The time source, injectable so tests can travel in time. Dates of the rule are Japanese dates. */
export interface Clock {
  now(): Date;
  /** Today's date in Asia/Tokyo as YYYY-MM-DD. */
  today(): string;
}

const tokyoDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** YYYY-MM-DD of an instant in Asia/Tokyo. */
export const toTokyoDate = (d: Date): string => tokyoDate.format(d);

export const systemClock: Clock = { now: () => new Date(), today: () => toTokyoDate(new Date()) };

/** A clock fixed at an instant (tests, demo). */
export function fixedClock(iso: string): Clock {
  const at = new Date(iso);
  return { now: () => new Date(at), today: () => toTokyoDate(at) };
}
