import { describe, expect, it } from 'vitest';
import { brokenRules, DEFAULT_RULES } from './password.ts';

const me = { employeeNumber: 'E150020', names: ['新井', '真由美', 'アライ', 'マユミ'] };

describe('password rules (A21-2, NIST SP 800-63B defaults)', () => {
  it('accepts a long passphrase and refuses nothing else about it', () => {
    expect(brokenRules('Quiet lantern orbit 71', DEFAULT_RULES, me)).toEqual([]);
  });

  it('refuses common passwords case-insensitively, from the shipped list', () => {
    expect(brokenRules('Password1234', DEFAULT_RULES, me)).toEqual(['common']);
    expect(brokenRules('QWERTYUIOP123', DEFAULT_RULES, me)).toEqual(['common']);
  });

  it('refuses the employee number, the name or its reading, and the organisation’s words', () => {
    expect(brokenRules('my-e150020-secret', DEFAULT_RULES, me)).toEqual(['context']);
    expect(brokenRules('あいうえお新井かきくけこ', DEFAULT_RULES, me)).toEqual(['context']);
    expect(brokenRules('MAMORI-password-x', DEFAULT_RULES, me)).toEqual(['context']);
    expect(brokenRules('kosen-nagaoka-2026', DEFAULT_RULES, me)).toEqual(['context']);
  });

  it('counts characters, not bytes, and refuses one repeated character', () => {
    expect(brokenRules('ひみつのあいことば十二', DEFAULT_RULES, me)).toEqual(['too_short']);
    expect(brokenRules('ひみつのあいことばは十二字', DEFAULT_RULES, me)).toEqual([]);
    expect(brokenRules('zzzzzzzzzzzzzzzz', DEFAULT_RULES, me)).toEqual(['repeated']);
  });

  it('requires character classes only when the institution turns them on', () => {
    const rules = { ...DEFAULT_RULES, requiredClasses: 3 };
    expect(brokenRules('onlylowercasewords', rules, me)).toEqual(['classes']);
    expect(brokenRules('LowerAndUpperWords', rules, me)).toEqual(['classes']);
    expect(brokenRules('LowerUpperAnd7Digits', rules, me)).toEqual([]);
    // A space counts as a symbol.
    expect(brokenRules('Lower and Upper words', rules, me)).toEqual([]);
    expect(brokenRules('onlylowercasewords', DEFAULT_RULES, me)).toEqual([]);
  });
});
