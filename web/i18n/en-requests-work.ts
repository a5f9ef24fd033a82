import type { jaRequestsWork } from './ja-requests-work.ts';

/** Messages of issue 12 — a request's work: finding records, decision, access history, remedies (web-2). */
export const enRequestsWork = {
  requestsWork: {},
} satisfies typeof jaRequestsWork;
