import type { ErrorSpec } from './errors.ts';

/**
 * Errors of handling held information: transmission (A12(2)), media sent or taken out and returned
 * (A12(3)) and the register of media (A14) (issue 7). Codes never change once released.
 */
export const HANDLING_MOVEMENTS_ERRORS = {
  'handling.medium_not_found': {
    status: 404,
    ja: '指定された媒体は登録されていません。',
    en: 'The medium is not in the register of media.',
  },
  'handling.medium_files_invalid': {
    status: 400,
    ja: '媒体に記録するファイルは、同じ係の個人情報ファイル簿に登録されたファイルから選んでください（第14条）。',
    en: 'Choose files of the register that belong to one section: the section keeps the medium (A14).',
  },
  'handling.medium_not_stored': {
    status: 409,
    ja: 'この媒体は保管場所にありません（持出し中または廃棄済み）。返却の記録を先に行ってください。',
    en: 'The medium is not in its storage place (it is out or disposed). Record its return first.',
  },
  'handling.medium_disposed': {
    status: 409,
    ja: 'この媒体は廃棄済みのため変更できません。',
    en: 'The medium has been disposed of and cannot be changed.',
  },
  'handling.medium_required': {
    status: 400,
    ja: '外部送付・持出しには、媒体の登録簿から媒体を選んでください（第12条第3号、第14条）。',
    en: 'Sending or taking out needs a medium from the register of media (A12(3), A14).',
  },
  'handling.medium_not_for_transmit': {
    status: 400,
    ja: '送信では媒体を指定しません。媒体を送る場合は「外部送付」を選んでください。',
    en: 'A transmission names no medium: choose “send out” to send a medium.',
  },
  'handling.medium_file_mismatch': {
    status: 409,
    ja: '選んだ媒体には、このファイルが記録されていません。媒体の登録内容を確認してください。',
    en: 'The medium chosen does not hold this file. Check the register of media.',
  },
  'handling.means_invalid': {
    status: 400,
    ja: '送信の方法（暗号化メール・安全なファイル転送・FAX・その他）と媒体の運び方（手渡し・書留・宅配便・その他）を取り違えていないか確認してください。',
    en: 'The means does not fit the act: transmissions are sent by encrypted mail, secure transfer, fax or other; media by hand, registered mail, courier or other.',
  },
  'handling.due_back_required': {
    status: 400,
    ja: '持出しには返却予定日が必要です（第12条第3号）。',
    en: 'A take-out needs the day it comes back (A12(3)).',
  },
  'handling.due_back_before_planned': {
    status: 400,
    ja: '返却予定日は実施予定日以降の日にしてください。',
    en: 'The day it comes back cannot be before the planned day.',
  },
  'handling.movement_not_found': {
    status: 404,
    ja: '指定された送信・送付・持出しの記録は見つかりません。',
    en: 'The transmission, send-out or take-out was not found.',
  },
  'handling.movement_done': {
    status: 409,
    ja: 'この送信・送付・持出しは既に実施を記録済みです。',
    en: 'This transmission, send-out or take-out has already been recorded as done.',
  },
  'handling.movement_not_out': {
    status: 409,
    ja: 'この媒体は持出し中ではないため、返却を記録できません。',
    en: 'The medium is not out, so no return can be recorded.',
  },
} as const satisfies Record<string, ErrorSpec>;
