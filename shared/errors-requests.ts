import type { ErrorSpec } from './errors.ts';

/**
 * Errors of individuals' requests — the core part (issue 12; law-2022.md 法76–107). Codes never
 * change once released. A request outside the caller's view answers requests.not_found (404), never
 * 403. Never put the requester's particulars or what they asked for in a message or a detail.
 */
export const REQUESTS_ERRORS = {
  'requests.not_found': {
    status: 404,
    ja: '指定された開示請求等は見つかりません。',
    en: 'The request was not found.',
  },
  'requests.not_handler': {
    status: 403,
    ja: 'この開示請求等を処理する権限がありません（受付窓口の保護管理者・保護担当者、総括保護管理者、総括管理者が処理します）。',
    en: 'You do not handle this request (the office’s protection managers and officers, the unit’s chief and the chief manager do).',
  },
  'requests.office_invalid': {
    status: 400,
    ja: '受付窓口（課・係）を正しく選んでください。',
    en: 'Choose a valid receiving office.',
  },
  'requests.received_in_future': {
    status: 400,
    ja: '受付日に未来の日付は指定できません。',
    en: 'The day of receipt cannot be in the future.',
  },
  'requests.date_in_future': {
    status: 400,
    ja: '未来の日付は指定できません。',
    en: 'The date cannot be in the future.',
  },
  'requests.date_before_receipt': {
    status: 400,
    ja: '受付日より前の日付は指定できません。',
    en: 'The date cannot be before the day of receipt.',
  },
  'requests.file_invalid': {
    status: 400,
    ja: '対象の個人情報ファイルは個人情報ファイル簿に登録されたものから選んでください。',
    en: 'Choose files of the register.',
  },
  'requests.parent_required': {
    status: 400,
    ja: '訂正請求・利用停止請求には、先に実施された開示請求を指定してください（法第90条第3項、第98条第3項）。',
    en: 'A correction or suspension request follows a disclosure that was carried out (法90-3, 法98-3).',
  },
  'requests.parent_invalid': {
    status: 400,
    ja: '指定された開示請求は、同じ機関で開示が実施されたものではありません。',
    en: 'The disclosure named was not carried out at the same unit.',
  },
  'requests.parent_not_allowed': {
    status: 400,
    ja: '開示請求には先行する請求を指定できません。',
    en: 'A disclosure request does not follow another request.',
  },
  'requests.remedy_window_passed': {
    status: 400,
    ja: '訂正請求・利用停止請求は、開示の実施から90日以内に行う必要があります（法第90条第3項、第98条第3項）。',
    en: 'Correction and suspension are requested within 90 days of the disclosure (法90-3, 法98-3).',
  },
  'requests.fee_method_invalid': {
    status: 400,
    ja: '手数料の納付方法が正しくありません（訂正請求・利用停止請求は手数料不要です）。',
    en: 'The fee method is not valid (correction and suspension cost nothing).',
  },
  'requests.not_open': {
    status: 409,
    ja: 'この開示請求等は既に終了しているため、変更できません。',
    en: 'The request is no longer open.',
  },
  'requests.not_receiving': {
    status: 409,
    ja: '決定の手続に入った請求には、補正・延長を記録できません。',
    en: 'The request is being decided: no 補正 or extension now.',
  },
  'requests.pause_open': {
    status: 409,
    ja: '回答待ちの補正があります。先に補正の回答を記録してください。',
    en: 'A 補正 is still waiting for the answer.',
  },
  'requests.pause_not_found': {
    status: 404,
    ja: '指定された補正は見つかりません。',
    en: 'The 補正 was not found.',
  },
  'requests.pause_answered': {
    status: 409,
    ja: 'この補正には既に回答が記録されています。',
    en: 'The 補正 was already answered.',
  },
  'requests.answer_before_asked': {
    status: 400,
    ja: '回答日は補正を求めた日以降にしてください。',
    en: 'The answer cannot come before the 補正 was asked.',
  },
  'requests.extension_done': {
    status: 409,
    ja: '期限の延長は既に行われています（延長は1回までです）。',
    en: 'The period was already extended (once only).',
  },
  'requests.extension_too_long': {
    status: 400,
    ja: '延長できる日数を超えています（法第83条第2項：30日以内）。',
    en: 'The extension is longer than allowed (法83-2: up to 30 days).',
  },
  'requests.extension_too_late': {
    status: 400,
    ja: '期限の延長は当初の決定期限までに行う必要があります（法第83条第2項）。',
    en: 'The period is extended before the original deadline (法83-2).',
  },
  'requests.extension_while_paused': {
    status: 409,
    ja: '補正中は決定期限が定まらないため延長できません。補正の回答後に行ってください。',
    en: 'No extension while a 補正 stops the clock.',
  },
  'requests.extension_large': {
    status: 409,
    ja: '期限の特例（法第84条）を適用した請求は延長できません。',
    en: 'A request under the large-request rule (法84) is not extended.',
  },
  'requests.large_too_late': {
    status: 400,
    ja: '期限の特例は、当初の決定期限までに適用し、請求者に通知する必要があります（法第84条）。',
    en: 'The large-request rule is applied and told before the original deadline (法84).',
  },
  'requests.large_not_disclosure': {
    status: 400,
    ja: '開示決定等の期限の特例（法第84条）は開示請求にのみ適用されます。',
    en: 'The large-request rule (法84) applies to disclosure only.',
  },
  'requests.large_done': {
    status: 409,
    ja: '期限の特例は既に適用されています。',
    en: 'The large-request rule was already applied.',
  },
  'requests.large_rest_before_due': {
    status: 400,
    ja: '残りの部分の決定期限は、特例による相当部分の期限より後の日にしてください（法第84条）。',
    en: 'The date for the rest must be after the date for the first part (法84).',
  },
  'requests.fee_not_due': {
    status: 400,
    ja: '訂正請求・利用停止請求には手数料はかかりません。',
    en: 'Correction and suspension cost no fee.',
  },
} satisfies Record<string, ErrorSpec>;
