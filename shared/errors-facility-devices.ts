import type { ErrorSpec } from './errors.ts';

/** Errors of facilities — devices and media (A14, A30) (issue 11). Codes never change once released. */
export const FACILITY_DEVICES_ERRORS = {
  'facilities.device_not_found': {
    status: 404,
    ja: '指定された端末・媒体は見つかりません。',
    en: 'The device was not found.',
  },
  'facilities.device_section_not_found': {
    status: 404,
    ja: '指定された係は見つからないか、端末・媒体を登録できません。',
    en: 'The section was not found, or devices cannot be registered there.',
  },
  'facilities.device_file_invalid': {
    status: 422,
    ja: '指定された個人情報ファイルは、この端末・媒体の係のものではありません。',
    en: 'A file named is not one of the device’s section.',
  },
  'facilities.device_holder_invalid': {
    status: 422,
    ja: '貸出先は、この端末・媒体の係の在職者から選んでください。',
    en: 'The device can only be lent to an active member of its section.',
  },
  'facilities.device_due_invalid': {
    status: 422,
    ja: '返却予定日（終了日）は、開始日以降かつ本日以降の日付にしてください。',
    en: 'The due date must not be before the start or before today.',
  },
  'facilities.device_aware_in_future': {
    status: 422,
    ja: '知った日時に未来の日時は指定できません。',
    en: 'The time you came to know cannot be in the future.',
  },
  'facilities.device_witness_invalid': {
    status: 422,
    ja: '立会者には、記録する本人以外の在職者を指定してください。',
    en: 'The witness must be an active person other than the one who records the disposal.',
  },
  'facilities.device_disposed_on_invalid': {
    status: 422,
    ja: '廃棄日に未来の日付は指定できません。',
    en: 'The day of disposal cannot be in the future.',
  },
  'facilities.device_method_note_required': {
    status: 422,
    ja: '廃棄方法が「その他」のときは、方法を記入してください。',
    en: 'Describe the method when it is “other”.',
  },
  'facilities.device_not_in_store': {
    status: 409,
    ja: 'この端末・媒体は保管中ではないため、この操作はできません。',
    en: 'The device is not in store.',
  },
  'facilities.device_not_checked_out': {
    status: 409,
    ja: 'この端末・媒体は庁内貸出中ではありません。',
    en: 'The device is not checked out.',
  },
  'facilities.device_not_taken_out': {
    status: 409,
    ja: 'この端末・媒体は持出中ではありません。',
    en: 'The device is not taken out.',
  },
  'facilities.device_not_on_site': {
    status: 409,
    ja: 'この端末・媒体は持込中ではありません。',
    en: 'The device is not on site.',
  },
  'facilities.device_closed': {
    status: 409,
    ja: 'この端末・媒体は紛失・廃棄・持込終了のため、変更できません。',
    en: 'The device is lost, disposed of or removed and cannot be changed.',
  },
  'facilities.device_approval_required': {
    status: 409,
    ja: '持出しには、この端末・媒体の承認済み（未使用）の持出申請が必要です（第30条第2項）。',
    en: 'Taking the device out needs an approved, unused take-out request for it (A30-2).',
  },
  'facilities.device_take_out_ambiguous': {
    status: 422,
    ja: '承認済みの持出申請が複数あります。どの申請による持出しかを指定してください。',
    en: 'There are several approved take-out requests: name the one used.',
  },
  'facilities.device_not_member': {
    status: 422,
    ja: '持込みは、所属する係についてのみ申請できます。',
    en: 'A bring-in can only be requested for a section you belong to.',
  },
} satisfies Record<string, ErrorSpec>;
