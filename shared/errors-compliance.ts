import type { ErrorSpec } from './errors.ts';

/** Errors of compliance (issue 10). Codes never change once released. */
export const COMPLIANCE_ERRORS = {} satisfies Record<string, ErrorSpec>;
