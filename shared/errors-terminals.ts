import type { ErrorSpec } from './errors.ts';

/** Errors of terminals (issue 3; A29 端末の限定, A11の2 取扱区域). Codes never change once released. */
export const TERMINALS_ERRORS = {
  'terminal.required': {
    status: 403,
    ja: 'この操作は、登録済みの端末（指定された区域の端末）からのみ行えます。「端末の登録」画面で、この端末の状態を確認してください。',
    en: 'This can only be done from a registered terminal of the required area. Check this browser on the Terminals page.',
  },
  'terminal.area_not_found': {
    status: 404,
    ja: '指定された区域が見つかりません。',
    en: 'The area was not found.',
  },
  'terminal.not_found': {
    status: 404,
    ja: '指定された端末または申請が見つかりません。',
    en: 'The terminal or request was not found.',
  },
  'terminal.invalid_range': {
    status: 400,
    ja: 'アドレス範囲は 192.0.2.0/24 や 2001:db8::/32 のような形式（CIDR）で入力してください。',
    en: 'Enter address ranges in CIDR form, such as 192.0.2.0/24 or 2001:db8::/32.',
  },
  'terminal.range_outside_area': {
    status: 400,
    ja: '端末のアドレス範囲は、区域のアドレス範囲の内側にしてください。',
    en: 'The terminal’s address ranges must lie within the area’s ranges.',
  },
  'terminal.section_not_in_unit': {
    status: 400,
    ja: '課等は指定した学校等のものを選んでください。',
    en: 'The section must belong to the unit.',
  },
  'terminal.handling_area_needs_my_number': {
    status: 400,
    ja: '取扱区域は、特定個人情報を取り扱う課等にのみ設定できます（規則第11条の2）。',
    en: 'A handling area can only be set for a section that handles My Numbers (art. 11-2).',
  },
  'terminal.area_in_use': {
    status: 409,
    ja: 'この区域には使用中の端末または未処理の申請があります。先に端末を無効化するか、申請を処理してください。',
    en: 'The area has terminals in use or pending requests. Revoke or decide them first.',
  },
  'terminal.not_pending': {
    status: 409,
    ja: 'この申請は既に処理されています。',
    en: 'This request has already been decided.',
  },
  'terminal.not_active': {
    status: 409,
    ja: 'この端末は使用中ではありません（既に無効化されています）。',
    en: 'This terminal is not in use (already revoked).',
  },
} as const satisfies Record<string, ErrorSpec>;
