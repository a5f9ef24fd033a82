import type { ErrorSpec } from './errors.ts';

/**
 * Errors of compliance (issue 10). Codes never change once released. A unit outside the caller's
 * view answers compliance.not_found (404), never 403.
 */
export const COMPLIANCE_ERRORS = {
  'compliance.not_found': {
    status: 404,
    ja: '指定された学校等は見つかりません。',
    en: 'The unit was not found.',
  },
} satisfies Record<string, ErrorSpec>;
