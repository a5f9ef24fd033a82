import type { ErrorSpec } from './errors.ts';

/** Errors of password (issue 3, A21-2). Codes never change once released. */
export const PASSWORD_ERRORS = {
  'password.rejected': {
    status: 422,
    ja: 'このパスワードはパスワードポリシーを満たしていません。表示された項目を確認してください。',
    en: 'The password does not meet the password policy. See the rules listed.',
  },
  'password.current_wrong': {
    // Not 401: the session is valid; the form shows the message next to the field.
    status: 400,
    ja: '現在のパスワードが正しくありません。',
    en: 'The current password is incorrect.',
  },
  'auth.slow_down': {
    status: 429,
    ja: 'ログインの失敗が続いたため、しばらく待ってから再度お試しください。',
    en: 'Several sign-ins failed. Wait a moment before trying again.',
  },
  'auth.password_change_required': {
    status: 403,
    ja: 'パスワードの変更が必要です。パスワードを変更してから操作してください。',
    en: 'You must change your password before continuing.',
  },
} as const satisfies Record<string, ErrorSpec>;

/** Why a password was refused: one code per rule (the 422 answer lists them in `errors`). */
export const PASSWORD_RULE_MESSAGES = {
  too_short: { ja: 'パスワードが短すぎます。', en: 'The password is too short.' },
  too_long: { ja: 'パスワードが長すぎます。', en: 'The password is too long.' },
  common: {
    ja: 'よく使われるパスワードのため使用できません。',
    en: 'The password is too common.',
  },
  context: {
    ja: '職員番号・氏名・組織名など推測されやすい語句を含んでいます。',
    en: 'The password contains an easily guessed word (employee number, name, organisation).',
  },
  repeated: { ja: '同じ文字の繰り返しは使用できません。', en: 'A single repeated character is not allowed.' },
  classes: {
    ja: '必要な種類の文字（英小文字・英大文字・数字・記号）が含まれていません。',
    en: 'The password lacks the required kinds of characters.',
  },
  reused: {
    ja: '最近使用したパスワードは再使用できません。',
    en: 'A recently used password cannot be reused.',
  },
} as const;
export type PasswordRule = keyof typeof PASSWORD_RULE_MESSAGES;
