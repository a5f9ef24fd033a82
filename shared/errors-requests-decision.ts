import type { ErrorSpec } from './errors.ts';

/** Errors of individuals' requests — the decision part (issue 12). Codes never change once released. */
export const REQUESTS_DECISION_ERRORS = {
  'requests.not_disclosure': {
    status: 400,
    ja: 'この決定は開示請求についてのみ行えます。',
    en: 'This decision applies to disclosure requests only.',
  },
  'requests.match_not_confirmed': {
    status: 400,
    ja: '不開示とする項目は、確認済みの記録から選んでください。',
    en: 'Withheld items must be chosen from the confirmed records.',
  },
  'requests.withheld_field_unknown': {
    status: 400,
    ja: '不開示とする項目が、記録の項目にありません。',
    en: 'A withheld field is not a field of the record.',
  },
  'requests.withheld_duplicate': {
    status: 400,
    ja: '同じ項目が二度指定されています。',
    en: 'The same item is listed twice.',
  },
  'requests.decision_locked': {
    status: 409,
    ja: '決定の承認申請後は、不開示とする項目を変更できません。',
    en: 'The withheld items cannot change once the decision was submitted.',
  },
  'requests.decision_state': {
    status: 409,
    ja: '現在の状態ではこの操作は行えません。',
    en: 'This step is not possible in the current state of the request.',
  },
  'requests.full_has_withheld': {
    status: 400,
    ja: '全部開示とするときは、不開示とする項目を指定できません。',
    en: 'A full disclosure cannot have withheld items.',
  },
  'requests.partial_needs_withheld': {
    status: 400,
    ja: '部分開示とするときは、不開示とする項目を一つ以上指定してください。',
    en: 'A partial disclosure needs at least one withheld item.',
  },
  'requests.partial_needs_disclosed': {
    status: 400,
    ja: '部分開示とするときは、開示する項目を一つ以上残してください。すべて不開示なら不開示決定です。',
    en: 'A partial disclosure must disclose something; if everything is withheld, decide no disclosure.',
  },
  'requests.none_needs_all_withheld': {
    status: 400,
    ja: '不開示とするときは、確認済みのすべての記録を不開示の理由とともに指定してください。',
    en: 'No disclosure needs every confirmed record withheld, with its ground.',
  },
  'requests.not_held_has_records': {
    status: 400,
    ja: '確認済みの記録があるため、「保有していない」とは決定できません。',
    en: 'Records were confirmed: the decision cannot be that none is held.',
  },
  'requests.decision_no_records': {
    status: 400,
    ja: '確認済みの記録がありません。開示・部分開示・不開示の決定には記録の確認が必要です。',
    en: 'No record was confirmed; confirm the records before deciding on them.',
  },
  'requests.refusal_needs_reason': {
    status: 400,
    ja: '存否応答拒否（法第81条）とするときは、その理由を記載してください。',
    en: 'Refusing to confirm or deny (Art. 81) needs a reason.',
  },
  'requests.decision_not_made': {
    status: 409,
    ja: '開示決定がまだ行われていません。',
    en: 'The decision has not been made yet.',
  },
  'requests.decision_discloses_nothing': {
    status: 409,
    ja: 'この決定では開示する情報がありません。',
    en: 'This decision discloses nothing.',
  },
  'requests.notice_before_decision': {
    status: 400,
    ja: '通知日は決定日以後の日付を指定してください。',
    en: 'The notice cannot be sent before the decision.',
  },
  'requests.notice_not_sent': {
    status: 409,
    ja: '決定通知書の送付日を先に記録してください。',
    en: 'Record the day the notice was sent first.',
  },
  'requests.method_before_notice': {
    status: 400,
    ja: '開示の実施方法の申出日は、通知日以後の日付を指定してください。',
    en: 'The method cannot be chosen before the notice.',
  },
  'requests.method_choice_late': {
    status: 400,
    ja: '開示の実施方法の申出期間（通知があった日から30日）を過ぎています。正当な理由があるときは、その理由を記載してください（法第87条第3項ただし書）。',
    en: 'The period to choose the method (30 days from the notice) has passed; give the good reason if any (Art. 87(3) proviso).',
  },
  'requests.method_not_chosen': {
    status: 409,
    ja: '開示の実施方法の申出を先に記録してください。',
    en: 'Record the method the requester chose first.',
  },
  'requests.carried_out_before_method': {
    status: 400,
    ja: '開示の実施日は、実施方法の申出日以後の日付を指定してください。',
    en: 'The disclosure cannot be carried out before the method was chosen.',
  },
  'requests.record_unreadable': {
    status: 409,
    ja: 'この記録は消去済み又は読み出せない状態のため、表示できません。',
    en: 'The record was erased or cannot be opened.',
  },
  'requests.decision_section_missing': {
    status: 409,
    ja: '受付窓口（係）が未設定のため、決定の承認を申請できません。',
    en: 'The receiving office is not set, so the decision cannot be submitted.',
  },
} satisfies Record<string, ErrorSpec>;
