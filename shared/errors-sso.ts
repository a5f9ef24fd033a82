import type { ErrorSpec } from './errors.ts';

/**
 * Errors of single sign-on (issue 3, A21). Codes never change once released. The sign-in flow sends
 * the browser back to /login?sso_error=<code> with one of the `sso.*` codes below; none of them says
 * who tried to sign in.
 */
export const SSO_ERRORS = {
  'sso.provider_not_found': {
    status: 404,
    ja: 'シングルサインオンの設定が見つかりません。',
    en: 'The single sign-on provider was not found.',
  },
  'sso.provider_disabled': {
    status: 404,
    ja: 'このシングルサインオンは現在利用できません。',
    en: 'This single sign-on provider is not available.',
  },
  'sso.invalid_config': {
    status: 400,
    ja: 'シングルサインオンの設定に誤りがあります。各項目を確認してください。',
    en: 'The single sign-on settings are not valid. Check each field.',
  },
  'sso.not_matched': {
    status: 403,
    ja: '認証基盤で確認されたアカウントに対応する、この学校等の在職中の職員が見つかりません。管理者に連絡してください。',
    en: 'No active staff member of this unit matches the account confirmed by the identity provider. Contact the administrator.',
  },
  'sso.expired': {
    status: 400,
    ja: 'シングルサインオンの手続の有効期限が切れました。もう一度ログインしてください。',
    en: 'The single sign-on attempt expired. Sign in again.',
  },
  'sso.rejected': {
    status: 400,
    ja: '認証基盤からの応答を確認できませんでした。もう一度ログインしてください。',
    en: 'The answer of the identity provider could not be verified. Sign in again.',
  },
  'sso.idp_error': {
    status: 400,
    ja: '認証基盤でログインが完了しませんでした。',
    en: 'The sign-in was not completed at the identity provider.',
  },
  'sso.unavailable': {
    status: 502,
    ja: '認証基盤に接続できませんでした。しばらくしてから再度お試しください。',
    en: 'The identity provider could not be reached. Try again later.',
  },
} as const satisfies Record<string, ErrorSpec>;

/** The codes the sign-in flow may put in /login?sso_error=… (the login page shows their message). */
export const SSO_FLOW_ERRORS = [
  'sso.provider_not_found',
  'sso.provider_disabled',
  'sso.not_matched',
  'sso.expired',
  'sso.rejected',
  'sso.idp_error',
  'sso.unavailable',
] as const;
export type SsoFlowError = (typeof SSO_FLOW_ERRORS)[number];
