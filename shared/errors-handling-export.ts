import type { ErrorSpec } from './errors.ts';

/** Errors of handling held information: export (issue 7). Codes never change once released. */
export const HANDLING_EXPORT_ERRORS = {} as const satisfies Record<string, ErrorSpec>;
