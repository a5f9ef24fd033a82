import type { ErrorSpec } from './errors.ts';

/**
 * Errors of third parties (issue 9; A17–A19): parties, capability checks (A19-1) and the views.
 * Codes never change once released. A party, check, document or file outside the caller's view
 * answers a not_found (404), never 403.
 */
export const PROVISION_PARTIES_ERRORS = {
  'provision.party_not_found': {
    status: 404,
    ja: '指定された提供先・委託先は見つかりません。',
    en: 'The outside party was not found.',
  },
  'provision.party_duplicate': {
    status: 409,
    ja: '同じ法人番号の提供先・委託先が既に登録されています。',
    en: 'An outside party with the same corporate number is already registered.',
  },
  'provision.check_not_found': {
    status: 404,
    ja: '指定された能力の確認の記録は見つかりません。',
    en: 'The capability check was not found.',
  },
  'provision.check_not_contractor': {
    status: 409,
    ja: '能力の確認（第19条第1項）は委託先として登録された相手方についてのみ記録できます。',
    en: 'Capability checks (A19-1) are recorded only for parties registered as contractors.',
  },
  'provision.check_date_invalid': {
    status: 400,
    ja: '確認日は今日以前の日付を、次回確認期限は確認日より後の日付を指定してください。',
    en: 'The check date must not be in the future, and the next due date must be after it.',
  },
  'provision.party_retired': {
    status: 409,
    ja: 'この提供先・委託先は利用終了になっているため、確認を記録できません。',
    en: 'The party is retired; no check can be recorded.',
  },
  'provision.evidence_invalid': {
    status: 400,
    ja: '証拠書類は PDF または画像（PNG・JPEG）で、10MB 以下のファイルを選んでください。',
    en: 'Evidence must be a PDF or an image (PNG, JPEG) of at most 10 MB.',
  },
  'provision.evidence_not_found': {
    status: 404,
    ja: '指定された証拠書類は見つかりません。',
    en: 'The evidence document was not found.',
  },
  'provision.evidence_corrupt': {
    status: 500,
    ja: '証拠書類の内容が登録時と一致しません。管理者に連絡してください。',
    en: 'The evidence document does not match its checksum. Tell the administrator.',
  },
  'provision.file_not_found': {
    status: 404,
    ja: '指定された個人情報ファイルは見つかりません。',
    en: 'The personal information file was not found.',
  },
} as const satisfies Record<string, ErrorSpec>;
