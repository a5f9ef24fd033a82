import type { ErrorSpec } from './errors.ts';

/** Errors of facilities — information systems (A23, A24, A28) (issue 11). Codes never change once released. */
export const FACILITY_SYSTEMS_ERRORS = {
  'facilities.system_not_found': {
    status: 404,
    ja: '指定された情報システムは見つかりません。',
    en: 'The system was not found.',
  },
} satisfies Record<string, ErrorSpec>;
