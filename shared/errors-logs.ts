import type { ErrorSpec } from './errors.ts';

/** Errors of the verifiable log (issue 4; A22). Codes never change once released. */
export const LOGS_ERRORS = {
  'log.unavailable': {
    status: 503,
    ja: 'アクセス記録を書き込めないため、この操作は行えません（記録できないアクセスは許可しません）。システム管理者に連絡してください。',
    en: 'The access log cannot be written, so this cannot be done (no access without a record). Contact the system administrator.',
  },
  'log.entry_not_found': {
    status: 404,
    ja: '指定された記録が見つかりません。',
    en: 'The log entry was not found.',
  },
  'log.not_sequenced': {
    status: 409,
    ja: 'この記録はまだ検証用の木に追加されていません。数秒後にもう一度お試しください。',
    en: 'This entry has not been added to the tree yet. Try again in a few seconds.',
  },
  'log.checkpoint_not_found': {
    status: 404,
    ja: '指定された大きさのチェックポイントがありません。',
    en: 'There is no checkpoint of that tree size.',
  },
  'log.bad_range': {
    status: 400,
    ja: '木の大きさの指定が正しくありません（0 < 前 ≤ 後 ≤ 現在の大きさ）。',
    en: 'The tree sizes are not valid (0 < from ≤ to ≤ current size).',
  },
  'log.integrity_failure': {
    status: 500,
    ja: 'アクセス記録の整合性を確認できませんでした。改ざんの可能性があります。監査責任者とシステム管理者に連絡してください。',
    en: 'The access log failed its integrity check; it may have been tampered with. Contact the audit officer and the system administrator.',
  },
} as const satisfies Record<string, ErrorSpec>;
