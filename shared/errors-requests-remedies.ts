import type { ErrorSpec } from './errors.ts';

/** Errors of individuals' requests — the remedies part (issue 12). Codes never change once released. */
export const REQUESTS_REMEDIES_ERRORS = {} satisfies Record<string, ErrorSpec>;
