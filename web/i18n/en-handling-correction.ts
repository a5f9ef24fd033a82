import type { jaCorrection } from './ja-handling-correction.ts';

/** English messages of issue 7: correction (same shape as the Japanese). */
export const enCorrection: typeof jaCorrection = {
  correction: {},
};
