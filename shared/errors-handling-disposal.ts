import type { ErrorSpec } from './errors.ts';

/** Errors of handling held information: disposal (issue 7). Codes never change once released. */
export const HANDLING_DISPOSAL_ERRORS = {} as const satisfies Record<string, ErrorSpec>;
