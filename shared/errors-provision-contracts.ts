import type { ErrorSpec } from './errors.ts';

/**
 * Errors of outsourcing contracts (issue 9; A19). Codes never change once released.
 * A contract outside the caller's view answers provision.contract_not_found (404), never 403.
 */
export const PROVISION_CONTRACTS_ERRORS = {
  'provision.contract_not_found': {
    status: 404,
    ja: '指定された委託契約は見つかりません。',
    en: 'The contract was not found.',
  },
  'provision.contract_party_invalid': {
    status: 400,
    ja: '委託先を外部提供先・委託先の一覧から選んでください。',
    en: 'Choose the contractor from the register of parties.',
  },
  'provision.contract_section_invalid': {
    status: 400,
    ja: '担当の係を、保護管理者を務める係から選んでください。',
    en: 'Choose a section whose protection manager you are.',
  },
  'provision.contract_file_invalid': {
    status: 400,
    ja: '選んだファイルは、担当の係の個人情報ファイル簿にありません。',
    en: 'A chosen file is not in the register of the section.',
  },
  'provision.contract_period_invalid': {
    status: 400,
    ja: '契約期間の終了日は開始日以後の日付を指定してください。',
    en: 'The end of the period must not be before its start.',
  },
  'provision.contract_clause_reference_required': {
    status: 400,
    ja: '記載ありとした条項には、契約書の条項番号を入力してください。',
    en: 'Give the article number for each clause marked as present.',
  },
  'provision.contract_not_draft': {
    status: 409,
    ja: 'この契約は起案中ではないため変更できません。',
    en: 'The contract is no longer a draft and cannot be changed.',
  },
  'provision.contract_not_active': {
    status: 409,
    ja: 'この操作は契約中（または終了手続中）の契約にのみ行えます。',
    en: 'This can be done only on an active (or ending) contract.',
  },
  'provision.contract_clauses_missing': {
    status: 409,
    ja: '契約書に第19条第1項の事項が明記されていない条項があります。総括保護管理者の例外承認がなければ契約中にできません。',
    en: 'The contract lacks clauses required by A19-1. It can become active only with an exception approved by the chief protection manager.',
  },
  'provision.contract_dispatch_confidentiality': {
    status: 409,
    ja: '派遣契約には秘密保持義務等の条項が必要です（第19条第2項）。この条項は例外にできません。',
    en: 'A dispatch contract must state confidentiality (A19-2). No exception is possible for it.',
  },
  'provision.contract_exception_mismatch': {
    status: 400,
    ja: '例外の申請は、記載のない条項をすべて、かつそれだけを指定してください。',
    en: 'The exception must name exactly the clauses that are missing.',
  },
  'provision.contract_exception_pending': {
    status: 409,
    ja: 'この契約の例外承認は申請中です。',
    en: 'An exception for this contract is already awaiting a decision.',
  },
  'provision.contract_nothing_missing': {
    status: 409,
    ja: 'すべての条項が記載されているため、例外の申請は不要です。',
    en: 'All clauses are present; no exception is needed.',
  },
  'provision.contract_supervision_plan_required': {
    status: 409,
    ja: '特定個人情報を扱う委託には、監督の計画の記載が必要です（第19条第4項）。',
    en: 'A My Number outsourcing needs a supervision plan (A19-4).',
  },
  'provision.contract_not_my_number': {
    status: 409,
    ja: '監督の記録は、特定個人情報を扱う委託契約について記録します。',
    en: 'Supervision records are for contracts involving My Numbers.',
  },
  'provision.subcontract_not_found': {
    status: 404,
    ja: '指定された再委託は見つかりません。',
    en: 'The subcontract was not found.',
  },
  'provision.subcontract_parent_invalid': {
    status: 400,
    ja: '指定された上位の再委託先は、この契約の再委託先ではありません。',
    en: 'The parent subcontract is not one of this contract.',
  },
  'provision.subcontract_not_permitted': {
    status: 409,
    ja: '保護管理者の許諾を得ていない再委託先を従事させることはできません（第19条第3項）。',
    en: 'A subcontractor cannot work without the protection manager’s permission (A19-3).',
  },
  'provision.subcontract_file_invalid': {
    status: 400,
    ja: '再委託先が扱うファイルは、委託元が扱うファイルから選んでください。',
    en: 'A subcontractor’s files must be among those of its parent.',
  },
  'provision.improvement_not_found': {
    status: 404,
    ja: '指定された改善要求は見つかりません。',
    en: 'The improvement request was not found.',
  },
  'provision.improvement_done': {
    status: 409,
    ja: 'この改善要求は完了しています。',
    en: 'The improvement request is already done.',
  },
  'provision.contract_date_in_future': {
    status: 400,
    ja: '実施日に未来の日付は指定できません。',
    en: 'The date cannot be in the future.',
  },
  'provision.contract_end_too_early': {
    status: 409,
    ja: '契約期間の終了前に終了手続を始めるには、理由を入力してください。',
    en: 'To end a contract before its period ends, give a reason.',
  },
  'provision.contract_not_ending': {
    status: 409,
    ja: 'この操作は終了手続中の契約にのみ行えます。',
    en: 'This can be done only on an ending contract.',
  },
  'provision.contract_erasure_required': {
    status: 409,
    ja: '委託終了時の個人情報の消去又は媒体の返却の確認（第19条第1項第5号）を記録してから終了してください。',
    en: 'Record the confirmation of erasure or return (A19-1(5)) before closing.',
  },
  'provision.contract_document_invalid': {
    status: 400,
    ja: '書類はPDF、PNG、JPEGのいずれかで、10MB以下のファイルを選んでください。',
    en: 'Upload a PDF, PNG or JPEG file of at most 10 MB.',
  },
  'provision.contract_document_not_found': {
    status: 404,
    ja: '書類は登録されていません。',
    en: 'No document has been uploaded.',
  },
} as const satisfies Record<string, ErrorSpec>;
