import type { jaDisposal } from './ja-handling-disposal.ts';

/** English messages of issue 7: disposal (same shape as the Japanese). */
export const enDisposal: typeof jaDisposal = {
  disposal: {},
};
