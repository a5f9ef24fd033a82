/**
 * Why a typed value was refused, as stable codes with the message shown beside the input (A26: an
 * entry is checked against its source when it is typed). Codes never change once released; the
 * messages may.
 */
export const VALUE_CODES = [
  'required',
  'invalid_type',
  'too_long',
  'single_line',
  'invalid_characters',
  'kana_only',
  'invalid_date',
  'era_out_of_range',
  'not_a_number',
  'out_of_range',
  'not_a_choice',
  'invalid_postal_code',
  'invalid_phone',
  'invalid_mail',
  'my_number_digits',
  'my_number_check_digit',
  // Rows of an import (issue 6): the record's key seen on an earlier line, or already in the vault.
  'duplicate_in_file',
  'duplicate_existing',
] as const;
export type ValueCode = (typeof VALUE_CODES)[number];

/** What a parser gives back: the value as stored, or the reason it was refused. */
export type ValueResult<T> = { ok: true; value: T } | { ok: false; code: ValueCode };

export const ok = <T>(value: T): ValueResult<T> => ({ ok: true, value });
export const fail = <T = never>(code: ValueCode): ValueResult<T> => ({ ok: false, code });

export const VALUE_MESSAGES: Record<ValueCode, { ja: string; en: string }> = {
  required: { ja: '入力してください。', en: 'Enter a value.' },
  invalid_type: {
    ja: 'この項目には入力できない形式です。',
    en: 'This kind of value cannot be entered here.',
  },
  too_long: { ja: '文字数が上限を超えています。', en: 'The value is too long.' },
  single_line: { ja: '改行は入力できません（1行で入力してください）。', en: 'Enter the value on one line.' },
  invalid_characters: {
    ja: '入力できない文字が含まれています。',
    en: 'The value contains characters that cannot be stored.',
  },
  kana_only: {
    ja: 'カタカナまたはひらがなで入力してください。',
    en: 'Enter the reading in katakana or hiragana.',
  },
  invalid_date: {
    ja: '日付を読み取れません（例: 2026-11-29、令和8年11月29日、R8.11.29）。',
    en: 'The date cannot be read (e.g. 2026-11-29, 令和8年11月29日, R8.11.29).',
  },
  era_out_of_range: {
    ja: 'その元号の期間外の日付です（例: 令和は2019年5月1日から）。',
    en: 'The date lies outside its era (令和 began on 1 May 2019).',
  },
  not_a_number: { ja: '数値で入力してください。', en: 'Enter a number.' },
  out_of_range: { ja: '扱える範囲を超える数値です。', en: 'The number is too large.' },
  not_a_choice: { ja: '選択肢の中から選んでください。', en: 'Choose one of the options.' },
  invalid_postal_code: { ja: '郵便番号は7桁の数字で入力してください。', en: 'Enter a 7-digit postal code.' },
  invalid_phone: {
    ja: '電話番号は0から始まる10桁または11桁で入力してください。',
    en: 'Enter a Japanese phone number of 10 or 11 digits starting with 0 (or +81).',
  },
  invalid_mail: { ja: 'メールアドレスの形式が正しくありません。', en: 'The mail address is not valid.' },
  my_number_digits: { ja: '個人番号は12桁の数字で入力してください。', en: 'A My Number has 12 digits.' },
  my_number_check_digit: {
    ja: '個人番号の検査用数字が一致しません。入力を確認してください。',
    en: 'The check digit of the My Number does not match; check what was typed.',
  },
  duplicate_in_file: {
    ja: '同じ値の行がこのファイルの前の行にもあります。どちらか一方にしてください。',
    en: 'An earlier row of this file has the same value; keep only one of them.',
  },
  duplicate_existing: {
    ja: '同じ値の記録が既に登録されています。',
    en: 'A record with this value already exists.',
  },
};
