import type { ErrorSpec } from './errors.ts';

/** Errors of handling held information: correction (issue 7). Codes never change once released. */
export const HANDLING_CORRECTION_ERRORS = {} as const satisfies Record<string, ErrorSpec>;
