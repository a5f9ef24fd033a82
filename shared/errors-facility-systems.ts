import type { ErrorSpec } from './errors.ts';

/**
 * Errors of facilities — information systems (A23, A24, A28) (issue 11). Codes never change once
 * released. A system outside the caller's view answers system_not_found (404), never 403; design
 * documents of a system the caller reads but may not open (A28) answer auth.forbidden (403, audited).
 */
export const FACILITY_SYSTEMS_ERRORS = {
  'facilities.system_not_found': {
    status: 404,
    ja: '指定された情報システムは見つかりません。',
    en: 'The system was not found.',
  },
  'facilities.system_section_invalid': {
    status: 400,
    ja: '指定された課・係は見つかりません。',
    en: 'The section was not found.',
  },
  'facilities.system_file_invalid': {
    status: 400,
    ja: '関連付けられるのは、同じ部局の個人情報ファイル簿のファイルに限られます。',
    en: 'Only files of the register of the same unit can be linked.',
  },
  'facilities.system_measure_not_found': {
    status: 404,
    ja: '指定された安全管理措置は見つかりません。',
    en: 'The safeguard was not found.',
  },
  'facilities.system_retired': {
    status: 409,
    ja: 'この情報システムは利用終了になっているため、変更できません。',
    en: 'The system is retired and cannot be changed.',
  },
  'facilities.system_check_date_invalid': {
    status: 400,
    ja: '点検日は今日以前の日付を指定してください。',
    en: 'The check date must not be in the future.',
  },
  'facilities.system_document_invalid': {
    status: 400,
    ja: '設計書等は PDF、画像（PNG・JPEG）または Office 文書（Word・Excel・PowerPoint）で、10MB 以下のファイルを選んでください。',
    en: 'Design documents must be a PDF, an image (PNG, JPEG) or an Office document (Word, Excel, PowerPoint) of at most 10 MB.',
  },
  'facilities.system_document_not_found': {
    status: 404,
    ja: '指定された設計書等は見つかりません。',
    en: 'The design document was not found.',
  },
  'facilities.system_document_disposed': {
    status: 410,
    ja: 'この設計書等は廃棄済みです。',
    en: 'The design document has been disposed of.',
  },
  'facilities.system_document_corrupt': {
    status: 500,
    ja: '設計書等のファイルが保存時と一致しません。システム管理者に連絡してください。',
    en: 'The stored design document does not match its checksum. Contact the system administrator.',
  },
} satisfies Record<string, ErrorSpec>;
