import type { jaApprovals } from './ja-approvals.ts';

/** English messages of issue 7: approvals (same shape as the Japanese). */
export const enApprovals: typeof jaApprovals = {
  approvals: {},
};
