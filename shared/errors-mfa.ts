import type { ErrorSpec } from './errors.ts';

/** Errors of mfa (issue 3, A21: the second factor). Codes never change once released. */
export const MFA_ERRORS = {
  'mfa.challenge_missing': {
    status: 401,
    ja: 'ログインの手続きが見つからないか、期限が切れました。最初からログインし直してください。',
    en: 'The sign-in has expired or was not found. Sign in again from the start.',
  },
  'mfa.invalid_code': {
    status: 400,
    ja: '確認コードが正しくないか、すでに使われています。新しいコードを入力してください。',
    en: 'The code is wrong or has already been used. Enter a new code.',
  },
  'mfa.too_many_attempts': {
    status: 401,
    ja: '確認コードの誤りが続いたため、このログインは中止されました。最初からログインし直してください。',
    en: 'Too many wrong codes: this sign-in was cancelled. Sign in again from the start.',
  },
  'mfa.enrolment_required': {
    status: 403,
    ja: 'この職務では二要素認証が必須です。先に認証アプリまたはセキュリティキーを登録してください。',
    en: 'Your role requires a second factor. Register an authenticator app or a security key first.',
  },
  'mfa.not_enrolled': {
    status: 409,
    ja: 'この方法はまだ登録されていません。',
    en: 'This method is not registered yet.',
  },
  'mfa.already_enrolled': {
    status: 409,
    ja: '認証アプリはすでに登録されています。登録し直す場合は、先に削除してください。',
    en: 'An authenticator app is already registered. Remove it first to register it again.',
  },
  'mfa.last_factor': {
    status: 409,
    ja: 'この職務では二要素認証が必須のため、最後の認証方法は削除できません。先に別の方法を登録してください。',
    en: 'Your role requires a second factor: the last method cannot be removed. Register another one first.',
  },
  'mfa.factor_not_found': {
    status: 404,
    ja: '指定された認証方法は見つかりません。',
    en: 'The sign-in method was not found.',
  },
  'mfa.webauthn_failed': {
    status: 400,
    ja: 'セキュリティキーを確認できませんでした。もう一度お試しください。',
    en: 'The security key could not be verified. Try again.',
  },
  'mfa.webauthn_origin': {
    status: 400,
    ja: 'このアドレスではセキュリティキーを使えません。管理者に連絡してください。',
    en: 'Security keys cannot be used at this address. Contact the administrator.',
  },
} as const satisfies Record<string, ErrorSpec>;
