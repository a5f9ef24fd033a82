import type { ErrorSpec } from './errors.ts';

/** Errors of individuals' requests — the history part (issue 12). Codes never change once released. */
export const REQUESTS_HISTORY_ERRORS = {} satisfies Record<string, ErrorSpec>;
