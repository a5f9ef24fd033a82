/**
 * A25: exact-match search over encrypted fields. What people type differently (full or half width,
 * katakana or hiragana, spaces, hyphens, case) finds the same rows; index values are short enough that
 * several rows share each one. Fixtures are fictional people.
 */
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createKeys } from '../keys.ts';
import { blindIndex, indexBitsFor, indexKey, normaliseForIndex } from './blind-index.ts';

const master = Buffer.alloc(32, 7); // fixed, so the distribution test is deterministic

describe('normalisation for blind indexes', () => {
  const same: string[][] = [
    [
      '03-1234-5678',
      '０３－１２３４－５６７８',
      '0312345678',
      '03 1234 5678',
      '03ー1234ー5678',
      '03‐1234−5678',
      '03—1234–5678',
    ],
    ['ミホン ハナコ', 'みほん はなこ', 'ﾐﾎﾝ ﾊﾅｺ', 'ミホン　ハナコ', 'ミホンハナコ'],
    ['ガーデン', 'がーでん', 'ｶﾞｰﾃﾞﾝ', 'ｶﾞｰﾃﾞﾝ '],
    ['Mihon Hanako', 'ＭＩＨＯＮ　ＨＡＮＡＫＯ', 'mihonhanako', 'MIHON-HANAKO'],
    ['S2024-0042', 'ｓ２０２４００４２', 's20240042'],
    ['ジョン・スミス', 'ｼﾞｮﾝ･ｽﾐｽ', 'じょんすみす'],
    ['が', 'か゛', 'ｶﾞ'],
    ['1〜3', '1～3', '1~3'],
    ['見本\u200b花子', '見本\u00ad花子', '見本 花子'],
  ];
  it.each(same)('%s and its variants index alike', (...variants) => {
    const forms = new Set(variants.map(normaliseForIndex));
    expect(forms.size).toBe(1);
  });

  it('keeps what tells names apart: the long vowel mark in kana, voicing, small kana', () => {
    expect(normaliseForIndex('カード')).not.toBe(normaliseForIndex('カド'));
    expect(normaliseForIndex('ハナコ')).not.toBe(normaliseForIndex('ハナゴ'));
    expect(normaliseForIndex('シヨウ')).not.toBe(normaliseForIndex('ショウ'));
    expect(normaliseForIndex('カード')).toBe('かーど');
  });
});

describe('blind indexes', () => {
  const nameKey = indexKey(master, 'file-students', 'name');

  it('the same value gets the same index; another file or field has another key', () => {
    expect(blindIndex(nameKey, 'ミホン ハナコ', 16)).toBe(blindIndex(nameKey, 'ﾐﾎﾝﾊﾅｺ', 16));
    const keys = [
      nameKey,
      indexKey(master, 'file-students', 'phone'),
      indexKey(master, 'file-staff', 'name'),
      indexKey(randomBytes(32), 'file-students', 'name'),
      createKeys(master).derive('blind-index'),
      createKeys(master).derive('blind-index:file-students:name'),
    ];
    expect(new Set(keys.map((k) => k.toString('hex'))).size).toBe(keys.length);
    expect(indexKey(master, 'a.b', 'c').equals(indexKey(master, 'a', 'b.c'))).toBe(false);
    const values = Array.from({ length: 20 }, (_, i) => `見本${i}`);
    const differing = values.filter((v) => blindIndex(nameKey, v, 32) !== blindIndex(keys[2]!, v, 32));
    expect(differing.length).toBeGreaterThan(18);
  });

  it('is the top `bits` bits of the HMAC, a non-negative integer below 2^bits', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.integer({ min: 1, max: 32 }), (value, bits) => {
        const index = blindIndex(nameKey, value, bits);
        expect(Number.isSafeInteger(index)).toBe(true);
        expect(index).toBeGreaterThanOrEqual(0);
        expect(index).toBeLessThan(2 ** bits);
        expect(index).toBe(Math.floor(blindIndex(nameKey, value, 32) / 2 ** (32 - bits)));
      }),
      { numRuns: 1000 },
    );
    for (const bits of [0, 33, 1.5, Number.NaN])
      expect(() => blindIndex(nameKey, 'x', bits)).toThrow(RangeError);
  });

  it('spreads student numbers evenly: 10,000 into 4 bits gives 400 to 850 per value', () => {
    const key = indexKey(master, 'file-students', 'student-number');
    const buckets = new Array<number>(16).fill(0);
    for (let i = 0; i < 10_000; i++) {
      const index = blindIndex(key, `S${2020 + (i % 6)}-${String(i).padStart(5, '0')}`, 4);
      buckets[index] = buckets[index]! + 1;
    }
    for (const count of buckets) {
      expect(count).toBeGreaterThanOrEqual(400);
      expect(count).toBeLessThanOrEqual(850);
    }
  });

  it('is sized so that about matchesPerValue rows share each index value', () => {
    expect(indexBitsFor(0)).toBe(1);
    expect(indexBitsFor(8)).toBe(1);
    expect(indexBitsFor(100)).toBe(4); // 16 values, ~6 rows each
    expect(indexBitsFor(1_000)).toBe(7); // 128 values, ~8 rows each
    expect(indexBitsFor(10_000)).toBe(10);
    expect(indexBitsFor(1_000, 1)).toBe(10);
    expect(indexBitsFor(1_000, 32)).toBe(5);
    expect(indexBitsFor(1e12)).toBe(24);
    expect(() => indexBitsFor(-1)).toThrow(RangeError);
    expect(() => indexBitsFor(100, 0)).toThrow(RangeError);
  });
});
