import { describe, expect, it } from 'vitest';
import { newTimeOrderedId } from './ids.ts';

describe('time-ordered ids (UUID v7)', () => {
  it('are valid v7 UUIDs that sort by time', () => {
    const a = newTimeOrderedId(Date.UTC(2026, 10, 30, 0, 0, 0));
    const b = newTimeOrderedId(Date.UTC(2026, 10, 30, 0, 0, 1));
    for (const id of [a, b])
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a < b).toBe(true);
    expect(a.slice(0, 13).replace('-', '')).toBe(Date.UTC(2026, 10, 30).toString(16).padStart(12, '0'));
    expect(newTimeOrderedId()).not.toBe(newTimeOrderedId());
  });
});
