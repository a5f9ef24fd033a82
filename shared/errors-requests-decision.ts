import type { ErrorSpec } from './errors.ts';

/** Errors of individuals' requests — the decision part (issue 12). Codes never change once released. */
export const REQUESTS_DECISION_ERRORS = {} satisfies Record<string, ErrorSpec>;
