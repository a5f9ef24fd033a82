import type { jaMovements } from './ja-handling-movements.ts';

/** English messages of issue 7: movements (same shape as the Japanese). */
export const enMovements: typeof jaMovements = {
  movement: {},
};
