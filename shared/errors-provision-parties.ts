import type { ErrorSpec } from './errors.ts';

/** Errors of third parties (issue 9; A17–A19): parties. Codes never change once released. */
export const PROVISION_PARTIES_ERRORS = {} as const satisfies Record<string, ErrorSpec>;
