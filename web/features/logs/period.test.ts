import { describe, expect, it } from 'vitest';
import { endOfTokyoDay, startOfTokyoDay } from './period.ts';

describe('the explorer period is read as days in Tokyo (A22)', () => {
  it('starts a day at 00:00 in Tokyo (15:00 UTC the day before)', () => {
    expect(startOfTokyoDay('2026-11-29')).toBe('2026-11-28T15:00:00.000Z');
  });
  it('ends a day where the next one begins, exclusive', () => {
    expect(endOfTokyoDay('2026-11-29')).toBe('2026-11-29T15:00:00.000Z');
    expect(endOfTokyoDay('2026-12-31')).toBe('2026-12-31T15:00:00.000Z');
  });
});
