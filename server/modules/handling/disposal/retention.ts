import { toTokyoDate } from '../../../platform/clock.ts';

/**
 * Retention holds (A15; 公文書等の管理に関する法律 and the 機構's 法人文書管理規則): a record of a file
 * whose register entry gives a retention period (retentionYears) is held until that many years have
 * passed since it was made (counted from its created_at, as a Tokyo date). A file without a period
 * in years holds nothing here; its retention basis (text) is shown to the requester to check.
 */
export function heldUntil(createdAt: string, years: number | null): string | null {
  if (years === null) return null;
  const [y, m, d] = toTokyoDate(new Date(createdAt)).split('-') as [string, string, string];
  // 29 February plus whole years lands on 1 March in a common year: the later day, never earlier.
  const end = new Date(Date.UTC(Number(y) + years, Number(m) - 1, Number(d)));
  return end.toISOString().slice(0, 10);
}

/** Whether a record made at `createdAt` is still within its retention period on `today`. */
export const isHeld = (createdAt: string, years: number | null, today: string): boolean => {
  const until = heldUntil(createdAt, years);
  return until !== null && today < until;
};

/** How many of the records are held on `today`, and the first day none of them is. */
export function holdOf(
  rows: readonly { created_at: string }[],
  years: number | null,
  today: string,
): { held: number; heldUntil: string | null } {
  let held = 0;
  let last: string | null = null;
  for (const r of rows) {
    const until = heldUntil(r.created_at, years);
    if (until !== null && today < until) {
      held++;
      if (last === null || until > last) last = until;
    }
  }
  return { held, heldUntil: last };
}
