import { z } from 'zod';
import { kana } from '../api/fields.ts';
import { normaliseKana } from '../kana.ts';
import { parseDate } from './era-dates.ts';
import { MAX_LENGTH, type FieldDefinition, type FieldType } from './field-types.ts';
import { parseMyNumber } from './my-number.ts';
import { fail, ok, type ValueResult } from './value-codes.ts';

export { parseDate } from './era-dates.ts';
export { parseMyNumber } from './my-number.ts';

/**
 * Values of record fields as an office worker types them, read into what the vault stores (A26: an
 * entry is checked when it is typed, so the source and the record agree). Full-width digits, hyphens
 * and ＠ are read through NFKC. Names and other free text are kept as typed (only trimmed): NFKC
 * would also rewrite compatibility ideographs, and a person's characters are theirs.
 */
export interface PostalAddress {
  /** Seven digits with the hyphen: '192-8610'. */
  postalCode: string;
  address: string;
}

export type FieldValue = string | number | PostalAddress;
export type ValueOf<T extends FieldType> = T extends 'number'
  ? number
  : T extends 'postal_address'
    ? PostalAddress
    : string;

const ADDRESS_MAX = 200;
const KANA_MAX = 100;
/** Dashes typed between digits: hyphen, minus, dashes, the long vowel mark ー (IME), full-width. */
const DASHES = /[-‐‑‒–—―−ー]/g;
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const MAIL = z.email().max(254);

const length = (s: string) => Array.from(s).length;

/** One line of text, trimmed; line breaks and control characters refused. */
export function parseText(input: string, maxLength: number = MAX_LENGTH.text.default): ValueResult<string> {
  const s = input.trim();
  if (s === '') return fail('required');
  if (/[\r\n]/.test(s)) return fail('single_line');
  if (CONTROL.test(s) || s.includes('\t')) return fail('invalid_characters');
  return length(s) > maxLength ? fail('too_long') : ok(s);
}

/** Free text over several lines (CRLF read as LF), trimmed. */
export function parseNote(input: string, maxLength: number = MAX_LENGTH.note.default): ValueResult<string> {
  const s = input.replace(/\r\n?/g, '\n').trim();
  if (s === '') return fail('required');
  if (CONTROL.test(s)) return fail('invalid_characters');
  return length(s) > maxLength ? fail('too_long') : ok(s);
}

/** A reading stored in full-width katakana: hiragana and half-width kana converted, spaces made one. */
export function parseKana(input: string): ValueResult<string> {
  const s = normaliseKana(input).replace(/\s+/g, ' ');
  if (s === '') return fail('required');
  if (length(s) > KANA_MAX) return fail('too_long');
  const read = kana.safeParse(s);
  return read.success ? ok(read.data) : fail('kana_only');
}

/** An integer or decimal ('1,234', '－12.5', '１２３'), stored as a number. */
export function parseNumber(input: string | number): ValueResult<number> {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return fail('not_a_number');
    return Math.abs(input) > Number.MAX_SAFE_INTEGER ? fail('out_of_range') : ok(input + 0);
  }
  const s = input.normalize('NFKC').trim().replace(DASHES, '-');
  if (s === '') return fail('required');
  if (!/^[+-]?(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?$/.test(s)) return fail('not_a_number');
  return parseNumber(Number(s.replace(/,/g, '')));
}

/** One of the field's choices, matched as typed or after NFKC (half-width kana, full-width digits). */
export function parseChoice(input: string, choices: readonly string[]): ValueResult<string> {
  const s = input.trim();
  if (s === '') return fail('required');
  const wide = s.normalize('NFKC');
  const match = choices.find((c) => c === s) ?? choices.find((c) => c.normalize('NFKC') === wide);
  return match === undefined ? fail('not_a_choice') : ok(match);
}

/** '〒１９２－８６１０', '1928610' → '192-8610'. */
function postalCode(input: string): string | null {
  const digits = input
    .normalize('NFKC')
    .replace(/^\s*〒/, '')
    .replace(DASHES, '')
    .replace(/\s+/g, '');
  return /^\d{7}$/.test(digits) ? `${digits.slice(0, 3)}-${digits.slice(3)}` : null;
}

/**
 * A postal code and an address, given apart or as one line ('〒192-8610 東京都八王子市…'). The
 * address is read through NFKC (its digits become ascii) with its spaces made one.
 */
export function parsePostalAddress(input: string | Partial<PostalAddress>): ValueResult<PostalAddress> {
  let codeText: string;
  let addressText: string;
  if (typeof input === 'string') {
    const m = /^\s*〒?\s*([0-9０-９]{3}\s*[-‐‑‒–—―−ー－]?\s*[0-9０-９]{4})(?![0-9０-９])(.*)$/su.exec(input);
    if (!m) return input.trim() === '' ? fail('required') : fail('invalid_postal_code');
    [codeText, addressText] = [m[1] ?? '', m[2] ?? ''];
  } else {
    [codeText, addressText] = [input.postalCode ?? '', input.address ?? ''];
  }
  if (codeText.trim() === '' && addressText.trim() === '') return fail('required');
  const code = postalCode(codeText);
  if (!code) return fail('invalid_postal_code');
  const address = addressText.normalize('NFKC').replace(/\s+/g, ' ').trim();
  if (address === '') return fail('required');
  if (CONTROL.test(address)) return fail('invalid_characters');
  return length(address) > ADDRESS_MAX ? fail('too_long') : ok({ postalCode: code, address });
}

/**
 * A Japanese phone number, stored as its digits: 10 digits (fixed lines, 0120, 0570) or 11 digits
 * (070/080/090 mobiles, 050 IP, 020, 0800); '+81' is read as the leading 0 ('+81 (0)3…' too).
 */
export function parsePhone(input: string): ValueResult<string> {
  let s = input
    .normalize('NFKC')
    .replace(/[\s().]/g, '')
    .replace(DASHES, '');
  if (s === '') return fail('required');
  if (s.startsWith('+81')) s = '0' + s.slice(3).replace(/^0/, '');
  const valid = /^0[1-9]\d{8}$/.test(s) || /^0[25789]0\d{8}$/.test(s);
  return valid ? ok(s) : fail('invalid_phone');
}

/** A mail address (NFKC, so '＠' is read as '@'), its domain in lower case. */
export function parseMail(input: string): ValueResult<string> {
  const s = input.normalize('NFKC').trim();
  if (s === '') return fail('required');
  if (!MAIL.safeParse(s).success) return fail('invalid_mail');
  const at = s.lastIndexOf('@');
  return ok(s.slice(0, at) + s.slice(at).toLowerCase());
}

/** Reads the input of a string-valued field, refusing what is not a string. */
const onString =
  (read: (s: string) => ValueResult<FieldValue>) =>
  (input: unknown): ValueResult<FieldValue> =>
    typeof input === 'string' ? read(input) : fail('invalid_type');

const isAddressObject = (v: unknown): v is Partial<PostalAddress> =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  ['postalCode', 'address'].every((k) => {
    const x = (v as Record<string, unknown>)[k];
    return x === undefined || typeof x === 'string';
  });

const blankText = (v: unknown): boolean =>
  v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** Nothing typed: no value, an empty string, or (for an address) neither a postal code nor an address. */
const isBlank = (type: FieldType, input: unknown): boolean =>
  blankText(input) ||
  (type === 'postal_address' &&
    isAddressObject(input) &&
    blankText(input.postalCode) &&
    blankText(input.address));

/**
 * The value of one field of a record as it is stored, or why it was refused. An empty input is null
 * for an optional field and 'required' for a required one.
 */
export function parseFieldValue(def: FieldDefinition, input: unknown): ValueResult<FieldValue | null> {
  if (isBlank(def.type, input)) return def.required ? fail('required') : ok(null);
  switch (def.type) {
    case 'text':
      return onString((s) => parseText(s, def.maxLength))(input);
    case 'note':
      return onString((s) => parseNote(s, def.maxLength))(input);
    case 'kana':
      return onString(parseKana)(input);
    case 'date':
      return onString(parseDate)(input);
    case 'number':
      return typeof input === 'string' || typeof input === 'number'
        ? parseNumber(input)
        : fail('invalid_type');
    case 'choice':
      return onString((s) => parseChoice(s, def.choices ?? []))(input);
    case 'postal_address':
      return typeof input === 'string' || isAddressObject(input)
        ? parsePostalAddress(input)
        : fail('invalid_type');
    case 'phone':
      return onString(parsePhone)(input);
    case 'mail':
      return onString(parseMail)(input);
    case 'my_number':
      return onString(parseMyNumber)(input);
  }
}
