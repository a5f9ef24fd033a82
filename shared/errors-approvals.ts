import type { ErrorSpec } from './errors.ts';

/** Errors of the approval engine (issue 7; A12, ADR 0008). Codes never change once released. */
export const APPROVAL_ERRORS = {
  'approval.not_found': {
    status: 404,
    ja: '指定された申請は見つかりません。',
    en: 'The request was not found.',
  },
  'approval.not_decider': {
    status: 403,
    ja: 'この申請を決裁する権限がありません（申請先の保護管理者・総括保護管理者またはその代理者のみ）。',
    en: 'Only the 保護管理者 or 総括保護管理者 the request goes to, or their deputy, can decide it.',
  },
  'approval.own_request': {
    status: 403,
    ja: '自分の申請を自分で決裁することはできません。',
    en: 'Nobody decides their own request.',
  },
  'approval.not_open': {
    status: 409,
    ja: 'この申請は既に決裁・取下げ・期限切れのいずれかです。画面を再読み込みしてください。',
    en: 'The request has already been decided, withdrawn or has expired. Reload the page.',
  },
  'approval.stale': {
    status: 409,
    ja: '申請内容が更新されています。最新の内容を確認してから決裁してください。',
    en: 'The request has changed since you read it. Read it again before deciding.',
  },
  'approval.comment_required': {
    status: 400,
    ja: '却下または差戻しの場合は、理由を入力してください。',
    en: 'Give a reason to deny or send back a request.',
  },
  'approval.not_requester': {
    status: 403,
    ja: 'この操作は申請者本人のみ行えます。',
    en: 'Only the requester can do this.',
  },
  'approval.not_sent_back': {
    status: 409,
    ja: '差し戻された申請のみ再申請できます。',
    en: 'Only a request sent back can be resubmitted.',
  },
  'approval.required': {
    status: 403,
    ja: 'この操作には保護管理者の承認が必要です。承認済みの申請を指定してください（第12条）。',
    en: 'This act needs the manager’s approval: name an approved request (A12).',
  },
  'approval.not_approved': {
    status: 409,
    ja: '指定された申請は承認されていないか、既に使用済み・期限切れです。',
    en: 'The request named is not approved, or has been used or has expired.',
  },
  'approval.mismatch': {
    status: 409,
    ja: '承認された申請の内容（種別・ファイル・対象）と操作が一致しません。',
    en: 'The act does not match what was approved (kind, file or records).',
  },
  'approval.deputy_invalid': {
    status: 400,
    ja: '代理者の期間または範囲が正しくありません（開始日は終了日以前、自分自身は代理者にできません）。',
    en: 'The deputy’s period or scope is not valid (start before end; not yourself).',
  },
  'approval.deputy_not_found': {
    status: 404,
    ja: '指定された代理者の指定は見つかりません。',
    en: 'The deputy appointment was not found.',
  },
  'approval.no_approver': {
    status: 409,
    ja: '申請先の保護管理者（または総括保護管理者）が任命されていないため申請できません。総括保護管理者に連絡してください。',
    en: 'No 保護管理者 (or 総括保護管理者) is appointed to decide this request. Tell the 総括保護管理者.',
  },
} as const satisfies Record<string, ErrorSpec>;
