/**
 * The periods of one request as its overview shows them (PeriodsView; law-2022.md 法83, 法84,
 * 法87-3, 法90-3): the large case's 60 days and the date for the rest, the method choice after the
 * notice, the last day for correction and suspension after the disclosure, open 補正 days counted
 * up to today.
 */
import { describe, expect, it } from 'vitest';
import type { RequestsConfig } from '../../../platform/config.ts';
import { periodsOf } from './requests.periods.ts';

const config: RequestsConfig = {
  disclosureDays: 30,
  extensionDays: 30,
  largeDays: 60,
  remedyWindowDays: 90,
  remedyDays: 30,
  methodChoiceDays: 30,
  firstDayCounted: false,
  rollToBusinessDay: false,
  feeYen: 300,
  remindDays: 7,
};
const row = {
  kind: 'disclosure',
  status: 'received',
  received_on: '2026-11-02',
  base_days: 30,
  extended_days: null,
  large: 0,
  large_rest_due_on: null,
  notice_sent_on: null,
  carried_out_on: null,
};

describe('the periods of a request (PeriodsView)', () => {
  it('counts days left, and open 補正 days up to today with no due date', () => {
    expect(periodsOf(config, row, [], '2026-11-30')).toMatchObject({ dueOn: '2026-12-02', daysLeft: 2 });
    const paused = periodsOf(
      config,
      { ...row, status: 'correcting' },
      [{ asked_on: '2026-11-20', answered_on: null }],
      '2026-11-30',
    );
    expect(paused).toMatchObject({ dueOn: null, daysLeft: null, pausedDays: 10 });
  });

  it('shows the large case with the date for the rest (法84)', () => {
    const p = periodsOf(
      config,
      { ...row, large: 1, large_rest_due_on: '2027-03-31', extended_days: 30 },
      [],
      '2026-11-30',
    );
    expect(p).toMatchObject({ baseDays: 60, extendedDays: 0, dueOn: '2027-01-01', restDueOn: '2027-03-31' });
    expect(p.steps.map((s) => s.label)).toContain('残りの部分の決定期限（法84）');
  });

  it('gives the method choice after the notice and the remedy window after disclosure (法87-3, 法90-3)', () => {
    const decided = periodsOf(
      config,
      { ...row, status: 'decided', notice_sent_on: '2026-11-25' },
      [],
      '2026-11-30',
    );
    expect(decided).toMatchObject({ methodChoiceUntil: '2026-12-25', daysLeft: null, remedyUntil: null });
    const done = periodsOf(
      config,
      { ...row, status: 'carried_out', notice_sent_on: '2026-11-25', carried_out_on: '2026-11-30' },
      [],
      '2026-11-30',
    );
    expect(done.remedyUntil).toBe('2027-02-28');
    expect(
      periodsOf(config, { ...row, kind: 'correction', carried_out_on: '2026-11-30' }, [], '2026-11-30')
        .remedyUntil,
    ).toBeNull();
  });
});
