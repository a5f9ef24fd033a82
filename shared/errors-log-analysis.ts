import type { ErrorSpec } from './errors.ts';

/** Errors of the log analysis (issue 4; A22). Codes never change once released. */
export const LOG_ANALYSIS_ERRORS = {
  'log_analysis.report_not_found': {
    status: 404,
    ja: '指定された分析報告が見つかりません。',
    en: 'The analysis report was not found.',
  },
  'log_analysis.already_signed': {
    status: 409,
    ja: 'この分析報告はすでに確認済みです。',
    en: 'This analysis report has already been signed off.',
  },
  'log_analysis.period_too_long': {
    status: 400,
    ja: '分析・照会の期間は 366 日以内にしてください。',
    en: 'The period may be at most 366 days.',
  },
  'log_analysis.scope_not_found': {
    status: 404,
    ja: '指定された学校等または課等が見つかりません。',
    en: 'The unit or section was not found.',
  },
} as const satisfies Record<string, ErrorSpec>;
