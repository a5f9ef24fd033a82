/**
 * A25: a sealed field group opens only under its data key and exactly where it was sealed; anything
 * else (another key, file, record, group or key version, one altered character, a truncation) is a
 * CiphertextError that says nothing of the plaintext. Fixtures are fictional people.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CiphertextError,
  newDataKey,
  openGroup,
  sealAad,
  sealBytes,
  sealGroup,
  type CiphertextReason,
  type SealContext,
} from './envelope.ts';

const ctx: SealContext = {
  fileId: 'file-students',
  recordId: 'rec-0001',
  group: 'contact',
  keyId: 'key-subject-0001',
  keyVersion: 1,
};
const person = {
  name: '見本 𠮷子',
  kana: 'ミホン ヨシコ',
  note: '🎓👩‍🔬 寮生、連絡は夕方',
  phone: '090-0000-0000',
  grade: 3,
  boarder: true,
  guardian: null,
  clubs: ['吹奏楽', 'ロボコン'],
};
const PLAINTEXT_PIECES = ['見本', '𠮷', 'ミホン', '🎓', '寮生', '090', '吹奏楽'];

/** The CiphertextError `run` throws (fails the test when it throws nothing or something else). */
function ciphertextError(run: () => unknown): CiphertextError {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(CiphertextError);
    return e as CiphertextError;
  }
  throw new Error('expected a CiphertextError, nothing was thrown');
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.';

describe('sealed field groups (A25)', () => {
  const key = newDataKey();

  it('a group opens to its values, unicode included, and its text shows none of them', () => {
    const sealed = sealGroup(key, ctx, person);
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
    for (const piece of PLAINTEXT_PIECES) expect(sealed).not.toContain(piece);
    expect(openGroup(key, ctx, sealed)).toEqual(person);
    expect(openGroup(key, ctx, sealGroup(key, ctx, {}))).toEqual({});
  });

  it('any JSON field group round-trips', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ unit: 'grapheme' }), fc.jsonValue()), (values) => {
        expect(openGroup(key, ctx, sealGroup(key, ctx, values))).toEqual(JSON.parse(JSON.stringify(values)));
      }),
      { numRuns: 100 },
    );
  });

  it('two seals of the same values differ (fresh nonce) and lengths are padded', () => {
    const a = sealGroup(key, ctx, person);
    const b = sealGroup(key, ctx, person);
    expect(a).not.toBe(b);
    expect(a.split('.')[1]).not.toBe(b.split('.')[1]);
    expect(sealGroup(key, ctx, { name: '見本 花子' }).length).toBe(
      sealGroup(key, ctx, { name: '見本 一' }).length,
    );
  });

  it('another data key does not open it', () => {
    const sealed = sealGroup(key, ctx, person);
    expect(ciphertextError(() => openGroup(newDataKey(), ctx, sealed)).reason).toBe('tampered');
  });

  it('moved to another file, record, field group, key or key version, it does not open', () => {
    const sealed = sealGroup(key, ctx, person);
    const moves: Partial<SealContext>[] = [
      { fileId: 'file-staff' },
      { recordId: 'rec-0002' },
      { group: 'health' },
      { keyId: 'key-subject-0002' },
      { keyVersion: 2 },
    ];
    for (const move of moves) {
      expect(ciphertextError(() => openGroup(key, { ...ctx, ...move }, sealed)).reason).toBe('tampered');
    }
  });

  it('the associated data is unambiguous: a.b + c is not a + b.c', () => {
    const one = { ...ctx, fileId: 'a.b', recordId: 'c' };
    const two = { ...ctx, fileId: 'a', recordId: 'b.c' };
    expect(sealAad(one).equals(sealAad(two))).toBe(false);
    expect(
      sealAad({ ...ctx, fileId: 'a', recordId: 'b' }).equals(
        sealAad({ ...ctx, fileId: 'a"', recordId: 'b' }),
      ),
    ).toBe(false);
    expect(ciphertextError(() => openGroup(key, two, sealGroup(key, one, person))).reason).toBe('tampered');
  });

  // Sizes whose base64 ends in a partial group too (body length 80 and 112 bytes): the unused low bits
  // of the last character must not be changeable.
  const groups = [{}, { note: '見本'.repeat(8) }, { note: '見本'.repeat(14) }, person];

  it('every character of the sealed text, altered, makes it fail', () => {
    const bodyLengths = new Set<number>();
    for (const values of groups) {
      const sealed = sealGroup(key, ctx, values);
      bodyLengths.add(Buffer.from(sealed.split('.')[2]!, 'base64url').length % 3);
      for (let i = 0; i < sealed.length; i++) {
        for (const offset of [1, 17, 40]) {
          const replacement = ALPHABET[(ALPHABET.indexOf(sealed[i]!) + offset) % ALPHABET.length]!;
          const altered = sealed.slice(0, i) + replacement + sealed.slice(i + 1);
          ciphertextError(() => openGroup(key, ctx, altered));
        }
      }
    }
    expect(bodyLengths).toEqual(new Set([0, 1, 2]));
  });

  it('any single-character change fails (property)', () => {
    const sealedTexts = groups.map((values) => sealGroup(key, ctx, values));
    fc.assert(
      fc.property(
        fc.constantFrom(...sealedTexts),
        fc.nat(),
        fc.oneof(fc.constantFrom(...ALPHABET), fc.string({ minLength: 1, maxLength: 1, unit: 'binary' })),
        (sealed, n, c) => {
          const i = n % sealed.length;
          fc.pre(c !== sealed[i]);
          ciphertextError(() => openGroup(key, ctx, sealed.slice(0, i) + c + sealed.slice(i + 1)));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('truncated, empty, foreign or from another format version, it is refused as such', () => {
    const sealed = sealGroup(key, ctx, person);
    for (let n = 0; n < sealed.length; n++) {
      expect(['malformed', 'tampered']).toContain(
        ciphertextError(() => openGroup(key, ctx, sealed.slice(0, n))).reason,
      );
    }
    const cases: [string, CiphertextReason][] = [
      ['', 'malformed'],
      ['v1', 'malformed'],
      ['v1..', 'malformed'],
      ['not sealed at all', 'malformed'],
      [`${sealed}.extra`, 'malformed'],
      [sealed.replace(/^v1/, 'v2'), 'unsupported_version'],
      [sealed.replace(/^v1/, 'V1'), 'malformed'],
    ];
    for (const [text, reason] of cases)
      expect(ciphertextError(() => openGroup(key, ctx, text)).reason).toBe(reason);
  });

  it('authenticated bytes that are not a JSON object are malformed, and not quoted', () => {
    const notJson = sealBytes(key, sealAad(ctx), Buffer.from('見本 花子 090-0000-0000'));
    const error = ciphertextError(() => openGroup(key, ctx, notJson));
    expect(error.reason).toBe('malformed');
    expect(error.message).not.toContain('見本');
    const array = sealBytes(key, sealAad(ctx), Buffer.from('["見本"]'));
    expect(ciphertextError(() => openGroup(key, ctx, array)).reason).toBe('malformed');
  });

  it('no error message carries plaintext, key or ciphertext', () => {
    const sealed = sealGroup(key, ctx, person);
    const errors = [
      ciphertextError(() => openGroup(newDataKey(), ctx, sealed)),
      ciphertextError(() => openGroup(key, { ...ctx, recordId: 'rec-0002' }, sealed)),
      ciphertextError(() => openGroup(key, ctx, sealed.slice(0, 40))),
      ciphertextError(() => openGroup(key, ctx, sealed.replace(/^v1/, 'v9'))),
    ];
    for (const e of errors) {
      const text = `${e.message} ${String(e.stack)}`;
      for (const piece of PLAINTEXT_PIECES) expect(text).not.toContain(piece);
      expect(text).not.toContain(key.toString('base64').slice(0, 12));
      expect(text).not.toContain(key.toString('hex').slice(0, 12));
      expect(text).not.toContain(sealed.split('.')[2]!.slice(0, 12));
    }
  });

  it('a bad key or context is a programming error (TypeError), not a ciphertext error', () => {
    expect(() => sealGroup(Buffer.alloc(16), ctx, person)).toThrow(TypeError);
    expect(() => sealGroup(key, { ...ctx, recordId: '' }, person)).toThrow(TypeError);
    expect(() => sealGroup(key, { ...ctx, keyVersion: 1.5 }, person)).toThrow(TypeError);
  });
});
