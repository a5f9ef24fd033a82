import type { ErrorSpec } from './errors.ts';

/** Errors of handling held information: usage (issue 7). Codes never change once released. */
export const HANDLING_USAGE_ERRORS = {} as const satisfies Record<string, ErrorSpec>;
