import type { jaUsage } from './ja-handling-usage.ts';

/** English messages of issue 7: usage (same shape as the Japanese). */
export const enUsage: typeof jaUsage = {
  usageLedger: {},
};
