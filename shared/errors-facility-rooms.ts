import type { ErrorSpec } from './errors.ts';

/** Errors of facilities — server rooms (A32, A33) (issue 11). Codes never change once released. */
export const FACILITY_ROOMS_ERRORS = {
  'facilities.room_not_found': {
    status: 404,
    ja: '指定された情報システム室等は見つかりません。',
    en: 'The room was not found.',
  },
} satisfies Record<string, ErrorSpec>;
