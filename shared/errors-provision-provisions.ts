import type { ErrorSpec } from './errors.ts';

/** Errors of third parties (issue 9; A17–A19): provisions. Codes never change once released. */
export const PROVISION_PROVISIONS_ERRORS = {} as const satisfies Record<string, ErrorSpec>;
