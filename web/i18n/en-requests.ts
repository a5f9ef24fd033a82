import type { jaRequests } from './ja-requests.ts';

/** Messages of issue 12 — individuals' requests: the board, intake, the request's overview (web-1). */
export const enRequests = {
  requests: {
    menu: "Individuals' requests",
  },
} satisfies typeof jaRequests;
