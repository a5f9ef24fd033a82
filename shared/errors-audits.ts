import type { ErrorSpec } from './errors.ts';

/**
 * Errors of audits (issue 10; A36). Codes never change once released. An audit or finding outside
 * the caller's view answers audits.not_found / audits.finding_not_found (404), never 403.
 */
export const AUDITS_ERRORS = {
  'audits.not_found': { status: 404, ja: '指定された監査は見つかりません。', en: 'The audit was not found.' },
  'audits.item_not_found': {
    status: 404,
    ja: '指定されたチェック項目は見つかりません。',
    en: 'The checklist item was not found.',
  },
  'audits.finding_not_found': {
    status: 404,
    ja: '指定された指摘事項は見つかりません。',
    en: 'The finding was not found.',
  },
  'audits.document_not_found': {
    status: 404,
    ja: '指定された資料は見つかりません。',
    en: 'The document was not found.',
  },
  'audits.evidence_not_found': {
    status: 404,
    ja: '指定された根拠は見つかりません。',
    en: 'The evidence link was not found.',
  },
  'audits.not_planned': {
    status: 409,
    ja: '計画中の監査ではないため、この操作はできません。',
    en: 'The audit is no longer planned.',
  },
  'audits.not_in_progress': {
    status: 409,
    ja: '実施中の監査ではないため、この操作はできません。',
    en: 'The audit is not in progress.',
  },
  'audits.not_reported': {
    status: 409,
    ja: '報告済みの監査ではないため、この操作はできません。',
    en: 'The audit has not been reported.',
  },
  'audits.items_unanswered': {
    status: 409,
    ja: '回答していないチェック項目があるため、報告書を発行できません。',
    en: 'Some checklist items are not answered; the report cannot be issued.',
  },
  'audits.findings_open': {
    status: 409,
    ja: '完了または確認されていない指摘事項があるため、監査を終了できません。',
    en: 'Some findings are not done and confirmed; the audit cannot be closed.',
  },
  'audits.external_required': {
    status: 400,
    ja: '外部監査では、監査人の所属・氏名・連絡先を入力してください。外部監査以外では入力できません。',
    en: "An external audit needs the auditor's organisation, name and contact; other kinds take none.",
  },
  'audits.unit_invalid': {
    status: 400,
    ja: '監査対象の学校等を正しく選んでください。',
    en: 'Choose existing units for the scope.',
  },
  'audits.period_invalid': {
    status: 400,
    ja: '期間の終了日は開始日以後の日付を指定してください。',
    en: 'The end of a period must not be before its start.',
  },
  'audits.evidence_not_in_scope': {
    status: 400,
    ja: '指定された記録は、この監査の対象範囲・期間にありません。',
    en: "The record is not among those in the audit's scope and period.",
  },
  'audits.evidence_exists': {
    status: 409,
    ja: 'この記録はすでに根拠として登録されています。',
    en: 'The record is already linked to this item.',
  },
  'audits.document_invalid': {
    status: 400,
    ja: 'PDF・PNG・JPEG形式で10MB以下のファイルを選んでください。',
    en: 'Choose a PDF, PNG or JPEG file of at most 10 MB.',
  },
  'audits.owner_invalid': {
    status: 400,
    ja: '是正措置の担当者を在職中の教職員から選んでください。',
    en: 'Choose an active member of staff as the owner of the action.',
  },
  'audits.item_invalid': {
    status: 400,
    ja: '指摘事項の対象項目をこの監査のチェック項目から選んでください。',
    en: "Choose one of this audit's checklist items.",
  },
  'audits.finding_done': {
    status: 409,
    ja: 'この指摘事項はすでに完了しています。',
    en: 'The finding is already done.',
  },
  'audits.finding_not_done': {
    status: 409,
    ja: '完了していない指摘事項は確認できません。',
    en: 'Only a finding marked done can be confirmed.',
  },
  'audits.already_acknowledged': {
    status: 409,
    ja: '受領はすでに確認されています。',
    en: 'Receipt has already been acknowledged.',
  },
} satisfies Record<string, ErrorSpec>;
