import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { safeNext } from './safe-next.ts';

// Issue 3: an open redirect after sign-in is refused.
describe('safeNext: where sign-in may send the browser', () => {
  it.each([
    ['/people/abc?tab=1#x', '/people/abc?tab=1#x'],
    ['/organisation', '/organisation'],
    ['/', '/'],
  ])('keeps a path of this site: %s', (input, expected) => {
    expect(safeNext(input)).toBe(expected);
  });

  it.each([
    'https://evil.example/',
    '//evil.example/login',
    '/\\evil.example',
    '\\\\evil.example',
    'javascript:alert(1)',
    '/\tevil',
    ' /organisation',
    'people',
    '',
    null,
    undefined,
    '/' + 'a'.repeat(2001),
  ])('refuses %j and sends to the home page', (input) => {
    expect(safeNext(input)).toBe('/');
  });

  it('never yields anything a browser would read as another origin', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        const out = safeNext(s);
        expect(new URL(out, 'https://mamori.example').origin).toBe('https://mamori.example');
        expect(out.startsWith('/')).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
