import type { ErrorSpec } from './errors.ts';

/** Errors of oversight (issue 10). Codes never change once released. */
export const OVERSIGHT_ERRORS = {} satisfies Record<string, ErrorSpec>;
