import type { ErrorSpec } from './errors.ts';

/** Errors of individuals' requests — the history part (issue 12). Codes never change once released. */
export const REQUESTS_HISTORY_ERRORS = {
  'requests.history_no_records': {
    status: 409,
    ja: 'この請求について確認済みの記録がまだありません。検索で本人の記録を確認してから、アクセス履歴を作成してください。',
    en: 'No record has been confirmed for this request yet. Confirm the person’s records in the search first, then make the access history.',
  },
  'requests.history_no_checkpoint': {
    status: 503,
    ja: 'アクセス記録の署名済みチェックポイントがまだありません。しばらくしてからもう一度お試しください。',
    en: 'The access log has no signed checkpoint yet. Try again shortly.',
  },
} satisfies Record<string, ErrorSpec>;
