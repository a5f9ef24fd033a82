import { fail, ok, type ValueResult } from './value-codes.ts';

/**
 * 個人番号 (My Number): eleven digits and a check digit (番号法第2条第5項). The check digit follows
 * 行政手続における特定の個人を識別するための番号の利用等に関する法律施行令 第8条:
 * P_n is the n-th digit of the eleven counted from the right (n = 1…11), Q_n = n + 1 for n ≤ 6 and
 * n − 5 for n ≥ 7; with r = (Σ P_n × Q_n) mod 11 the check digit is 0 when r ≤ 1, else 11 − r.
 *
 * Because r = 0 and r = 1 both give 0, the digit does not catch every single-digit error: when the
 * check digit is 0, a change that moves r between 0 and 1 goes unnoticed (see my-number.test.ts).
 */
const ELEVEN = /^\d{11}$/;
const TWELVE = /^\d{12}$/;

/** Q_n for n = 1…11 (施行令第8条). */
const weight = (n: number) => (n <= 6 ? n + 1 : n - 5);

/** The remainder r of the first eleven digits; throws RangeError unless they are 11 ascii digits. */
export function myNumberRemainder(first11: string): number {
  if (!ELEVEN.test(first11)) throw new RangeError('a My Number check digit needs exactly 11 digits');
  let sum = 0;
  for (let n = 1; n <= 11; n += 1) sum += Number(first11[11 - n]) * weight(n);
  return sum % 11;
}

/** The check digit (0–9) of the first eleven digits; throws RangeError unless they are 11 ascii digits. */
export function myNumberCheckDigit(first11: string): number {
  const r = myNumberRemainder(first11);
  return r <= 1 ? 0 : 11 - r;
}

/** True for exactly 12 ascii digits whose last is the check digit of the first eleven (no spaces). */
export function isValidMyNumber(s: string): boolean {
  return TWELVE.test(s) && myNumberCheckDigit(s.slice(0, 11)) === Number(s[11]);
}

/** Spaces and every dash an office keyboard produces (hyphen, minus, long vowel mark, full-width). */
const SEPARATORS = /[\s\-‐‑‒–—―−ー]/g;

/**
 * Reads a My Number as typed ('1234 5678 9018', '１２３４－５６７８－９０１８') into its 12 digits.
 * Refuses with 'my_number_digits' anything but 12 digits and 'my_number_check_digit' a wrong digit.
 */
export function parseMyNumber(input: string): ValueResult<string> {
  const digits = input.normalize('NFKC').replace(SEPARATORS, '');
  if (digits === '') return fail('required');
  if (!TWELVE.test(digits)) return fail('my_number_digits');
  return isValidMyNumber(digits) ? ok(digits) : fail('my_number_check_digit');
}
