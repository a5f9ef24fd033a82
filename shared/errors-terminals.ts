import type { ErrorSpec } from './errors.ts';

/** Errors of terminals (issue 3). Codes never change once released. */
export const TERMINALS_ERRORS = {} as const satisfies Record<string, ErrorSpec>;
