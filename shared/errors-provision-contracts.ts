import type { ErrorSpec } from './errors.ts';

/** Errors of third parties (issue 9; A17–A19): contracts. Codes never change once released. */
export const PROVISION_CONTRACTS_ERRORS = {} as const satisfies Record<string, ErrorSpec>;
