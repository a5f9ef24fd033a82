import type { ErrorSpec } from './errors.ts';

/** Errors of handling held information: correction (issue 7, A13). Codes never change once released. */
export const HANDLING_CORRECTION_ERRORS = {
  'handling.correction_not_found': {
    status: 404,
    ja: '指定された誤りの報告は見つかりません。',
    en: 'The error report was not found.',
  },
  'handling.correction_fields_invalid': {
    status: 400,
    ja: '誤りのある項目を、閲覧を許可された項目の中から1つ以上選んでください。',
    en: 'Choose at least one field, among those you are allowed to read, that holds the error.',
  },
  'handling.correction_description_required': {
    status: 400,
    ja: 'どのような誤りかを入力してください（2000文字以内）。',
    en: 'Describe the error (up to 2,000 characters).',
  },
  'handling.correction_not_instructed': {
    status: 409,
    ja: 'この報告には保護管理者の訂正の指示がないため、訂正できません（第13条）。',
    en: 'This report has no instruction from the 保護管理者 to correct it (A13).',
  },
  'handling.correction_fields_mismatch': {
    status: 400,
    ja: '訂正できるのは、報告され指示を受けた項目だけです。',
    en: 'Only the fields reported and instructed can be corrected.',
  },
  'handling.correction_no_change': {
    status: 400,
    ja: '入力された値が現在の値と同じです。訂正後の値を入力してください。',
    en: 'The values given are the same as now. Enter the corrected values.',
  },
  'handling.correction_record_erased': {
    status: 410,
    ja: 'この記録は廃棄（消去）されたため、報告の内容や訂正前後の値は復元できません（第15条）。',
    en: 'The record has been disposed of: the report and the values before and after cannot be read (A15).',
  },
} as const satisfies Record<string, ErrorSpec>;
