import type { ErrorSpec } from './errors.ts';

/** Errors of handling held information: rules per file (issue 7, A12). Codes never change once released. */
export const HANDLING_RULES_ERRORS = {
  'handling.file_not_found': {
    status: 404,
    ja: '指定された個人情報ファイルは見つかりません。',
    en: 'The personal information file was not found.',
  },
  'handling.rule_below_minimum': {
    status: 400,
    ja: '規則で定められた水準より緩い設定はできません（訂正・廃棄・目的外利用は承認が必要です）。',
    en: 'A rule cannot be set below the minimum the rule requires (corrections, disposal and use outside the purpose need approval).',
  },
} as const satisfies Record<string, ErrorSpec>;
