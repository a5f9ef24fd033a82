import type { ErrorSpec } from './errors.ts';

/**
 * Errors of individuals' requests — the search part (issue 12). Codes never change once released.
 * Never put the requester's name, birth date or numbers in a message or a detail.
 */
export const REQUESTS_SEARCH_ERRORS = {
  'requests.match_not_found': {
    status: 404,
    ja: '指定された検索結果は見つかりません。',
    en: 'The match was not found.',
  },
  'requests.search_closed': {
    status: 409,
    ja: 'この請求は決定の手続に入ったか終了しているため、検索や確認の変更はできません。',
    en: 'The request has gone to its decision or is closed: its search and matches can no longer change.',
  },
} satisfies Record<string, ErrorSpec>;
