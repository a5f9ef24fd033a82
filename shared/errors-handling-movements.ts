import type { ErrorSpec } from './errors.ts';

/** Errors of handling held information: movements (issue 7). Codes never change once released. */
export const HANDLING_MOVEMENTS_ERRORS = {} as const satisfies Record<string, ErrorSpec>;
