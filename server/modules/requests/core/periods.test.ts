/**
 * The statutory periods of individuals' requests (law-2022.md 法83, 法84, 法87-3, 法90-3): calendar
 * days, the day of receipt not counted (民法140条) unless configured, 補正 days not counted (法83-1
 * ただし書), the extension (法83-2), the large case (法84), the roll to the next working day over
 * weekends, national holidays and 年末年始 (行政機関の休日に関する法律).
 */
import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  deadline,
  dueDate,
  isBusinessDay,
  methodChoiceUntil,
  pausedDays,
  remedyUntil,
  rollToBusinessDay,
  type DueInput,
} from './periods.ts';

const plain = { firstDayCounted: false, rollToBusinessDay: false };
const due = (over: Partial<DueInput> = {}) =>
  dueDate({
    receivedOn: '2026-11-02',
    baseDays: 30,
    pauses: [],
    extendedDays: 0,
    largeDays: null,
    ...plain,
    ...over,
  });

describe('periods of individuals’ requests (法83, 法84)', () => {
  it('counts calendar days from the day after receipt (民法140条), or from the day itself', () => {
    expect(due().dueOn).toBe('2026-12-02');
    expect(due({ firstDayCounted: true }).dueOn).toBe('2026-12-01');
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(daysBetween('2026-11-30', '2026-12-02')).toBe(2);
    expect(daysBetween('2026-12-02', '2026-11-30')).toBe(-2);
  });

  it('does not count the days of a 補正: one pause, several, and an open one (法83-1 ただし書)', () => {
    const one = due({ pauses: [{ askedOn: '2026-11-05', answeredOn: '2026-11-10' }] });
    expect(one.dueOn).toBe('2026-12-07');
    expect(one.pausedDays).toBe(5);
    expect(one.steps.map((s) => s.label)).toContain('補正期間（不算入）5日');
    const two = due({
      pauses: [
        { askedOn: '2026-11-05', answeredOn: '2026-11-10' },
        { askedOn: '2026-11-20', answeredOn: '2026-11-23' },
      ],
    });
    expect(two.dueOn).toBe('2026-12-10');
    expect(pausedDays([{ askedOn: '2026-11-20', answeredOn: '2026-11-20' }])).toBe(0);
    const open = due({ pauses: [{ askedOn: '2026-11-05', answeredOn: null }] });
    expect(open.dueOn).toBeNull();
    expect(open.originalDueOn).toBeNull();
    expect(open.steps.map((s) => s.label)).toContain('補正中（期限停止）');
  });

  it('adds the extension to the period, the original date kept apart (法83-2)', () => {
    const d = due({ extendedDays: 30 });
    expect(d.originalDueOn).toBe('2026-12-02');
    expect(d.dueOn).toBe('2027-01-01');
    expect(d.steps.map((s) => s.label)).toEqual(
      expect.arrayContaining(['受付日', '起算日（初日不算入）', '期間 30日', '延長 30日', '決定期限']),
    );
  });

  it('replaces the period by the large case’s 60 days, pauses still not counted (法84)', () => {
    expect(due({ largeDays: 60 }).dueOn).toBe('2027-01-01');
    expect(due({ largeDays: 60, extendedDays: 30 }).dueOn).toBe('2027-01-01');
    expect(due({ largeDays: 60, pauses: [{ askedOn: '2026-11-05', answeredOn: '2026-11-08' }] }).dueOn).toBe(
      '2027-01-04',
    );
  });

  it('rolls a period ending on a weekend, a holiday or 年末年始 to the next working day', () => {
    expect(isBusinessDay('2026-11-30')).toBe(true); // Monday
    expect(rollToBusinessDay('2026-11-28')).toBe('2026-11-30'); // Saturday → Monday
    expect(rollToBusinessDay('2026-11-23')).toBe('2026-11-24'); // 勤労感謝の日 (Monday)
    expect(rollToBusinessDay('2026-12-29')).toBe('2027-01-04'); // 年末年始 to Monday 4 January
    expect(rollToBusinessDay('2027-01-02')).toBe('2027-01-04');
    expect(rollToBusinessDay('2026-05-03')).toBe('2026-05-07'); // 憲法記念日 … 振替休日 (6 May)
    // 2 November + 30 = 2 December (Wednesday): unchanged; with an extension, 1 January → 4 January.
    const rolled = due({ rollToBusinessDay: true, extendedDays: 30 });
    expect(rolled.originalDueOn).toBe('2026-12-02');
    expect(rolled.dueOn).toBe('2027-01-04');
    expect(rolled.steps.map((s) => s.label)).toContain('閉庁日のため翌開庁日');
    expect(due({ receivedOn: '2026-10-29', rollToBusinessDay: true }).dueOn).toBe('2026-11-30'); // Sat 28 → Mon 30
    expect(due({ receivedOn: '2026-10-29' }).dueOn).toBe('2026-11-28');
  });

  it('gives 90 days after disclosure for correction and suspension (法90-3, 法98-3)', () => {
    expect(remedyUntil('2026-09-01', 90, plain)).toBe('2026-11-30');
    expect(remedyUntil('2026-09-01', 90, { ...plain, firstDayCounted: true })).toBe('2026-11-29');
    // Ending on Sunday 29 November 2026 → Monday 30 November.
    expect(remedyUntil('2026-08-31', 90, { ...plain, rollToBusinessDay: true })).toBe('2026-11-30');
  });

  it('gives 30 days after the notice to choose the method (法87-3)', () => {
    expect(methodChoiceUntil('2026-11-30', 30, plain)).toBe('2026-12-30');
    expect(methodChoiceUntil('2026-11-30', 30, { ...plain, rollToBusinessDay: true })).toBe('2027-01-04');
    expect(deadline('2026-11-30', 1, plain)).toBe('2026-12-01');
  });
});
