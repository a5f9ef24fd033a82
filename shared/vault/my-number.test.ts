import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isValidMyNumber, myNumberCheckDigit, myNumberRemainder, parseMyNumber } from './my-number.ts';
import { maskValue, MY_NUMBER_MASK } from './field-display.ts';

// 施行令第8条: P_n = n-th digit from the right of the first eleven, Q_n = n + 1 (n ≤ 6) or n − 5 (n ≥ 7).
const Q = [2, 3, 4, 5, 6, 7, 2, 3, 4, 5, 6];
const eleven = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 11, maxLength: 11 })
  .map((d) => d.join(''));

/** Every number that differs from `s` in exactly one digit. */
function singleDigitChanges(s: string): { at: number; changed: string }[] {
  const out: { at: number; changed: string }[] = [];
  for (let at = 0; at < s.length; at += 1)
    for (let d = 0; d <= 9; d += 1)
      if (String(d) !== s[at]) out.push({ at, changed: s.slice(0, at) + d + s.slice(at + 1) });
  return out;
}

describe('個人番号の検査用数字 (番号法施行令第8条)', () => {
  it('worked example: 12345678901 has check digit 8', () => {
    // From the right: P1..P11 = 1,0,9,8,7,6,5,4,3,2,1 and Q1..Q11 = 2,3,4,5,6,7,2,3,4,5,6:
    // 1×2 + 0×3 + 9×4 + 8×5 + 7×6 + 6×7 + 5×2 + 4×3 + 3×4 + 2×5 + 1×6
    //   = 2 + 0 + 36 + 40 + 42 + 42 + 10 + 12 + 12 + 10 + 6 = 212; 212 = 11×19 + 3, so r = 3 and
    // the check digit is 11 − 3 = 8: 123456789018.
    expect(myNumberRemainder('12345678901')).toBe(3);
    expect(myNumberCheckDigit('12345678901')).toBe(8);
    expect(isValidMyNumber('123456789018')).toBe(true);
    expect(isValidMyNumber('123456789017')).toBe(false);
  });

  it('worked example: a remainder of 1 gives check digit 0 (27182818284 → 271828182840)', () => {
    // 4×2 + 8×3 + 2×4 + 8×5 + 1×6 + 8×7 + 2×2 + 8×3 + 1×4 + 7×5 + 2×6
    //   = 8 + 24 + 8 + 40 + 6 + 56 + 4 + 24 + 4 + 35 + 12 = 221 = 11×20 + 1: r = 1 ≤ 1, digit 0.
    expect(myNumberRemainder('27182818284')).toBe(1);
    expect(myNumberCheckDigit('27182818284')).toBe(0);
    expect(isValidMyNumber('271828182840')).toBe(true);
  });

  it('more fictional examples', () => {
    // 98765432109: 9×2 + 0×3 + 1×4 + 2×5 + 3×6 + 4×7 + 5×2 + 6×3 + 7×4 + 8×5 + 9×6 = 228 = 11×20 + 8 → 3.
    expect(myNumberCheckDigit('98765432109')).toBe(3);
    // 00000000000: sum 0, r = 0 → 0.
    expect(myNumberCheckDigit('00000000000')).toBe(0);
    // 11111111111: Σ Q = 47 = 11×4 + 3 → 8.
    expect(myNumberCheckDigit('11111111111')).toBe(8);
  });

  it('matches the formula written out independently of the implementation', () => {
    fc.assert(
      fc.property(eleven, (s) => {
        const sum = Q.reduce((acc, q, i) => acc + q * Number(s[10 - i]), 0);
        const r = sum % 11;
        expect(myNumberCheckDigit(s)).toBe(r <= 1 ? 0 : 11 - r);
      }),
    );
  });

  it('any eleven digits with their check digit appended make a valid number', () => {
    fc.assert(fc.property(eleven, (s) => isValidMyNumber(s + myNumberCheckDigit(s))));
  });

  it('a wrong check digit is always caught', () => {
    fc.assert(
      fc.property(eleven, fc.integer({ min: 1, max: 9 }), (s, shift) => {
        const wrong = (myNumberCheckDigit(s) + shift) % 10;
        expect(isValidMyNumber(s + wrong)).toBe(false);
      }),
    );
  });

  // The claim "every single-digit error is detected" does NOT hold: r = 0 and r = 1 share digit 0.
  it('does not catch every single-digit error: 271828182840 and 071828182840 are both valid', () => {
    // Changing the leading 2 (P11, Q11 = 6) to 0 lowers the sum by 12: 221 → 209 = 11×19, r = 0 → 0.
    expect(isValidMyNumber('271828182840')).toBe(true);
    expect(isValidMyNumber('071828182840')).toBe(true);
  });

  it('catches a single-digit error exactly unless both remainders are 0 or 1', () => {
    fc.assert(
      fc.property(eleven, (s) => {
        const valid = s + myNumberCheckDigit(s);
        for (const { at, changed } of singleDigitChanges(valid)) {
          const undetected =
            at < 11 && myNumberRemainder(s) <= 1 && myNumberRemainder(changed.slice(0, 11)) <= 1;
          expect(isValidMyNumber(changed)).toBe(undetected);
        }
        // So a number whose check digit is not 0 catches every single-digit error.
        if (myNumberCheckDigit(s) !== 0)
          expect(singleDigitChanges(valid).every(({ changed }) => !isValidMyNumber(changed))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('proof over all remainders: a change moves r, and only 0 ↔ 1 keeps the check digit', () => {
    // The check digit depends only on r; a digit change by δ (±1…±9) at weight q moves r by q·δ mod 11,
    // never 0 mod 11 since 11 is prime and 2 ≤ q ≤ 7. Enumerating r, q and δ covers every number.
    const digit = (r: number) => (r <= 1 ? 0 : 11 - r);
    for (let r = 0; r < 11; r += 1)
      for (const q of new Set(Q))
        for (let delta = -9; delta <= 9; delta += 1) {
          if (delta === 0) continue;
          const moved = (((r + q * delta) % 11) + 11) % 11;
          expect(moved).not.toBe(r);
          expect(digit(moved) === digit(r)).toBe(r <= 1 && moved <= 1);
        }
  });

  it('refuses what is not exactly eleven ascii digits', () => {
    for (const bad of ['1234567890', '123456789012', '1234567890a', '１２３４５６７８９０１', ''])
      expect(() => myNumberCheckDigit(bad)).toThrow(RangeError);
    for (const bad of ['1234 5678 9018', '１２３４５６７８９０１８', '12345678901', '1234567890188'])
      expect(isValidMyNumber(bad)).toBe(false);
  });
});

describe('個人番号 as typed', () => {
  it.each([
    ['123456789018', '123456789018'],
    ['1234 5678 9018', '123456789018'],
    ['1234-5678-9018', '123456789018'],
    ['１２３４－５６７８－９０１８', '123456789018'],
    ['１２３４　５６７８　９０１８', '123456789018'],
    ['1234ー5678ー9018', '123456789018'],
    [' 271828182840 ', '271828182840'],
  ])('reads %j', (input, expected) => {
    expect(parseMyNumber(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['12345678901', 'my_number_digits'],
    ['1234567890180', 'my_number_digits'],
    ['1234567890１8a', 'my_number_digits'],
    ['123456789017', 'my_number_check_digit'],
    ['1234 5678 9019', 'my_number_check_digit'],
    ['', 'required'],
  ])('refuses %j (%s)', (input, code) => {
    expect(parseMyNumber(input)).toEqual({ ok: false, code });
  });
});

describe('A7の2 / A11の2: a masked My Number', () => {
  it('keeps no digit and not even its length', () => {
    fc.assert(
      fc.property(eleven, (s) => {
        const masked = maskValue('my_number', s + myNumberCheckDigit(s));
        expect(masked).toBe(MY_NUMBER_MASK);
        expect(masked).not.toMatch(/[0-9０-９]/);
      }),
    );
  });
});
