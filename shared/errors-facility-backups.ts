import type { ErrorSpec } from './errors.ts';

/** Errors of facilities — backups (A27) (issue 11). Codes never change once released. */
export const FACILITY_BACKUPS_ERRORS = {
  'facilities.backup_not_found': {
    status: 404,
    ja: '指定されたバックアップは見つかりません。',
    en: 'The backup was not found.',
  },
} satisfies Record<string, ErrorSpec>;
