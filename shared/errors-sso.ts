import type { ErrorSpec } from './errors.ts';

/** Errors of sso (issue 3). Codes never change once released. */
export const SSO_ERRORS = {} as const satisfies Record<string, ErrorSpec>;
