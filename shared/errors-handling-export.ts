import type { ErrorSpec } from './errors.ts';

/** Errors of handling held information: export (issue 7). Codes never change once released. */
export const HANDLING_EXPORT_ERRORS = {
  'handling.export_not_found': {
    status: 404,
    ja: '指定された複製データは見つかりません。',
    en: 'The export was not found.',
  },
  'handling.export_expired': {
    status: 410,
    ja: '複製データは有効期限を過ぎたか削除されたため、ダウンロードできません。必要なら改めて申請してください。',
    en: 'The export has expired or was deleted and can no longer be downloaded. Request a new one if needed.',
  },
  'handling.export_not_downloaded': {
    status: 409,
    ja: 'ダウンロードしていない複製データには、消去の確認は不要です。',
    en: 'An export that was never downloaded needs no confirmation of deletion.',
  },
  'handling.export_already_deleted': {
    status: 409,
    ja: 'この複製データは既に削除されています。',
    en: 'The export has already been deleted.',
  },
  'handling.export_empty': {
    status: 422,
    ja: '複製の対象となる記録がありません。',
    en: 'There are no records to export.',
  },
} as const satisfies Record<string, ErrorSpec>;
