import { describe, expect, it } from 'vitest';
import { fixedClock, toTokyoDate } from './clock.ts';

const byIntl = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

describe('toTokyoDate', () => {
  it('gives the date Intl gives for Asia/Tokyo, across midnight, month, year and leap days', () => {
    const instants = [
      '2026-03-31T14:59:59.999Z', // 23:59:59.999 on 31 March in Tokyo
      '2026-03-31T15:00:00.000Z', // 1 April, 0:00
      '2026-12-31T15:00:00.000Z', // New Year's Day 2027
      '2028-02-28T15:00:00.000Z', // 29 February 2028
      '2000-01-01T00:00:00.000Z',
      '1970-01-01T00:00:00.000Z',
    ].map((s) => new Date(s));
    for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2027, 0, 1); t += 3_599_999) instants.push(new Date(t));
    for (const d of instants) expect(toTokyoDate(d)).toBe(byIntl.format(d));
  });

  it('is what a fixed clock calls today', () => {
    expect(fixedClock('2026-03-31T15:00:00.000Z').today()).toBe('2026-04-01');
  });
});
