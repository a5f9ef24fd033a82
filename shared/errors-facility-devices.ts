import type { ErrorSpec } from './errors.ts';

/** Errors of facilities — devices and media (A14, A30) (issue 11). Codes never change once released. */
export const FACILITY_DEVICES_ERRORS = {
  'facilities.device_not_found': {
    status: 404,
    ja: '指定された機器・媒体は見つかりません。',
    en: 'The device was not found.',
  },
} satisfies Record<string, ErrorSpec>;
