import type { FieldType, SearchMode } from './field-types.ts';

/**
 * What the name of a 記録項目 suggests about its field. The rules are tried in order on the name read
 * through NFKC with its parenthesised notes removed (異動（休学・退学・転科）年月日 → 異動年月日); the
 * first that matches wins. They guess; the staff confirm or correct the schema before records exist.
 */
export const DERIVE_WARNING_CODES = [
  /** No rule matched: a one-line text. */
  'default_text',
  /** The item names several things (保証人氏名・住所・続柄): one text field, not split. */
  'combined_item',
  /** Looks like a choice (性別, 区分): a text until the staff enter its choices. */
  'choice_needs_choices',
  /** Might be a number (成績): a text, so that 優勝 or 3位 can still be entered. */
  'maybe_number',
  /** 連絡先 may be a phone number, an address or a mail address: a text. */
  'maybe_phone',
  /** A date with a time (日時): a text, so that the time is not lost. */
  'datetime_as_text',
  /** 個人番号 in a file the register does not mark as holding My Numbers (A20-5): a text. */
  'my_number_not_registered',
  /** The register marks the file 要配慮 but the item's name does not say whether it is (A25). */
  'check_sensitivity',
  /** The item looks 要配慮 but the register does not mark the file so: encrypted as 要配慮 (A25). */
  'sensitive_not_in_register',
] as const;
export type DeriveWarningCode = (typeof DERIVE_WARNING_CODES)[number];

export type RuleId =
  | 'my_number'
  | 'my_number_unregistered'
  | 'phone'
  | 'mail'
  | 'kana'
  | 'name'
  | 'address'
  | 'datetime'
  | 'date'
  | 'identifier'
  | 'number'
  | 'result'
  | 'contact'
  | 'choice'
  | 'note'
  | 'combined'
  | 'default';

export interface Guess {
  rule: RuleId;
  type: FieldType;
  searchable: SearchMode;
  warnings: DeriveWarningCode[];
}

const guess = (rule: RuleId, type: FieldType, extra: Partial<Omit<Guess, 'rule' | 'type'>> = {}): Guess => ({
  rule,
  type,
  searchable: extra.searchable ?? 'none',
  warnings: extra.warnings ?? [],
});

const RULES: { test: RegExp; guess: (myNumber: boolean) => Guess }[] = [
  {
    test: /個人番号|マイナンバー/,
    guess: (myNumber) =>
      myNumber
        ? guess('my_number', 'my_number')
        : guess('my_number_unregistered', 'text', { warnings: ['my_number_not_registered'] }),
  },
  { test: /電話|携帯|TEL|FAX/i, guess: () => guess('phone', 'phone') },
  { test: /メール|e-?mail/i, guess: () => guess('mail', 'mail') },
  {
    test: /フリガナ|ふりがな|カナ|よみがな|ヨミ|読み/,
    guess: () => guess('kana', 'kana', { searchable: 'exact' }),
  },
  { test: /氏名|名前|姓名/, guess: () => guess('name', 'text', { searchable: 'exact' }) },
  { test: /住所|所在地|居所/, guess: () => guess('address', 'postal_address') },
  { test: /日時/, guess: () => guess('datetime', 'text', { warnings: ['datetime_as_text'] }) },
  { test: /年月日|日付|誕生日|日$/, guess: () => guess('date', 'date') },
  {
    test: /番号|コード|ID$|^ID|アカウント/i,
    guess: () => guess('identifier', 'text', { searchable: 'exact' }),
  },
  {
    test: /金額|額$|点数|得点|評点|GPA|年齢|部数|所得|俸給|人数|回数|日数|件数/i,
    guess: () => guess('number', 'number'),
  },
  { test: /成績$/, guess: () => guess('result', 'text', { warnings: ['maybe_number'] }) },
  { test: /連絡先/, guess: () => guess('contact', 'text', { warnings: ['maybe_phone'] }) },
  {
    test: /性別|区分|種別|合否/,
    guess: () => guess('choice', 'text', { warnings: ['choice_needs_choices'] }),
  },
  { test: /備考|メモ|内容|記録|所見|履歴|経過|理由|ログ|状況|対応|措置/, guess: () => guess('note', 'note') },
];

/**
 * 要配慮個人情報 (法第2条第3項, 令第2条): health, illness, disability, crime, creed, race. Narrow on
 * purpose: 学力検査 is not a health check, 総合所見 not a doctor's finding.
 */
export const SENSITIVE =
  /病|障害|障がい|診断|診療|健康|健診|検診|既往|心電図|X線|視力|聴力|身長|体重|アレルギー|相談内容|配慮|服薬|治療|通院|尿検査|血液|事後措置|犯罪|前科|信条|宗教|人種|門地/i;

/** The name the rules read: NFKC, without （…） notes and spaces. */
export const ruleName = (item: string): string =>
  item
    .normalize('NFKC')
    .replace(/\([^)]*\)/g, '')
    .replace(/\s+/g, '');

/** The first rule that matches the name, or a default text. */
export function guessFor(name: string, myNumber: boolean): Guess {
  const rule = RULES.find((r) => r.test.test(name));
  return rule ? rule.guess(myNumber) : guess('default', 'text', { warnings: ['default_text'] });
}

/** The parts of a combined item (保証人氏名・住所・続柄 → 保証人氏名, 住所, 続柄), or just the name. */
export const parts = (name: string): string[] => name.split(/[・/、,]/).filter((p) => p !== '');

/** Stable keys for items that are exactly a well-known name; others get f01, f02… by position. */
export const KNOWN_KEYS: ReadonlyMap<string, { key: string; rule: RuleId }> = new Map([
  ['学生番号', { key: 'student_number', rule: 'identifier' }],
  ['職員番号', { key: 'staff_number', rule: 'identifier' }],
  ['受験番号', { key: 'applicant_number', rule: 'identifier' }],
  ['氏名', { key: 'name', rule: 'name' }],
  ['名前', { key: 'name', rule: 'name' }],
  ['フリガナ', { key: 'name_kana', rule: 'kana' }],
  ['ふりがな', { key: 'name_kana', rule: 'kana' }],
  ['生年月日', { key: 'birth_date', rule: 'date' }],
  ['住所', { key: 'address', rule: 'address' }],
  ['現住所', { key: 'address', rule: 'address' }],
  ['電話番号', { key: 'phone', rule: 'phone' }],
  ['メールアドレス', { key: 'mail', rule: 'mail' }],
  ['個人番号', { key: 'my_number', rule: 'my_number' }],
  ['マイナンバー', { key: 'my_number', rule: 'my_number' }],
]);

/** What the staff read beside each warning when they review the derived schema. */
export const DERIVE_WARNING_MESSAGES: Record<DeriveWarningCode, { ja: string; en: string }> = {
  default_text: {
    ja: '項目名から種類を判断できなかったため、1行のテキストにしました。',
    en: 'The kind could not be told from the name: a one-line text.',
  },
  combined_item: {
    ja: '複数の内容をまとめた項目のため、1つのテキストにしました。必要なら分けてください。',
    en: 'The item names several things: one text field. Split it if needed.',
  },
  choice_needs_choices: {
    ja: '選択肢のある項目と思われます。選択肢を登録するまではテキストです。',
    en: 'Looks like a choice: a text until its choices are entered.',
  },
  maybe_number: {
    ja: '数値の項目かもしれません（「優勝」などの記録もあるためテキストにしました）。',
    en: 'May be a number; a text so that results such as 優勝 fit.',
  },
  maybe_phone: {
    ja: '連絡先が電話番号・住所・メールのいずれか判断できないため、テキストにしました。',
    en: 'The contact may be a phone number, an address or a mail address: a text.',
  },
  datetime_as_text: {
    ja: '日時の項目です。時刻を失わないようテキストにしました。',
    en: 'A date with a time: a text, so that the time is kept.',
  },
  my_number_not_registered: {
    ja: 'ファイル簿で特定個人情報ファイルとされていないため、個人番号の項目にできません（第20条第5項）。',
    en: 'The register does not mark this file as holding My Numbers (A20-5): not a My Number field.',
  },
  check_sensitivity: {
    ja: '要配慮個人情報を含むファイルです。この項目が要配慮個人情報に当たるか確認してください（第25条）。',
    en: 'The file holds sensitive information; check whether this item does (A25).',
  },
  sensitive_not_in_register: {
    ja: '要配慮個人情報と思われるため要配慮として暗号化します。ファイル簿の「要配慮個人情報」欄を確認してください。',
    en: 'Looks sensitive, so it is encrypted as such; check the register entry’s 要配慮 column.',
  },
};
