import { describe, expect, it } from 'vitest';
import { scheduleWords } from './schedule.ts';

/** The backups page says a schedule in words where it can (A27: when backups and restore tests run). */
describe('backup schedules in words', () => {
  it('reads every day and every week at a time', () => {
    expect(scheduleWords('15 2 * * *')).toEqual({ kind: 'daily', time: '2:15' });
    expect(scheduleWords('45 3 * * 0')).toEqual({ kind: 'weekly', day: 0, time: '3:45' });
    expect(scheduleWords('0 23 * * 7')).toEqual({ kind: 'weekly', day: 0, time: '23:00' });
  });

  it('leaves every other shape as the expression', () => {
    for (const cron of ['*/15 * * * *', '0 2 1 * *', '0 2 * * 1-5', '0 24 * * *', '0 2 * * * *', ''])
      expect(scheduleWords(cron)).toBeNull();
  });
});
