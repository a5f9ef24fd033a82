import type { Tx } from '../../../platform/db/index.ts';
import type { Job } from '../../../platform/jobs/index.ts';
import type { FacilitiesDeps } from '../facilities.deps.ts';

const isDuplicate = (e: unknown) => /unique|duplicate|primary/i.test(String((e as Error).message));

/**
 * Writes one reminder and its notice in one transaction; false when another server sent it first
 * (the reminder table's primary key keeps one per thing and due day), so no one is told twice.
 */
export async function sendOnce(deps: FacilitiesDeps, write: (tx: Tx) => Promise<void>): Promise<boolean> {
  try {
    await deps.database.transaction(write);
    return true;
  } catch (e) {
    if (!isDuplicate(e)) throw e;
    return false;
  }
}

/** A reminders job run each morning on Tokyo time (`pattern`: cron, e.g. '0 8 * * *'). */
export const dailyJob = (name: string, pattern: string, remind: () => Promise<unknown>): Job => ({
  name,
  pattern,
  timezone: 'Asia/Tokyo',
  run: async () => void (await remind()),
});
