import type { ErrorSpec } from './errors.ts';

/**
 * Errors of handling held information: use or provision outside the purpose (issue 7; A17-2..4,
 * A17の2). Codes never change once released.
 */
export const HANDLING_PURPOSE_ERRORS = {
  'handling.out_of_purpose_not_found': {
    status: 404,
    ja: '指定された目的外利用・提供の申請は見つかりません。',
    en: 'The request for use outside the purpose was not found.',
  },
  'handling.out_of_purpose_harm_required': {
    status: 400,
    ja: '本人又は第三者の権利利益を不当に侵害するおそれがない理由を記入してください（第17条第2項ただし書）。',
    en: 'State why no one’s rights and interests are unduly harmed (A17-2, proviso).',
  },
  'handling.out_of_purpose_ground_mode': {
    status: 400,
    ja: '選んだ根拠と「利用」「提供」の別が合っていません（第2号は内部での利用、第3号・第4号は提供に限ります）。',
    en: 'The ground does not fit use or provision (ground 2 is internal use; grounds 3 and 4 are provision).',
  },
  'handling.out_of_purpose_recipient_required': {
    status: 400,
    ja: '提供先（機関名・部署名）を入力してください。本人に提供する場合は「本人」と記入し、氏名は書かないでください。',
    en: 'Name the recipient (body and office). For the person themself write 本人, never their name.',
  },
  'handling.out_of_purpose_other_laws': {
    status: 400,
    ja: '利用又は提供を制限する他の法令の規定に当たらないことを確認してください（第17条第3項）。',
    en: 'Confirm that no other law restricting the use or provision applies (A17-3).',
  },
  'handling.out_of_purpose_restricted': {
    status: 403,
    ja: '総括保護管理者が、この学校等での目的外の内部利用を行える教職員を限っています。あなたは指定されていません（第17条第4項）。',
    en: 'The 総括保護管理者 has limited internal use outside the purpose to named staff, and you are not one of them (A17-4).',
  },
  'handling.my_number_out_of_purpose': {
    status: 403,
    ja: '個人番号を含むファイルは、番号法で限定的に明記された場合を除き、目的外に利用・提供できません（第17条の2）。該当する番号法の規定を選んでください。',
    en: 'A file with My Numbers may be used or provided outside its purpose only where the My Number Act lists it (A17の2). Choose the provision that applies.',
  },
  'handling.out_of_purpose_records_invalid': {
    status: 400,
    ja: '対象の記録の指定が正しくありません（このファイルの記録を指定してください）。',
    en: 'The records named are not records of this file.',
  },
  'handling.restriction_people_invalid': {
    status: 400,
    ja: '指定できるのは、その学校等に所属する在職中の教職員だけです。',
    en: 'Only staff in office in that college or office can be named.',
  },
} as const satisfies Record<string, ErrorSpec>;
