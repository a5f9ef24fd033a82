import type { ErrorSpec } from './errors.ts';

/**
 * Errors of facilities — server rooms and storage facilities (issue 11; A32, A33). Codes never change
 * once released. A room or entry outside the caller's view answers a not_found (404), never 403.
 * Never put a visitor's name or organisation in a message or a detail.
 */
export const FACILITY_ROOMS_ERRORS = {
  'facilities.room_not_found': {
    status: 404,
    ja: '指定された情報システム室等は見つかりません。',
    en: 'The room was not found.',
  },
  'facilities.room_section_invalid': {
    status: 400,
    ja: '管理する課・係を正しく選んでください。',
    en: 'Choose a valid keeping section.',
  },
  'facilities.room_inactive': {
    status: 409,
    ja: 'この情報システム室等は廃止されているため、入退室を記録できません。',
    en: 'The room is retired: entries cannot be recorded.',
  },
  'facilities.room_person_invalid': {
    status: 400,
    ja: '入室権限者には在職中の教職員を選んでください（第32条第1項）。',
    en: 'Authorised persons must be active staff (A32-1).',
  },
  'facilities.room_already_authorised': {
    status: 409,
    ja: 'この方は既に入室権限者です。',
    en: 'The person is already authorised for this room.',
  },
  'facilities.room_person_not_found': {
    status: 404,
    ja: '指定された入室権限者は見つかりません。',
    en: 'The authorised person was not found.',
  },
  'facilities.room_not_authorised': {
    status: 409,
    ja: 'この方はこの情報システム室等の入室権限者ではありません（第32条第1項）。',
    en: 'The person is not authorised to enter this room (A32-1).',
  },
  'facilities.room_entrant_invalid': {
    status: 400,
    ja: '入室者を正しく指定してください（教職員は入室権限者を、部外者は氏名・所属・本人確認書類・来訪者証番号を入力）。',
    en: 'Give the entrant: an authorised person for staff; name, organisation, ID shown and badge number for a visitor.',
  },
  'facilities.room_escort_required': {
    status: 400,
    ja: '部外者の入室には教職員の立会いが必要です。立会者（入室権限者）を選んでください（第32条第1項）。',
    en: 'A visitor must be escorted: choose an escort among the authorised persons (A32-1).',
  },
  'facilities.room_escort_invalid': {
    status: 409,
    ja: '立会者にはこの情報システム室等の入室権限者を選んでください（第32条第1項）。',
    en: 'The escort must be an authorised person of this room (A32-1).',
  },
  'facilities.room_already_inside': {
    status: 409,
    ja: 'この方は既に入室中として記録されています。先に退室を記録してください。',
    en: 'The person is already recorded inside: record the exit first.',
  },
  'facilities.room_time_invalid': {
    status: 400,
    ja: '時刻は本日中の、現在より前の時刻を入力してください（退室は入室より後）。',
    en: 'Give a time of today that is not in the future (an exit after its entry).',
  },
  'facilities.room_entry_not_found': {
    status: 404,
    ja: '指定された入退室の記録は見つかりません。',
    en: 'The entry was not found.',
  },
  'facilities.room_already_exited': {
    status: 409,
    ja: 'この入室は既に退室が記録されています。',
    en: 'The exit of this entry is already recorded.',
  },
  'facilities.room_inspection_date_invalid': {
    status: 400,
    ja: '点検日は本日以前の日付を入力してください。',
    en: 'The inspection date must not be in the future.',
  },
} satisfies Record<string, ErrorSpec>;
