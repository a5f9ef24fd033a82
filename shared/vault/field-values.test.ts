import { describe, expect, it } from 'vitest';
import { fieldDefinition, type FieldDefinitionInput } from './field-types.ts';
import {
  parseChoice,
  parseFieldValue,
  parseKana,
  parseMail,
  parseNote,
  parseNumber,
  parsePhone,
  parsePostalAddress,
  parseText,
} from './field-values.ts';

// Fixtures are fictional: 架空町 does not exist, numbers use the unassigned 0000 exchange.
const field = (f: Partial<FieldDefinitionInput> & Pick<FieldDefinitionInput, 'type'>) =>
  fieldDefinition.parse({
    key: 'f01',
    label: '項目',
    sensitivity: f.type === 'my_number' ? 'my_number' : 'normal',
    ...f,
  });

describe('text: one line, kept as typed', () => {
  it('trims and keeps the characters a person wrote (no NFKC: 髙橋, ﾊﾝｶｸ stay)', () => {
    expect(parseText('  髙橋　花子 ')).toEqual({ ok: true, value: '髙橋　花子' });
    expect(parseText('ﾊﾝｶｸ')).toEqual({ ok: true, value: 'ﾊﾝｶｸ' });
  });
  it.each([
    ['', 'required'],
    ['一行目\n二行目', 'single_line'],
    ['タブ\tあり', 'invalid_characters'],
    ['制御\u0007文字', 'invalid_characters'],
  ])('refuses %j (%s)', (input, code) => {
    expect(parseText(input)).toEqual({ ok: false, code });
  });
  it('counts characters, not UTF-16 units, against the longest length', () => {
    expect(parseText('𠮷'.repeat(5), 5).ok).toBe(true);
    expect(parseText('𠮷'.repeat(6), 5)).toEqual({ ok: false, code: 'too_long' });
    expect(parseText('あ'.repeat(201))).toEqual({ ok: false, code: 'too_long' });
  });
});

describe('note: several lines', () => {
  it('reads CRLF as LF and trims', () => {
    expect(parseNote(' 一行目\r\n二行目\r\n')).toEqual({ ok: true, value: '一行目\n二行目' });
  });
  it('refuses control characters and what is too long', () => {
    expect(parseNote('a\u0000b')).toEqual({ ok: false, code: 'invalid_characters' });
    expect(parseNote('あ'.repeat(11), 10)).toEqual({ ok: false, code: 'too_long' });
  });
});

describe('kana: stored in full-width katakana', () => {
  it.each([
    ['ヤマダ タロウ', 'ヤマダ タロウ'],
    ['やまだ たろう', 'ヤマダ タロウ'],
    ['ﾔﾏﾀﾞ ﾀﾛｳ', 'ヤマダ タロウ'],
    ['ﾔﾏﾀﾞ　　たろう', 'ヤマダ タロウ'],
    ['  コウセン　ハナコ  ', 'コウセン ハナコ'],
    ['サトー・ジョン', 'サトー・ジョン'],
    ['ゔぁいおりん', 'ヴァイオリン'],
  ])('reads %j as %j', (input, expected) => {
    expect(parseKana(input)).toEqual({ ok: true, value: expected });
  });
  it.each([
    ['山田 太郎', 'kana_only'],
    ['Yamada', 'kana_only'],
    ['ヤマダ1', 'kana_only'],
    ['', 'required'],
    ['　', 'required'],
    ['ア'.repeat(101), 'too_long'],
  ])('refuses %j (%s)', (input, code) => {
    expect(parseKana(input)).toEqual({ ok: false, code });
  });
});

describe('number: integer or decimal', () => {
  it.each([
    ['1234', 1234],
    ['１２３４', 1234],
    ['1,234,567', 1234567],
    ['-12.5', -12.5],
    ['－１２．５', -12.5],
    ['−3', -3],
    ['+7', 7],
    ['3.75', 3.75],
    ['-0', 0],
  ])('reads %j as %d', (input, expected) => {
    expect(parseNumber(input)).toEqual({ ok: true, value: expected });
  });
  it.each([
    ['12a', 'not_a_number'],
    ['1,23', 'not_a_number'],
    ['1.2.3', 'not_a_number'],
    ['.5', 'not_a_number'],
    ['1e5', 'not_a_number'],
    ['三', 'not_a_number'],
    ['12345678901234567890', 'out_of_range'],
    ['', 'required'],
  ])('refuses %j (%s)', (input, code) => {
    expect(parseNumber(input)).toEqual({ ok: false, code });
  });
  it('takes a number as it is, but not NaN or Infinity', () => {
    expect(parseNumber(42)).toEqual({ ok: true, value: 42 });
    expect(parseNumber(Number.NaN)).toEqual({ ok: false, code: 'not_a_number' });
    expect(parseNumber(Number.POSITIVE_INFINITY)).toEqual({ ok: false, code: 'not_a_number' });
  });
});

describe('choice: one of the choices', () => {
  const choices = ['入寮', '退寮', 'Ａ区分'];
  it('matches as typed or after NFKC, and stores the choice as defined', () => {
    expect(parseChoice(' 入寮 ', choices)).toEqual({ ok: true, value: '入寮' });
    expect(parseChoice('A区分', choices)).toEqual({ ok: true, value: 'Ａ区分' });
  });
  it('refuses anything else', () => {
    expect(parseChoice('休寮', choices)).toEqual({ ok: false, code: 'not_a_choice' });
    expect(parseChoice('', choices)).toEqual({ ok: false, code: 'required' });
  });
});

describe('postal address: 〒 and the address', () => {
  const value = { postalCode: '192-0000', address: '東京都八王子市架空町1-2-3' };
  it.each<[string | { postalCode?: string; address?: string }]>([
    ['〒192-0000 東京都八王子市架空町1-2-3'],
    ['１９２－００００　東京都八王子市架空町１－２－３'],
    ['〒1920000東京都八王子市架空町1-2-3'],
    [{ postalCode: '１９２ー００００', address: ' 東京都八王子市架空町１－２－３ ' }],
    [{ postalCode: '〒1920000', address: '東京都八王子市架空町1-2-3' }],
  ])('reads %j', (input) => {
    expect(parsePostalAddress(input)).toEqual({ ok: true, value });
  });
  it.each<[string | { postalCode?: string; address?: string }, string]>([
    ['東京都八王子市架空町1-2-3', 'invalid_postal_code'],
    ['〒192-000 東京都', 'invalid_postal_code'],
    ['〒19200000 東京都', 'invalid_postal_code'],
    [{ postalCode: '192-00001', address: '東京都' }, 'invalid_postal_code'],
    [{ postalCode: '', address: '東京都' }, 'invalid_postal_code'],
    [{ postalCode: '192-0000', address: '' }, 'required'],
    ['〒192-0000', 'required'],
    [{ postalCode: '192-0000', address: 'あ'.repeat(201) }, 'too_long'],
    ['', 'required'],
  ])('refuses %j (%s)', (input, code) => {
    expect(parsePostalAddress(input)).toEqual({ ok: false, code });
  });
});

describe('phone: Japanese numbers, stored as digits', () => {
  it.each([
    ['090-0000-1234', '09000001234'],
    ['０９０－００００－１２３４', '09000001234'],
    ['090ー0000ー1234', '09000001234'],
    ['03-0000-1234', '0300001234'],
    ['(042) 000-1234', '0420001234'],
    ['0120-000-123', '0120000123'],
    ['050 0000 1234', '05000001234'],
    ['+81 90 0000 1234', '09000001234'],
    ['+81-3-0000-1234', '0300001234'],
    ['+81 (0)3 0000 1234', '0300001234'],
  ])('reads %j as %s', (input, expected) => {
    expect(parsePhone(input)).toEqual({ ok: true, value: expected });
  });
  it.each([
    ['90-0000-1234', 'invalid_phone'],
    ['0000001234', 'invalid_phone'],
    ['03-0000-123', 'invalid_phone'],
    ['031-0000-1234', 'invalid_phone'],
    ['090-0000-12345', 'invalid_phone'],
    ['+1 202 000 1234', 'invalid_phone'],
    ['090-0000-1234 内線12', 'invalid_phone'],
    ['', 'required'],
  ])('refuses %j (%s)', (input, code) => {
    expect(parsePhone(input)).toEqual({ ok: false, code });
  });
});

describe('mail', () => {
  it.each([
    ['hanako.kosen@kosen.example', 'hanako.kosen@kosen.example'],
    ['Hanako.Kosen＠KOSEN.Example', 'Hanako.Kosen@kosen.example'],
    [' taro+vault@dept.kosen.example ', 'taro+vault@dept.kosen.example'],
  ])('reads %j as %s', (input, expected) => {
    expect(parseMail(input)).toEqual({ ok: true, value: expected });
  });
  it.each([
    ['hanako', 'invalid_mail'],
    ['hanako@', 'invalid_mail'],
    ['@kosen.example', 'invalid_mail'],
    ['hanako kosen@kosen.example', 'invalid_mail'],
    ['hanako@@kosen.example', 'invalid_mail'],
    ['', 'required'],
  ])('refuses %j (%s)', (input, code) => {
    expect(parseMail(input)).toEqual({ ok: false, code });
  });
});

describe('the value of a field of a record', () => {
  it('is null when nothing is typed in an optional field, and required in a required one', () => {
    for (const blank of [null, undefined, '', '  '])
      expect(parseFieldValue(field({ type: 'date' }), blank)).toEqual({ ok: true, value: null });
    expect(parseFieldValue(field({ type: 'text', required: true }), ' ')).toEqual({
      ok: false,
      code: 'required',
    });
    expect(parseFieldValue(field({ type: 'postal_address' }), { postalCode: '', address: '' })).toEqual({
      ok: true,
      value: null,
    });
  });
  it('reads each type with its parser and the field’s own limits', () => {
    expect(parseFieldValue(field({ type: 'date' }), 'R8.11.29')).toEqual({ ok: true, value: '2026-11-29' });
    expect(parseFieldValue(field({ type: 'number' }), 7)).toEqual({ ok: true, value: 7 });
    expect(parseFieldValue(field({ type: 'text', maxLength: 3 }), 'あいうえ')).toEqual({
      ok: false,
      code: 'too_long',
    });
    expect(parseFieldValue(field({ type: 'note', maxLength: 3 }), 'あいう')).toEqual({
      ok: true,
      value: 'あいう',
    });
    expect(parseFieldValue(field({ type: 'choice', choices: ['男', '女'] }), '女')).toEqual({
      ok: true,
      value: '女',
    });
    expect(parseFieldValue(field({ type: 'my_number' }), '1234 5678 9018')).toEqual({
      ok: true,
      value: '123456789018',
    });
    expect(parseFieldValue(field({ type: 'kana' }), 'こうせん')).toEqual({ ok: true, value: 'コウセン' });
    expect(parseFieldValue(field({ type: 'phone' }), '03-0000-1234')).toEqual({
      ok: true,
      value: '0300001234',
    });
    expect(parseFieldValue(field({ type: 'mail' }), 'a@kosen.example')).toEqual({
      ok: true,
      value: 'a@kosen.example',
    });
    expect(parseFieldValue(field({ type: 'postal_address' }), '〒192-0000 架空町1')).toEqual({
      ok: true,
      value: { postalCode: '192-0000', address: '架空町1' },
    });
  });
  it('refuses an input of the wrong kind', () => {
    expect(parseFieldValue(field({ type: 'text' }), 12)).toEqual({ ok: false, code: 'invalid_type' });
    expect(parseFieldValue(field({ type: 'number' }), { n: 1 })).toEqual({ ok: false, code: 'invalid_type' });
    expect(parseFieldValue(field({ type: 'postal_address' }), ['192-0000'])).toEqual({
      ok: false,
      code: 'invalid_type',
    });
    expect(parseFieldValue(field({ type: 'my_number' }), 123456789018)).toEqual({
      ok: false,
      code: 'invalid_type',
    });
  });
});
