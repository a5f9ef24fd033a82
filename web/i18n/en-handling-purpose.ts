import type { jaPurpose } from './ja-handling-purpose.ts';

/** English messages of issue 7: purpose (same shape as the Japanese). */
export const enPurpose: typeof jaPurpose = {
  outOfPurpose: {},
};
