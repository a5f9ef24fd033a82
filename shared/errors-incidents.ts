import type { ErrorSpec } from './errors.ts';

/**
 * Errors of incidents (issue 8; A34–A35, 法68). Codes never change once released.
 * An incident outside the caller's view answers incidents.not_found (404), never 403.
 */
export const INCIDENTS_ERRORS = {
  'incidents.not_found': {
    status: 404,
    ja: '指定された事案は見つかりません。',
    en: 'The incident was not found.',
  },
  'incidents.aware_in_future': {
    status: 400,
    ja: '知った日時に未来の日時は指定できません。',
    en: 'The moment of awareness cannot be in the future.',
  },
  'incidents.at_invalid': {
    status: 400,
    ja: '日時は、知った日時以後で、現在より前の日時を指定してください。',
    en: 'The time must be after the moment of awareness and not in the future.',
  },
  'incidents.file_invalid': {
    status: 400,
    ja: '選んだファイルは、所属する学校等の個人情報ファイル簿にありません。',
    en: 'A chosen file is not in the register of your unit.',
  },
  'incidents.section_invalid': {
    status: 400,
    ja: '報告先の係を所属する学校等の係から選んでください。',
    en: 'Choose a section of your unit to report to.',
  },
  'incidents.closed': {
    status: 409,
    ja: 'この事案は終結しているため変更できません。',
    en: 'The incident is closed and cannot be changed.',
  },
  'incidents.step_out_of_order': {
    status: 409,
    ja: 'この報告の前に行う段階が終わっていません（第34条の順序）。特に重大な事案に限り、調査の完了前に総括保護管理者へ直ちに報告できます。',
    en: 'An earlier step of the chain is not done (A34 order). Only a particularly serious incident goes to the chief protection manager before the investigation ends.',
  },
  'incidents.step_done': {
    status: 409,
    ja: 'この段階は記録済みです。',
    en: 'This step has already been recorded.',
  },
  'incidents.step_not_applicable': {
    status: 409,
    ja: 'この段階はこの事案には該当しません。',
    en: 'This step does not apply to this incident.',
  },
  'incidents.step_not_optional': {
    status: 409,
    ja: 'この段階は省略できません（第34条第3項・第7項、法第68条）。',
    en: 'This step cannot be skipped (A34-3, A34-7, Act art. 68).',
  },
  'incidents.reason_required': {
    status: 400,
    ja: '不要と判断した理由を記入してください。',
    en: 'Give the reason why the step is not needed.',
  },
  'incidents.investigation_incomplete': {
    status: 409,
    ja: '総括保護管理者への報告の前に、原因、被害の状況、影響の範囲（項目・人数）を記録してください（第34条第3項）。',
    en: 'Record the cause, the damage and the scope (items, number of persons) before reporting to the chief protection manager (A34-3).',
  },
  'incidents.notice_invalid': {
    status: 400,
    ja: '通知した日・方法・人数を記入するか、通知が困難な場合の代替措置を記入してください（法第68条第2項）。',
    en: 'Give the date, method and number of the notice, or the substitute measure where notice is impossible (Act art. 68(2)).',
  },
  'incidents.publication_invalid': {
    status: 400,
    ja: '公表する場合は公表文を、公表しない場合はその理由を記入してください（第35条）。',
    en: 'Give the text when publishing, or the reason when not (A35).',
  },
  'incidents.link_invalid': {
    status: 400,
    ja: '関連付ける対象が見つかりません。番号を確認してください。',
    en: 'The item to link was not found. Check the number.',
  },
  'incidents.link_not_found': {
    status: 404,
    ja: '指定された関連付けは見つかりません。',
    en: 'The link was not found.',
  },
  'incidents.measure_not_found': {
    status: 404,
    ja: '指定された再発防止策は見つかりません。',
    en: 'The measure was not found.',
  },
  'incidents.measure_done': {
    status: 409,
    ja: 'この再発防止策は完了済みです。',
    en: 'The measure is already done.',
  },
  'incidents.owner_invalid': {
    status: 400,
    ja: '担当者を候補から選んでください。',
    en: 'Choose the owner from the list.',
  },
  'incidents.measures_open': {
    status: 409,
    ja: '完了していない再発防止策があるため、事案を終結できません（第34条第5項）。',
    en: 'The incident cannot close while recurrence-prevention measures are open (A34-5).',
  },
  'incidents.close_blocked': {
    status: 409,
    ja: '終結の前に、必要な報告・通知・公表の記録を済ませてください。',
    en: 'Record the required reports, notices and publication before closing.',
  },
} as const satisfies Record<string, ErrorSpec>;
