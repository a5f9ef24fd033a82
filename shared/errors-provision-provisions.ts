import type { ErrorSpec } from './errors.ts';

/**
 * Errors of third parties (issue 9; A17–A19): provisions (A17-2, A17の2, A18). Codes never change
 * once released. A provision outside the caller's view answers provision.provision_not_found (404).
 */
export const PROVISION_PROVISIONS_ERRORS = {
  'provision.provision_not_found': {
    status: 404,
    ja: '指定された提供は見つかりません。',
    en: 'The provision was not found.',
  },
  'provision.provision_party_invalid': {
    status: 400,
    ja: '提供先を外部機関等の登録から選んでください。',
    en: 'Choose the recipient from the register of outside parties.',
  },
  'provision.provision_file_invalid': {
    status: 400,
    ja: '選んだファイルは、あなたが管理する係の個人情報ファイル簿にありません。',
    en: 'A chosen file is not in the register of a section you keep.',
  },
  'provision.provision_files_mixed': {
    status: 400,
    ja: '一つの提供には、同じ係のファイルを選んでください。',
    en: 'The files of one provision must belong to the same section.',
  },
  'provision.provision_item_invalid': {
    status: 400,
    ja: '記録項目は、ファイルの項目から選んでください。',
    en: 'Choose the record items from the file’s fields.',
  },
  'provision.provision_law_required': {
    status: 400,
    ja: '法令に基づく提供では、根拠となる法令（条項）を記入してください（第17条第1項）。',
    en: 'Name the law (and article) the provision is based on (A17-1).',
  },
  'provision.provision_harm_required': {
    status: 400,
    ja: '本人又は第三者の権利利益を不当に侵害するおそれがない理由を記入してください（第17条第2項ただし書）。',
    en: 'State why no one’s rights and interests are unduly harmed (A17-2, proviso).',
  },
  'provision.provision_public_body_only': {
    status: 400,
    ja: '第17条第2項第3号の提供は、行政機関、他の独立行政法人等、地方公共団体又は地方独立行政法人に限ります。',
    en: 'Ground (3) of A17-2 is for provision to public bodies only.',
  },
  'provision.my_number_out_of_purpose': {
    status: 403,
    ja: '個人番号を含むファイルは、第17条第2項の根拠では提供できません（第17条の2）。',
    en: 'A file with My Numbers cannot be provided on the grounds of A17-2 (A17の2).',
  },
  'provision.provision_dates_invalid': {
    status: 400,
    ja: '提供期間の終了日は開始日以後の日付にしてください。',
    en: 'The end of the period must not be before its start.',
  },
  'provision.provision_not_editable': {
    status: 409,
    ja: 'この提供は、現在の状態では変更できません。',
    en: 'The provision cannot be changed in its current state.',
  },
  'provision.agreement_required': {
    status: 409,
    ja: '公的機関以外への提供には、書面（取り交わした文書とその内容）が必要です（第18条第1項）。',
    en: 'Provision to a recipient outside public bodies needs a written agreement and its document (A18-1).',
  },
  'provision.measures_required': {
    status: 409,
    ja: '提供先に求める安全確保の措置を選び、提供先の確認を記録してください（第18条第2項）。',
    en: 'List the safety measures required of the recipient and record their confirmation (A18-2).',
  },
  'provision.measures_reason_required': {
    status: 400,
    ja: '公的機関への提供で措置を必要と認める場合は、その理由を記入してください（第18条第3項）。',
    en: 'State why the measures are deemed necessary for a public body (A18-3).',
  },
  'provision.agreement_document_invalid': {
    status: 400,
    ja: '書面の文書は PDF 又は画像（10 MB まで）をアップロードしてください。',
    en: 'Upload the agreement as a PDF or an image (up to 10 MB).',
  },
  'provision.agreement_document_missing': {
    status: 404,
    ja: '書面の文書はまだアップロードされていません。',
    en: 'No agreement document has been uploaded.',
  },
  'provision.improvement_not_found': {
    status: 404,
    ja: '指定された改善要求は見つかりません。',
    en: 'The improvement request was not found.',
  },
  'provision.improvement_done': {
    status: 409,
    ja: 'この改善要求は既に完了しています。',
    en: 'The improvement request is already done.',
  },
  'provision.provision_not_active': {
    status: 409,
    ja: '承認された（有効な）提供でなければ、提供の実施を記録できません。',
    en: 'Only an approved (active) provision can record an act of provision.',
  },
  'provision.act_out_of_period': {
    status: 409,
    ja: '提供日は提供期間内の日付にしてください。',
    en: 'The date of provision must fall within the provision’s period.',
  },
  'provision.act_file_invalid': {
    status: 400,
    ja: 'このファイルは、この提供の対象ではありません。',
    en: 'The file is not part of this provision.',
  },
  'provision.no_active_provision': {
    status: 409,
    ja: 'この提供先へのこのファイルの提供は承認されていません。承認された提供がある場合に限り書き出せます（第18条）。',
    en: 'No approved provision of this file to this recipient; the export is refused (A18).',
  },
} as const satisfies Record<string, ErrorSpec>;
