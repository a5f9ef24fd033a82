import type { ErrorSpec } from './errors.ts';

/** Errors of the register of personal information files (issue 5; A20). Codes never change once released. */
export const REGISTER_ERRORS = {
  'register.file_not_found': {
    status: 404,
    ja: '指定された個人情報ファイルが見つかりません。',
    en: 'The personal information file was not found.',
  },
  'register.section_not_in_unit': {
    status: 400,
    ja: '担当の課等が、指定された学校等に属していません。',
    en: 'The section does not belong to the unit given.',
  },
  'register.section_not_handling': {
    status: 409,
    ja: 'この課等は個人情報を取り扱う課等として登録されていません。先に課等の設定を変更してください（第6条）。',
    en: 'This section is not registered as handling personal information. Change the section first (A6).',
  },
  'register.no_open_version': {
    status: 409,
    ja: 'このファイルには作成中・提出中の版がありません。',
    en: 'This file has no version being drafted or submitted.',
  },
  'register.version_open': {
    status: 409,
    ja: 'このファイルには既に作成中・提出中の版があります。その版を編集してください。',
    en: 'This file already has a version being drafted or submitted; edit that one.',
  },
  'register.wrong_state': {
    status: 409,
    ja: 'この版は現在の状態ではその操作ができません（作成中→提出→受理の順です）。',
    en: 'The version is not in a state that allows this (draft → submitted → accepted).',
  },
  'register.discontinued': {
    status: 409,
    ja: 'このファイルは既に保有を終了しています（第20条第4項）。',
    en: 'This file is no longer held (A20-4).',
  },
  'register.not_registered': {
    status: 409,
    ja: 'このファイルはまだ個人情報ファイル簿に登録されていません。',
    en: 'This file has not been accepted into the register yet.',
  },
  'register.not_my_number_file': {
    status: 409,
    ja: 'このファイルは特定個人情報ファイルではありません。',
    en: 'This file is not a My Number (特定個人情報) file.',
  },
  'register.already_approved': {
    status: 409,
    ja: 'このファイルの保有は既に承認されています。',
    en: 'Holding this file has already been approved.',
  },
  'register.exemption_ground_missing': {
    status: 400,
    ja: '公表しない場合は、その根拠を選んでください（法第74条第2項、第75条第3項）。',
    en: 'Choose the ground for not publishing the file (Act art. 74(2), 75(3)).',
  },
  'register.anon_office_missing': {
    status: 400,
    ja: '匿名加工情報の提案を募集する場合は、提案を受ける組織の名称及び所在地を記入してください。',
    en: 'When proposals for anonymised information are invited, give the office that receives them.',
  },
  'register.csv_unrepresentable': {
    status: 422,
    ja: 'Shift_JIS（CP932）で表せない文字が含まれているため、この形式では出力できません。UTF-8 の CSV（既定）または Excel 形式をご利用ください。',
    en: 'The register contains a character that Shift_JIS (CP932) cannot represent. Use the UTF-8 CSV (the default) or the Excel file.',
  },
  'register.version_not_found': {
    status: 404,
    ja: '指定された版が見つかりません。',
    en: 'The version was not found.',
  },
  'register.import_invalid_file': {
    status: 400,
    ja: 'ファイルを読み取れませんでした。CSV（UTF-8 または Shift_JIS）または Excel（.xlsx）形式で、1行目に見出しを置いて保存してください。',
    en: 'The file could not be read. Save it as CSV (UTF-8 or Shift_JIS) or Excel (.xlsx), with the headings in row 1.',
  },
  'register.import_missing_columns': {
    status: 400,
    ja: '必要な列がありません。テンプレートの見出し行を使用してください（不足している列は一覧のとおりです）。',
    en: 'Required columns are missing. Use the headings of the template (the missing columns are listed).',
  },
  'register.import_too_many_rows': {
    status: 400,
    ja: '一度に取り込めるのは2,000件までです。ファイルを分けて取り込んでください。',
    en: 'At most 2,000 entries can be imported at once. Split the file.',
  },
  'register.import_empty': {
    status: 400,
    ja: '取り込む行がありません。2行目以降に個人情報ファイルを記入してください。',
    en: 'The file has no entries. Put one file per row from row 2.',
  },
  'register.import_has_errors': {
    status: 422,
    ja: '誤りのある行があるため、何も取り込みませんでした。行ごとの誤りを修正してから、もう一度確認してください。',
    en: 'Some rows have errors, so nothing was imported. Fix the rows listed and check the file again.',
  },
  'register.import_stale': {
    status: 409,
    ja: '確認したファイルと取り込もうとしたファイルが一致しません。もう一度ファイルを選んで内容を確認してください。',
    en: 'The file does not match the one checked. Choose the file again and check it.',
  },
} as const satisfies Record<string, ErrorSpec>;
