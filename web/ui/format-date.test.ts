import { describe, it, expect } from 'vitest';
import { formatDate, formatDateTime, todayInTokyo, toInstant } from './format-date.ts';

describe('formatDate', () => {
  it('shows a date-only value in 和暦 on that calendar day', () => {
    expect(formatDate('2026-11-30')).toBe('令和8年11月30日');
    expect(formatDate('2026-11-30', 'japanese', 'ja')).toBe('令和8年11月30日');
  });

  it('shows 西暦 when the user prefers it', () => {
    expect(formatDate('2026-11-30', 'gregorian', 'ja')).toBe('2026年11月30日');
    expect(formatDate('2026-11-30', 'gregorian', 'en')).toBe('30 November 2026');
  });

  it('never moves a date-only value to another day, whatever the first or last day', () => {
    expect(formatDate('2026-01-01', 'gregorian')).toBe('2026年1月1日');
    expect(formatDate('2026-12-31', 'gregorian')).toBe('2026年12月31日');
    expect(formatDate('2019-04-30')).toBe('平成31年4月30日');
    expect(formatDate('2019-05-01')).toMatch(/^令和(元|1)年5月1日$/);
  });

  it('reads an instant in Asia/Tokyo, not in UTC or the machine zone', () => {
    // 2026-11-30T15:30Z is 2026-12-01 00:30 in Tokyo.
    expect(formatDate('2026-11-30T15:30:00Z', 'gregorian')).toBe('2026年12月1日');
    expect(formatDate('2026-11-30T14:59:00Z', 'gregorian')).toBe('2026年11月30日');
    expect(formatDateTime('2026-11-30T15:30:00Z', 'gregorian')).toContain('00:30');
  });

  it('answers an empty string for missing or invalid values', () => {
    expect(formatDate(null)).toBe('');
    expect(formatDate(undefined)).toBe('');
    expect(formatDate('')).toBe('');
    expect(formatDate('not a date')).toBe('');
  });

  it('parses date-only strings as noon UTC', () => {
    expect(toInstant('2026-11-30').toISOString()).toBe('2026-11-30T12:00:00.000Z');
  });
});

describe('todayInTokyo', () => {
  it('gives the Tokyo calendar day', () => {
    expect(todayInTokyo(new Date('2026-11-30T15:30:00Z'))).toBe('2026-12-01');
    expect(todayInTokyo(new Date('2026-11-30T14:59:00Z'))).toBe('2026-11-30');
  });
});
