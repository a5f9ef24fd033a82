import type { ErrorSpec } from './errors.ts';

/** Errors of the vault (issue 6; A11, A17, A25, A26). Codes never change once released. */
export const VAULT_ERRORS = {
  'vault.file_not_found': {
    status: 404,
    ja: '指定された個人情報ファイルは保管庫にありません。',
    en: 'The personal information file is not in the vault.',
  },
  'vault.file_disposed': {
    status: 409,
    ja: 'このファイルは廃棄（消去）済みのため、記録を追加できません（第15条）。',
    en: 'This file has been disposed of: no records can be added to it (A15).',
  },
  'vault.not_computer_file': {
    status: 409,
    ja: 'マニュアル処理ファイルの記録は保管庫に保管できません（電算処理ファイルのみ）。',
    en: 'Only computer-processed files keep their records in the vault.',
  },
  'vault.not_registered': {
    status: 409,
    ja: 'このファイルは個人情報ファイル簿に登録されていないか、個人番号を含むファイルとして総括管理者の承認を受けていません（第20条）。',
    en: 'The file is not registered, or, holding My Numbers, has not been approved by the 総括管理者 (A20).',
  },
  'vault.already_open': {
    status: 409,
    ja: 'このファイルは既に保管庫で利用されています。',
    en: 'This file is already in the vault.',
  },
  'vault.no_grant': {
    status: 403,
    ja: 'このファイルの利用権限が付与されていません。保護管理者に申請してください（第11条第1項・第2項）。',
    en: 'You have no grant for this file. Ask its 保護管理者 (A11-1, A11-2).',
  },
  'vault.grant_suspended': {
    status: 403,
    ja: '必須の研修の受講期限が切れたため、このファイルの利用権限は停止されています。「研修」で受講を済ませると再開されます（第10条）。',
    en: 'Your grant for this file is suspended because a required course has lapsed. It resumes once you complete it under 「研修」 (A10).',
  },
  'vault.permission_missing': {
    status: 403,
    ja: '付与された権限ではこの操作はできません（第11条第1項）。',
    en: 'Your grant does not allow this (A11-1).',
  },
  'vault.search_term_short': {
    status: 422,
    ja: '前方一致の検索は2文字以上で入力してください。',
    en: 'A prefix search needs at least two characters.',
  },
  'vault.purpose_not_registered': {
    status: 400,
    ja: '利用目的を、このファイルに登録された利用目的から選んでください（第11条第3項）。',
    en: 'Choose a purpose from those registered for this file (A11-3).',
  },
  'vault.purpose_not_my_number': {
    status: 403,
    ja: '個人番号は番号法で定められた事務の目的でのみ利用できます（第17条の2）。',
    en: 'My Numbers may be used only for the purposes of the My Number Act (A17の2).',
  },
  'vault.not_my_number_handler': {
    status: 403,
    ja: '個人番号は、この課等の特定個人情報取扱担当者が取扱区域の端末からのみ表示できます（第7条の2・第11条の2）。',
    en: 'My Numbers are shown only to this section’s handlers, on a terminal of the handling area (A7の2, A11の2).',
  },
  'vault.field_not_granted': {
    status: 403,
    ja: 'この項目は付与された権限の範囲外です。',
    en: 'This field is outside your grant.',
  },
  'vault.field_unknown': {
    status: 400,
    ja: 'このファイルにない項目が指定されました。',
    en: 'The field does not exist in this file.',
  },
  'vault.field_not_searchable': {
    status: 400,
    ja: 'この項目では検索できません。',
    en: 'This field cannot be searched.',
  },
  'vault.record_not_found': {
    status: 404,
    ja: '指定された記録が見つかりません。',
    en: 'The record was not found.',
  },
  'vault.invalid_values': {
    status: 422,
    ja: '入力内容に誤りがあります。各項目を確認してください。',
    en: 'Some values are not valid. Check each field.',
  },
  'vault.stale_revision': {
    status: 409,
    ja: 'この記録は他の方が更新しました。最新の内容を確認してから、もう一度入力してください。',
    en: 'Someone else updated this record. Reload it and enter your change again.',
  },
  'vault.duplicate_key': {
    status: 409,
    ja: '同じ識別項目（例：学生番号）の記録が既にあります。',
    en: 'A record with the same identifying field already exists.',
  },
  'vault.record_damaged': {
    status: 500,
    ja: 'この記録の暗号文が改変されているか破損しているため表示できません。システム管理者に連絡してください（改変は記録されました）。',
    en: 'The record’s ciphertext was altered or damaged and cannot be shown. Tell the system administrator (it has been recorded).',
  },
  'vault.record_erased': {
    status: 410,
    ja: 'この記録は消去されています。',
    en: 'This record has been erased.',
  },
  // Issue 12 (法98–103): the record's use is stopped for this purpose by a suspension request.
  'vault.record_suspended': {
    status: 403,
    ja: 'この記録は、本人からの利用停止請求により、この利用目的での利用が停止されています。',
    en: 'Use of this record for this purpose is suspended at the request of the individual.',
  },
  'vault.change_not_found': {
    status: 404,
    ja: '確認待ちの入力が見つかりません。',
    en: 'The entry awaiting a check was not found.',
  },
  'vault.own_change': {
    status: 409,
    ja: '自分が入力した内容は確認できません。別の職員が原本と照合してください（第26条）。',
    en: 'You cannot check your own entry; another person checks it against the source (A26).',
  },
  'vault.change_pending': {
    status: 409,
    ja: 'この記録には確認待ちの変更があります。確認が済んでから変更してください（第26条）。',
    en: 'A change of this record awaits its check; change it once that is done (A26).',
  },
  'vault.grant_exists': {
    status: 409,
    ja: 'この職員には既にこのファイルの有効な権限があります。変更するには取り消してから付与し直してください。',
    en: 'This person already has a grant for this file; revoke it and grant again to change it.',
  },
  'vault.grant_not_found': {
    status: 404,
    ja: '指定された権限が見つかりません。',
    en: 'The grant was not found.',
  },
  'vault.self_grant': {
    status: 403,
    ja: '自分自身への権限は付与できません。総括保護管理者に付与を依頼してください。',
    en: 'You cannot grant yourself; ask the 総括保護管理者.',
  },
  'vault.grant_dates': {
    status: 400,
    ja: '有効期間の終了日は開始日以降で、1年以内にしてください。',
    en: 'The grant must end on or after its start, within one year.',
  },
  'vault.person_not_found': {
    status: 400,
    ja: '権限を付与する職員が見つからないか、在職していません。',
    en: 'The person to grant was not found or is not in office.',
  },
  'vault.grant_revoked': {
    status: 409,
    ja: 'この権限は既に取り消されています。',
    en: 'This grant has already been revoked.',
  },
  'vault.settings_invalid': {
    status: 400,
    ja: '設定に誤りがあります：識別項目は完全一致で検索できる項目、範囲項目は記録の項目から選んでください。',
    en: 'The settings are not valid: the key field must be searchable by exact match and both must be fields of the record.',
  },
  'vault.schema_incompatible': {
    status: 409,
    ja: '既存の項目の種類・機微度・検索方法は変更できません。新しい項目として追加してください。',
    en: 'The type, sensitivity or search of an existing field cannot change; add a new field instead.',
  },
  'vault.my_number_fields': {
    status: 409,
    ja: '個人番号の項目は、特定個人情報ファイルとして登録・承認されたファイルにのみ置けます（第20条第5項）。',
    en: 'My Number fields belong only in files registered and approved as My Number files (A20-5).',
  },
  'vault.import_invalid_file': {
    status: 400,
    ja: 'ファイルを読み取れませんでした。CSV（UTF-8またはShift_JIS）またはExcel（.xlsx）で保存してください。',
    en: 'The file could not be read. Save it as CSV (UTF-8 or Shift_JIS) or Excel (.xlsx).',
  },
  'vault.import_empty': {
    status: 400,
    ja: 'ファイルに取り込む行がありません（1行目は見出しです）。',
    en: 'The file has no rows to import (the first row is the headings).',
  },
  'vault.import_too_many': {
    status: 413,
    ja: '1回に取り込める行数（200,000行）を超えています。ファイルを分けてください。',
    en: 'The file has more rows than one import takes (200,000); split it.',
  },
  'vault.import_mapping_invalid': {
    status: 422,
    ja: '列の割り当てに誤りがあるため、取り込みを行いませんでした。割り当てを確認してください。',
    en: 'The column mapping has problems, so nothing was imported. Check the mapping.',
  },
  'vault.import_rows_invalid': {
    status: 422,
    ja: '誤りのある行があるため、1件も取り込みませんでした。行ごとの内容を修正してから、もう一度取り込んでください。',
    en: 'Some rows have problems, so nothing was imported. Fix the rows listed and import again.',
  },
  'vault.import_stale': {
    status: 409,
    ja: '確認した内容と、ファイル・列の割り当て・記録の様式のいずれかが異なります。もう一度確認してから取り込んでください。',
    en: 'The file, the mapping or the record schema changed since the check; check again before importing.',
  },
  'vault.import_running': {
    status: 409,
    ja: 'このファイルには取り込み中の処理があります。終わってから取り込んでください。',
    en: 'An import into this file is running; import once it has finished.',
  },
  'vault.import_not_found': {
    status: 404,
    ja: '指定された取り込みが見つかりません。',
    en: 'The import was not found.',
  },
} as const satisfies Record<string, ErrorSpec>;
