/**
 * Days chosen in the explorer's period fields are calendar days in Tokyo; the API compares instants
 * (`from` inclusive, `to` exclusive), as UTC ISO strings like those it stores.
 */
export const startOfTokyoDay = (day: string): string => new Date(`${day}T00:00:00+09:00`).toISOString();

/** The instant the day after `day` begins in Tokyo (the exclusive end of a period ending on `day`). */
export const endOfTokyoDay = (day: string): string =>
  new Date(new Date(`${day}T00:00:00+09:00`).getTime() + 86_400_000).toISOString();
