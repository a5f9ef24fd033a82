import { PASSWORD_ERRORS } from './errors-password.ts';
import { MFA_ERRORS } from './errors-mfa.ts';
import { SSO_ERRORS } from './errors-sso.ts';
import { TERMINALS_ERRORS } from './errors-terminals.ts';
import { LOGS_ERRORS } from './errors-logs.ts';
import { LOG_ANALYSIS_ERRORS } from './errors-log-analysis.ts';
import { REGISTER_ERRORS } from './errors-register.ts';
import { VAULT_ERRORS } from './errors-vault.ts';
import { APPROVAL_ERRORS } from './errors-approvals.ts';
import { HANDLING_ERRORS } from './errors-handling.ts';
import { INCIDENTS_ERRORS } from './errors-incidents.ts';
import { PROVISION_ERRORS } from './errors-provision.ts';
import { TRAINING_ERRORS } from './errors-training.ts';
import { AUDITS_ERRORS } from './errors-audits.ts';
import { OVERSIGHT_ERRORS } from './errors-oversight.ts';
import { COMPLIANCE_ERRORS } from './errors-compliance.ts';
import { FACILITY_DEVICES_ERRORS } from './errors-facility-devices.ts';
import { FACILITY_SYSTEMS_ERRORS } from './errors-facility-systems.ts';
import { FACILITY_ROOMS_ERRORS } from './errors-facility-rooms.ts';
import { FACILITY_BACKUPS_ERRORS } from './errors-facility-backups.ts';
import { REQUESTS_ERRORS } from './errors-requests.ts';
import { REQUESTS_SEARCH_ERRORS } from './errors-requests-search.ts';
import { REQUESTS_DECISION_ERRORS } from './errors-requests-decision.ts';
import { REQUESTS_HISTORY_ERRORS } from './errors-requests-history.ts';
import { REQUESTS_REMEDIES_ERRORS } from './errors-requests-remedies.ts';
/**
 * Every error the application can answer with: a stable code, the HTTP status and a message in
 * Japanese and English that an office worker understands. Codes never change once released.
 */
export interface ErrorSpec {
  status: number;
  ja: string;
  en: string;
}

const BASE_ERRORS = {
  'request.invalid': {
    status: 400,
    ja: '入力内容に誤りがあります。各項目を確認してください。',
    en: 'The request is not valid. Check each field.',
  },
  'request.not_found': {
    status: 404,
    ja: 'お探しのページまたはデータは見つかりません。',
    en: 'The page or record was not found.',
  },
  'request.too_many': {
    status: 429,
    ja: '短時間に多くの操作が行われました。しばらく待ってから再度お試しください。',
    en: 'Too many requests. Wait a moment and try again.',
  },
  'request.csrf': {
    status: 403,
    ja: '画面の有効期限が切れました。画面を再読み込みしてからやり直してください。',
    en: 'The form has expired. Reload the page and try again.',
  },
  'request.payload_too_large': { status: 413, ja: 'ファイルが大きすぎます。', en: 'The file is too large.' },
  'server.unavailable': {
    status: 503,
    ja: 'ただいま準備中です。しばらくしてから再度お試しください。',
    en: 'The service is starting. Try again shortly.',
  },
  'server.error': {
    status: 500,
    ja: 'システムでエラーが発生しました。時間をおいて再度お試しください。問題が続く場合は管理者に連絡してください。',
    en: 'An unexpected error occurred. Try again later, and tell the administrator if it persists.',
  },

  'auth.required': { status: 401, ja: 'ログインしてください。', en: 'Please sign in.' },
  'auth.invalid_credentials': {
    status: 401,
    ja: '職員番号またはパスワードが正しくありません。',
    en: 'The employee number or password is incorrect.',
  },
  'auth.locked': {
    status: 423,
    ja: 'ログインの失敗が続いたため、一時的にロックされています。しばらくしてから再度お試しください。',
    en: 'Too many failed sign-ins. The account is locked for a while.',
  },
  'auth.forbidden': {
    status: 403,
    ja: 'この操作を行う権限がありません。',
    en: 'You are not allowed to do this.',
  },
  'auth.weak_password': {
    status: 400,
    ja: 'パスワードは12文字以上で、職員番号と異なるものにしてください。',
    en: 'The password must have at least 12 characters and differ from the employee number.',
  },
  'setup.already_done': {
    status: 409,
    ja: '初期設定は完了しています。',
    en: 'Setup has already been completed.',
  },
  'setup.invalid_token': {
    status: 403,
    ja: 'セットアップ用トークンが正しくありません。サーバーのコンソールに表示されたトークンを入力してください。',
    en: 'The setup token is wrong. Use the token printed on the server console.',
  },

  'organisation.unit_not_found': {
    status: 404,
    ja: '指定された学校等が見つかりません。',
    en: 'The unit was not found.',
  },
  'organisation.section_not_found': {
    status: 404,
    ja: '指定された課等が見つかりません。',
    en: 'The section was not found.',
  },
  'organisation.person_not_found': {
    status: 404,
    ja: '指定された教職員等が見つかりません。',
    en: 'The person was not found.',
  },
  'organisation.unit_code_taken': {
    status: 409,
    ja: 'この学校等コードは既に使われています。',
    en: 'This unit code is already in use.',
  },
  'organisation.section_name_taken': {
    status: 409,
    ja: '同じ学校等に同じ名称の課等が既にあります。',
    en: 'A section with this name already exists in the unit.',
  },
  'organisation.employee_number_taken': {
    status: 409,
    ja: 'この職員番号は既に登録されています。',
    en: 'This employee number is already registered.',
  },
  'organisation.section_parent_invalid': {
    status: 400,
    ja: '上位の課等は同じ学校等のものを指定してください。',
    en: 'The parent section must belong to the same unit.',
  },
  'organisation.section_not_in_unit': {
    status: 400,
    ja: '所属の課等は所属の学校等のものを指定してください。',
    en: 'The section must belong to the person’s unit.',
  },
  'organisation.my_number_without_personal_info': {
    status: 400,
    ja: '特定個人情報を取り扱う課等は、保有個人情報を取り扱う課等としても登録してください。',
    en: 'A section that handles My Numbers also handles held personal information.',
  },
  'organisation.section_has_managers': {
    status: 409,
    ja: 'この課等には保護管理者等が任命されています。先に任命を終了してください。',
    en: 'The section has current appointments; end them first.',
  },

  'appointment.not_found': {
    status: 404,
    ja: '指定された任命が見つかりません。',
    en: 'The appointment was not found.',
  },
  'appointment.role_already_filled': {
    status: 409,
    ja: 'この役職には既に任命されている方がいます（定員1名）。先に現在の任命を終了してください。',
    en: 'This role already has a holder (one seat). End the current appointment first.',
  },
  'appointment.duplicate': {
    status: 409,
    ja: 'この方は同じ期間に同じ役職に既に任命されています。',
    en: 'This person already holds this role for the same period.',
  },
  'appointment.not_allowed_appointer': {
    status: 403,
    ja: 'この役職を任命する権限がありません（規則第65号に定める任命者のみ任命できます）。',
    en: 'You may not appoint to this role; rule 65 names who appoints it.',
  },
  'appointment.person_not_officer': {
    status: 400,
    ja: 'この役職には役員（理事・監事）を充てる必要があります（規則第4条・第8条）。',
    en: 'This role must be held by an officer (rule 65, arts. 4 and 8).',
  },
  'appointment.section_not_handling': {
    status: 400,
    ja: 'この課等は保有個人情報を取り扱う課等として登録されていません（規則第6条・第7条）。',
    en: 'The section is not registered as handling held personal information (arts. 6, 7).',
  },
  'appointment.scope_mismatch': {
    status: 400,
    ja: '任命の範囲がこの役職に合っていません。',
    en: 'The scope does not fit this role.',
  },
  'appointment.person_outside_scope': {
    status: 400,
    ja: 'この方は任命先の学校等に所属していません。',
    en: 'The person does not belong to the unit of this appointment.',
  },
  'appointment.person_inactive': {
    status: 400,
    ja: 'この方は在職中として登録されていません。',
    en: 'The person is not active.',
  },
  'appointment.handler_details_required': {
    status: 400,
    ja: '特定個人情報取扱担当者には役割と取り扱う特定個人情報等の範囲の指定が必要です（規則第7条の2）。',
    en: 'A My Number handler needs a role and a range of information (art. 7-2).',
  },
  'appointment.invalid_period': {
    status: 400,
    ja: '任期の終了日は開始日以降にしてください。',
    en: 'The end date must be on or after the start date.',
  },
  'appointment.last_administrator': {
    status: 409,
    ja: '最後のシステム管理者の任命は終了できません。先に別のシステム管理者を任命してください。',
    en: 'The last system administrator cannot be ended. Appoint another one first.',
  },
  'appointment.already_ended': {
    status: 409,
    ja: 'この任命は既に終了しています。',
    en: 'This appointment has already ended.',
  },

  'demo.organisation_not_empty': {
    status: 409,
    ja: '組織のデータが既にあるため、デモ組織を読み込めません。空のデータベースで実行してください。',
    en: 'The organisation already has data; load the demo into an empty database.',
  },
  'import.invalid_file': {
    status: 400,
    ja: 'ファイルを読み取れませんでした。CSV形式（UTF-8またはShift_JIS）で保存してください。',
    en: 'The file could not be read. Save it as CSV (UTF-8 or Shift_JIS).',
  },
  'import.missing_columns': {
    status: 400,
    ja: '必要な列がありません。テンプレートの見出し行を使用してください。',
    en: 'Required columns are missing. Use the template header row.',
  },
  'import.rows_invalid': {
    status: 422,
    ja: '誤りのある行があるため、取り込みを行いませんでした。行ごとの内容を確認して修正してください。',
    en: 'Some rows have errors, so nothing was imported. Fix the rows listed.',
  },
  'import.preview_expired': {
    status: 409,
    ja: 'プレビューの有効期限が切れたか、内容が変更されました。もう一度ファイルを選択してください。',
    en: 'The preview expired or changed. Select the file again.',
  },
} as const satisfies Record<string, ErrorSpec>;

/** Every module's errors in one table (each area keeps its own file: shared/errors-*.ts). */
export const ERRORS = {
  ...BASE_ERRORS,
  ...PASSWORD_ERRORS,
  ...MFA_ERRORS,
  ...SSO_ERRORS,
  ...TERMINALS_ERRORS,
  ...LOGS_ERRORS,
  ...LOG_ANALYSIS_ERRORS,
  ...REGISTER_ERRORS,
  ...VAULT_ERRORS,
  ...APPROVAL_ERRORS,
  ...HANDLING_ERRORS,
  ...INCIDENTS_ERRORS,
  ...PROVISION_ERRORS,
  ...TRAINING_ERRORS,
  ...AUDITS_ERRORS,
  ...OVERSIGHT_ERRORS,
  ...COMPLIANCE_ERRORS,
  ...FACILITY_DEVICES_ERRORS,
  ...FACILITY_SYSTEMS_ERRORS,
  ...FACILITY_ROOMS_ERRORS,
  ...FACILITY_BACKUPS_ERRORS,
  ...REQUESTS_ERRORS,
  ...REQUESTS_SEARCH_ERRORS,
  ...REQUESTS_DECISION_ERRORS,
  ...REQUESTS_HISTORY_ERRORS,
  ...REQUESTS_REMEDIES_ERRORS,
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof ERRORS;
