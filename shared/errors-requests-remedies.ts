import type { ErrorSpec } from './errors.ts';

/**
 * Errors of individuals' requests — the remedies part (issue 12; 法90–103: correction and suspension
 * of use). Codes never change once released. Never put the requester's particulars, what they asked
 * for or a record's values in a message or a detail: ids, item ids and codes only.
 */
export const REQUESTS_REMEDIES_ERRORS = {
  'requests.not_remedy': {
    status: 400,
    ja: 'この請求は訂正請求・利用停止請求ではありません。',
    en: 'This request is not a correction or suspension request.',
  },
  'requests.remedy_state': {
    status: 409,
    ja: 'この請求の現在の状態では、この操作はできません。',
    en: 'The request is not in a state that allows this.',
  },
  'requests.remedy_parent_missing': {
    status: 409,
    ja: 'この請求に先行する開示請求が見つかりません（法第90条第3項、第98条第3項）。',
    en: 'The disclosure this request follows was not found (法90-3, 法98-3).',
  },
  'requests.remedy_match_invalid': {
    status: 400,
    ja: '対象の記録は、先行する開示請求で確認された記録から選んでください。',
    en: 'Choose records confirmed for the disclosure this request follows.',
  },
  'requests.remedy_item_duplicate': {
    status: 400,
    ja: '同じ記録が二度指定されています。',
    en: 'The same record is named twice.',
  },
  'requests.remedy_fields_invalid': {
    status: 400,
    ja: '訂正する項目は、その個人情報ファイルの項目から一つ以上選んでください（利用停止請求では項目を指定しません）。',
    en: 'Name one or more fields of the record’s file to correct (a suspension request names none).',
  },
  'requests.remedy_purposes_invalid': {
    status: 400,
    ja: '利用を停止する利用目的は、その個人情報ファイルの利用目的から一つ以上選んでください（訂正請求では指定しません）。',
    en: 'Name one or more purposes of the record’s file to stop (a correction request names none).',
  },
  'requests.remedy_items_required': {
    status: 400,
    ja: '対象の記録を一つ以上登録してから決定を申請してください。',
    en: 'Add at least one record before submitting the decision.',
  },
  'requests.remedy_decision_kind': {
    status: 400,
    ja: '訂正請求には訂正の決定を、利用停止請求には利用停止の決定を選んでください。',
    en: 'Choose a correction decision for a correction request and a suspension decision for a suspension request.',
  },
  'requests.remedy_outcomes_invalid': {
    status: 400,
    ja: 'すべての記録について、決定と矛盾しない結果（認める・認めない）を一度ずつ指定してください。',
    en: 'Give every record exactly one outcome that agrees with the decision.',
  },
  'requests.remedy_reason_required': {
    status: 400,
    ja: '認めない記録には、その理由を記入してください（法第93条、第101条：理由の提示）。',
    en: 'Give the reason for every record not corrected or suspended (法93, 法101).',
  },
  'requests.remedy_section_missing': {
    status: 400,
    ja: '受付窓口（課・係）が定まっていない請求は、決定を申請できません。',
    en: 'A request without a receiving section cannot be submitted for decision.',
  },
  'requests.remedy_not_decided': {
    status: 409,
    ja: 'まだ決定されていません。',
    en: 'The request has not been decided yet.',
  },
  'requests.remedy_notice_not_found': {
    status: 404,
    ja: '指定された提供先への通知は見つかりません。',
    en: 'The notice to a recipient was not found.',
  },
  'requests.remedy_date_before_decision': {
    status: 400,
    ja: '決定日より前の日付は指定できません。',
    en: 'The date cannot be before the decision.',
  },
  'requests.remedy_not_done': {
    status: 409,
    ja: '訂正の実施または提供先への通知が終わっていないため、実施済みにできません（詳細を確認してください）。',
    en: 'Corrections or notices to recipients are still outstanding (see the details).',
  },
} satisfies Record<string, ErrorSpec>;
