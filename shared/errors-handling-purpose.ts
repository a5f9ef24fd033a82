import type { ErrorSpec } from './errors.ts';

/** Errors of handling held information: purpose (issue 7). Codes never change once released. */
export const HANDLING_PURPOSE_ERRORS = {} as const satisfies Record<string, ErrorSpec>;
