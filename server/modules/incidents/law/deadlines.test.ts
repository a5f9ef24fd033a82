/**
 * The law's clock (法68①, 規則44): days counted on Japan's calendar from the day of 知った日時
 * (初日不算入), weekends and holidays included; 30 days, or 60 where 不正の目的 may be involved.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_INCIDENT_SETTINGS as DEFAULTS } from '../../../../shared/api/incidents.ts';
import { addDays, internalDue, jstDate, lawDeadlines } from './deadlines.ts';

const plain = { wrongfulPurpose: false };

describe('the day of awareness is the day in Japan', () => {
  it('turns at midnight in Tokyo, not in UTC', () => {
    expect(jstDate('2026-03-31T14:59:59Z')).toBe('2026-03-31'); // 23:59:59 JST
    expect(jstDate('2026-03-31T15:00:00Z')).toBe('2026-04-01'); // 00:00:00 JST
    expect(jstDate('2026-04-01T00:30:00+09:00')).toBe('2026-04-01');
    expect(jstDate('2026-12-31T15:00:00.000Z')).toBe('2027-01-01');
  });

  it('refuses what is not an instant', () => {
    expect(() => jstDate('yesterday')).toThrow(RangeError);
  });

  it('adds calendar days across months, years and a leap day', () => {
    expect(addDays('2026-03-31', 1)).toBe('2026-04-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-05-10', 0)).toBe('2026-05-10');
  });
});

describe('the due dates of the 速報 and 確報', () => {
  it('count from the Tokyo day of awareness: one second before midnight gives a day earlier', () => {
    expect(lawDeadlines('2026-03-31T14:59:59Z', plain, DEFAULTS)).toEqual({
      preliminary: '2026-04-05',
      final: '2026-04-30',
    });
    expect(lawDeadlines('2026-03-31T15:00:00Z', plain, DEFAULTS)).toEqual({
      preliminary: '2026-04-06',
      final: '2026-05-01',
    });
  });

  it('do not skip weekends or holidays (ゴールデンウィーク included)', () => {
    // Awareness on Friday 24 April 2026: 30 days later is Sunday 24 May, and it stays so.
    expect(lawDeadlines('2026-04-24T10:00:00+09:00', plain, DEFAULTS).final).toBe('2026-05-24');
    // 速報: Friday + 5 = Wednesday 29 April (昭和の日), not moved.
    expect(lawDeadlines('2026-04-24T10:00:00+09:00', plain, DEFAULTS).preliminary).toBe('2026-04-29');
  });

  it('give 60 days for the 確報 when 不正の目的 may be involved (規則44②)', () => {
    const d = lawDeadlines('2026-03-31T15:00:00Z', { wrongfulPurpose: true }, DEFAULTS);
    expect(d).toEqual({ preliminary: '2026-04-06', final: '2026-05-31' });
  });

  it('follow the configured days', () => {
    const settings = { ...DEFAULTS, preliminaryDays: 3, finalDays: 20, finalDaysWrongful: 45 };
    expect(lawDeadlines('2026-06-01T09:00:00+09:00', plain, settings)).toEqual({
      preliminary: '2026-06-04',
      final: '2026-06-21',
    });
    expect(lawDeadlines('2026-06-01T09:00:00+09:00', { wrongfulPurpose: true }, settings).final).toBe(
      '2026-07-16',
    );
  });
});

describe('the internal chain’s 速やかに', () => {
  it('is the Tokyo day on which the configured hours end', () => {
    // 14:00 JST + 24 h = 14:00 the next day.
    expect(internalDue('2026-04-01T05:00:00Z', DEFAULTS)).toBe('2026-04-02');
    // 23:30 JST on 1 April + 24 h = 23:30 on 2 April: the whole of that day.
    expect(internalDue('2026-04-01T14:30:00Z', DEFAULTS)).toBe('2026-04-02');
    // One hour from 22:30 JST stays on the day; one hour from 23:00 JST crosses Tokyo's midnight.
    expect(internalDue('2026-04-01T13:30:00Z', { ...DEFAULTS, internalHours: 1 })).toBe('2026-04-01');
    expect(internalDue('2026-04-01T14:00:00Z', { ...DEFAULTS, internalHours: 1 })).toBe('2026-04-02');
    expect(internalDue('2026-04-01T05:00:00Z', { ...DEFAULTS, internalHours: 72 })).toBe('2026-04-04');
  });
});
