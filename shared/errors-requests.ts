import type { ErrorSpec } from './errors.ts';

/** Errors of individuals' requests — the core part (issue 12). Codes never change once released. */
export const REQUESTS_ERRORS = {} satisfies Record<string, ErrorSpec>;
