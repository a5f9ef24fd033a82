import type { ErrorSpec } from './errors.ts';

/** Errors of individuals' requests — the search part (issue 12). Codes never change once released. */
export const REQUESTS_SEARCH_ERRORS = {} satisfies Record<string, ErrorSpec>;
