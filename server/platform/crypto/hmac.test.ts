import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hmacSha256 } from './hmac.ts';

describe('hmacSha256 (blind indexes, A25)', () => {
  it('gives the bytes of node:crypto createHmac for keys and texts of every size used', () => {
    for (const keyLength of [32, 48, 64, 65, 100]) {
      const key = randomBytes(keyLength);
      for (const text of ['', 'a', 'やまだたろう', 'Ｔ２６０００３', 'x'.repeat(200), '\u{20BB7}野家']) {
        const expected = createHmac('sha256', key).update(text, 'utf8').digest();
        expect(hmacSha256(key, text).equals(expected)).toBe(true);
        // A second call uses the kept pads and still agrees.
        expect(hmacSha256(key, text).equals(expected)).toBe(true);
      }
    }
  });

  it('differs per key and per text', () => {
    const a = randomBytes(32);
    const b = randomBytes(32);
    expect(hmacSha256(a, '山田').equals(hmacSha256(b, '山田'))).toBe(false);
    expect(hmacSha256(a, '山田').equals(hmacSha256(a, '山川'))).toBe(false);
  });
});
