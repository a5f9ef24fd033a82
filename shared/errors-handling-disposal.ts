import type { ErrorSpec } from './errors.ts';

/** Errors of handling held information: disposal (issue 7, A15). Codes never change once released. */
export const HANDLING_DISPOSAL_ERRORS = {
  'handling.retention_hold': {
    status: 409,
    ja: '保存期間中の法人文書に当たる記録が含まれるため廃棄できません。保存期間内に廃棄する必要がある場合は、理由を記入して例外として申請してください（総括保護管理者の承認が必要です）。',
    en: 'Some records are within the retention period of the corporate document and cannot be disposed. If they must be disposed before it ends, request an exception with the reason (the chief protection manager decides).',
  },
  'handling.disposal_witness_invalid': {
    status: 400,
    ja: '立会者には、廃棄を行う本人以外の在職中の職員を指定してください。',
    en: 'The witness must be a member of staff in office other than the person who disposes.',
  },
  'handling.disposal_records_not_found': {
    status: 404,
    ja: '指定された記録の一部が見つからないか、すでに消去されています。',
    en: 'Some of the records were not found or have already been erased.',
  },
  'handling.disposal_nothing': {
    status: 409,
    ja: '廃棄できる記録がありません（すべて消去済みです）。',
    en: 'There are no records left to dispose (all have been erased).',
  },
  'handling.disposal_scope': {
    status: 403,
    ja: 'ファイル全体の廃棄は、ファイルのすべての記録を扱える権限を持つ人だけが行えます。',
    en: 'Only a person whose grant covers every record of the file may dispose of the whole file.',
  },
  'handling.disposal_medium_not_found': {
    status: 404,
    ja: '指定された媒体が見つかりません。',
    en: 'The medium was not found.',
  },
  'handling.disposal_medium_state': {
    status: 409,
    ja: 'この媒体は持ち出し中か、すでに廃棄されています。',
    en: 'This medium is out of the office or has already been disposed.',
  },
  'handling.disposal_medium_forbidden': {
    status: 403,
    ja: '媒体の廃棄は、その媒体を管理する係の職員だけが申請できます。',
    en: 'Only staff of the section that keeps the medium may request its disposal.',
  },
  'handling.disposal_not_found': {
    status: 404,
    ja: '指定された廃棄の記録が見つかりません。',
    en: 'The disposal was not found.',
  },
} as const satisfies Record<string, ErrorSpec>;
