import { describe, expect, it } from 'vitest';
import { FIELD_TYPES } from './field-types.ts';
import { displayValue, formatPhone, maskValue, MY_NUMBER_MASK } from './field-display.ts';

describe('a value shown whole', () => {
  it('writes dates in 和暦 for ja by default, or in 西暦', () => {
    expect(displayValue('date', '2026-11-29', 'ja')).toBe('令和8年11月29日');
    expect(displayValue('date', '2019-05-01', 'ja')).toBe('令和元年5月1日');
    expect(displayValue('date', '2026-11-29', 'ja', 'gregorian')).toBe('2026年11月29日');
    expect(displayValue('date', '2026-11-29', 'en')).toBe('29 November 2026');
  });

  it('groups numbers without rounding them', () => {
    expect(displayValue('number', 1234567.891, 'ja')).toBe('1,234,567.891');
    expect(displayValue('number', -0.125, 'en')).toBe('-0.125');
  });

  it('shows a postal address with 〒, a phone number grouped, a My Number in three groups', () => {
    expect(displayValue('postal_address', { postalCode: '192-0000', address: '架空町1' }, 'ja')).toBe(
      '〒192-0000 架空町1',
    );
    expect(displayValue('phone', '09000001234', 'ja')).toBe('090-0000-1234');
    expect(displayValue('my_number', '123456789018', 'ja')).toBe('1234 5678 9018');
    expect(displayValue('kana', 'コウセン ハナコ', 'en')).toBe('コウセン ハナコ');
  });

  it('shows nothing for no value', () => {
    for (const type of FIELD_TYPES) expect(displayValue(type, null, 'ja')).toBe('');
  });

  it.each([
    ['09000001234', '090-0000-1234'],
    ['05000001234', '050-0000-1234'],
    ['08010001234', '080-1000-1234'],
    ['08000000123', '0800-000-0123'],
    ['0300001234', '03-0000-1234'],
    ['0600001234', '06-0000-1234'],
    ['0420001234', '042-000-1234'],
    ['0120000123', '0120-000-123'],
    ['0570000123', '0570-000-123'],
    ['12345', '12345'],
  ])('groups the phone number %s as %s', (digits, shown) => {
    expect(formatPhone(digits)).toBe(shown);
  });
});

describe('a masked value (A7の2 / A11の2: a My Number only for its handlers)', () => {
  it('keeps nothing of a My Number', () => {
    expect(maskValue('my_number', '123456789018')).toBe(MY_NUMBER_MASK);
    expect(maskValue('my_number', '271828182840')).toBe('**** **** ****');
  });

  it('keeps the last four digits of a phone number, the first character and domain of a mail address', () => {
    expect(maskValue('phone', '09000001234')).toBe('●●●●-1234');
    expect(maskValue('mail', 'hanako@kosen.example')).toBe('h●●●@kosen.example');
    expect(maskValue('mail', '髙橋@kosen.example')).toBe('髙●●●@kosen.example');
  });

  it('hides everything else behind ●●●, and shows nothing for no value', () => {
    expect(maskValue('text', '高専 花子')).toBe('●●●');
    expect(maskValue('date', '2008-04-01')).toBe('●●●');
    expect(maskValue('number', 42)).toBe('●●●');
    expect(maskValue('postal_address', { postalCode: '192-0000', address: '架空町1' })).toBe('●●●');
    expect(maskValue('note', null)).toBe('');
  });
});
