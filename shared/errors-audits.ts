import type { ErrorSpec } from './errors.ts';

/** Errors of audits (issue 10). Codes never change once released. */
export const AUDITS_ERRORS = {} satisfies Record<string, ErrorSpec>;
