import type { ErrorSpec } from './errors.ts';

/** Errors of password (issue 3). Codes never change once released. */
export const PASSWORD_ERRORS = {} as const satisfies Record<string, ErrorSpec>;
