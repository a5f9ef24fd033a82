import type { ErrorSpec } from './errors.ts';

/** Errors of mfa (issue 3). Codes never change once released. */
export const MFA_ERRORS = {} as const satisfies Record<string, ErrorSpec>;
