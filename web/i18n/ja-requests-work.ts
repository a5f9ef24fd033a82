/** Messages of issue 12 — a request's work: finding records, decision, access history, remedies (web-2). */
export const jaRequestsWork = {
  requestsWork: {},
};
