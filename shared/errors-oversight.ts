import type { ErrorSpec } from './errors.ts';

/**
 * Errors of oversight (issue 10; A9, A37–A41). Codes never change once released. A record outside
 * the caller's view answers oversight.not_found (404), never 403.
 */
export const OVERSIGHT_ERRORS = {
  'oversight.not_found': {
    status: 404,
    ja: '指定された記録は見つかりません。',
    en: 'The record was not found.',
  },
  'oversight.section_invalid': {
    status: 400,
    ja: '個人情報を取り扱う係を選んでください。',
    en: 'Choose a section that handles personal information.',
  },
  'oversight.unit_invalid': {
    status: 400,
    ja: '学校等の指定が正しくありません。',
    en: 'The unit is not valid.',
  },
  'oversight.date_in_future': {
    status: 400,
    ja: '未来の日付は指定できません。',
    en: 'The date cannot be in the future.',
  },
  'oversight.inspection_not_draft': {
    status: 409,
    ja: '完了した点検は変更できません。',
    en: 'A completed inspection cannot be changed.',
  },
  'oversight.inspection_not_completed': {
    status: 409,
    ja: '完了した点検のみ報告できます。',
    en: 'Only a completed inspection can be reported.',
  },
  'oversight.inspection_not_reported': {
    status: 409,
    ja: '報告された点検のみ受領を記録できます。',
    en: 'Only a reported inspection can be acknowledged.',
  },
  'oversight.already_acknowledged': {
    status: 409,
    ja: 'この報告は既に受領済みです。',
    en: 'This report has already been acknowledged.',
  },
  'oversight.evaluation_exists': {
    status: 409,
    ja: 'この年度・範囲の評価は既にあります。',
    en: 'An evaluation for this fiscal year and scope already exists.',
  },
  'oversight.evaluation_not_draft': {
    status: 409,
    ja: '決定した評価は変更できません。',
    en: 'A decided evaluation cannot be changed.',
  },
  'oversight.evaluation_not_decided': {
    status: 409,
    ja: '評価の決定後に措置の完了を記録してください。',
    en: 'Record an action as done after the evaluation is decided.',
  },
  'oversight.evaluation_incomplete': {
    status: 409,
    ja: '評価（所見）を記入してから決定してください。',
    en: 'Write the assessment before deciding.',
  },
  'oversight.fiscal_year_invalid': {
    status: 400,
    ja: 'まだ始まっていない年度は評価できません。',
    en: 'A fiscal year that has not begun cannot be evaluated.',
  },
  'oversight.feature_invalid': {
    status: 400,
    ja: '規則の条項（機能番号）が正しくありません。',
    en: 'The article (feature id) is not known.',
  },
  'oversight.owner_invalid': {
    status: 400,
    ja: '担当者には在職中の教職員を選んでください。',
    en: 'Choose an active member of staff as the owner.',
  },
  'oversight.action_done': {
    status: 409,
    ja: 'この措置は既に完了しています。',
    en: 'This action is already done.',
  },
  'oversight.meeting_not_scheduled': {
    status: 409,
    ja: '開催済みの会議は変更できません。',
    en: 'A meeting already held cannot be changed.',
  },
  'oversight.meeting_in_future': {
    status: 409,
    ja: '開催日より前に開催済みとして記録することはできません。',
    en: 'A meeting cannot be recorded as held before its date.',
  },
  'oversight.document_type': {
    status: 400,
    ja: 'PDF、Office文書（Word・Excel・PowerPoint）、画像（PNG・JPEG）の10MB以下のファイルを選んでください。',
    en: 'Choose a PDF, an Office document (Word, Excel, PowerPoint) or an image (PNG, JPEG) of at most 10 MB.',
  },
  'oversight.document_not_found': {
    status: 404,
    ja: '文書は見つかりません。',
    en: 'The document was not found.',
  },
  'oversight.file_invalid': {
    status: 400,
    ja: '個人情報ファイル簿にないファイルです。',
    en: 'The file is not in the register.',
  },
  'oversight.already_marked': {
    status: 409,
    ja: 'このファイルは既に歴史資料等として指定されています。',
    en: 'This file is already marked as historical material.',
  },
  'oversight.not_marked': {
    status: 409,
    ja: 'この指定は既に解除されています。',
    en: 'This mark has already been removed.',
  },
} satisfies Record<string, ErrorSpec>;
