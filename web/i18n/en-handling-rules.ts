import type { jaHandlingRules } from './ja-handling-rules.ts';

/** English messages of issue 7: rules (same shape as the Japanese). */
export const enHandlingRules: typeof jaHandlingRules = {
  handlingRules: {},
};
