/**
 * Individuals' requests over HTTP — the periods (issue 12; law-2022.md 法77-3, 法83, 法84, 法90-3):
 * 補正 stops the clock and moves the due date by the days it stood still, the extension once with
 * its reason before the due date, the large case for disclosure only, correction within 90 days of
 * the disclosure carried out. The clock stands at 2026-11-30 09:30 (Tokyo). SQLite and PostgreSQL.
 * Every person is fictional.
 */
import { describe, expect, it } from 'vitest';
import type { PeriodsView, RequestView } from '../../shared/api/requests.ts';
import { databases } from '../support/databases.ts';
import { bodyOf } from '../support/provision-fixture.ts';
import { MISSING_ID } from './authz-matrix.kit.ts';
import { requestsHarness } from './requests-fixture.ts';
import { expectProblem } from './support/expect-problem.ts';

const base = '/api/requests';

describe.each(databases)('requests: the periods over HTTP (法83, 法84, 法90-3) on %s', (kind) => {
  it('stops the clock for a 補正 and moves the due date by the days it stood still (法77-3, 法83-1)', async () => {
    const h = await requestsHarness(kind);
    const { c } = h;
    const r = await h.receive({ receivedOn: '2026-11-20' });
    expect(r.dueOn).toBe('2026-12-20');
    const url = `${base}/${r.id}`;
    expectProblem(
      await c.manager.post(`${url}/pauses`, { askedOn: '2026-11-19', reason: '対象の特定' }),
      400,
      'requests.date_before_receipt',
    );
    const paused = bodyOf<RequestView>(
      await c.manager.post(`${url}/pauses`, { askedOn: '2026-11-24', reason: '請求する情報の特定が不十分' }),
      201,
    );
    expect(paused).toMatchObject({ status: 'correcting', paused: true, dueOn: null, daysLeft: null });
    expect(paused.pauses).toEqual([
      expect.objectContaining({ askedOn: '2026-11-24', answeredOn: null, days: 6 }),
    ]);
    expect(paused.can.extend).toBe(false);
    expectProblem(
      await c.manager.post(`${url}/pauses`, { askedOn: '2026-11-25', reason: '再度' }),
      409,
      'requests.pause_open',
    );
    expectProblem(
      await c.manager.post(`${url}/extension`, {
        days: 30,
        reason: '事務処理上の困難',
        notifiedOn: '2026-11-30',
      }),
      409,
      'requests.extension_while_paused',
    );
    const pauseId = paused.pauses[0]!.id;
    expectProblem(
      await c.manager.post(`${url}/pauses/${pauseId}/answer`, { answeredOn: '2026-11-23' }),
      400,
      'requests.answer_before_asked',
    );
    expectProblem(
      await c.manager.post(`${url}/pauses/${MISSING_ID}/answer`, { answeredOn: '2026-11-28' }),
      404,
      'requests.pause_not_found',
    );
    const answered = bodyOf<RequestView>(
      await c.manager.post(`${url}/pauses/${pauseId}/answer`, { answeredOn: '2026-11-28' }),
    );
    expect(answered).toMatchObject({ status: 'received', paused: false, dueOn: '2026-12-24' });
    expectProblem(
      await c.manager.post(`${url}/pauses/${pauseId}/answer`, { answeredOn: '2026-11-29' }),
      409,
      'requests.pause_answered',
    );
    // A second 補正: the days add up.
    const again = bodyOf<RequestView>(
      await c.manager.post(`${url}/pauses`, { askedOn: '2026-11-29', reason: '手数料の納付' }),
      201,
    );
    const second = again.pauses.find((p) => !p.answeredOn)!;
    const done = bodyOf<RequestView>(
      await c.manager.post(`${url}/pauses/${second.id}/answer`, { answeredOn: '2026-11-30' }),
    );
    expect(done.dueOn).toBe('2026-12-25');
    const periods = bodyOf<PeriodsView>(await c.auditor.get(`${url}/periods`));
    expect(periods).toMatchObject({ pausedDays: 5, dueOn: '2026-12-25', daysLeft: 25 });
    expect(periods.steps.map((s) => s.label)).toEqual(
      expect.arrayContaining(['補正期間（不算入）4日', '補正期間（不算入）1日', '決定期限']),
    );
    expect((await h.audit('requests.paused', r.id)).length).toBe(2);
    expect((await h.audit('requests.pause_answered', r.id)).map((e) => e.payload?.days).sort()).toEqual([
      1, 4,
    ]);
  });

  it('extends once with the reason before the due date, and applies the large case to disclosure (法83-2, 法84)', async () => {
    const h = await requestsHarness(kind);
    const { c } = h;
    const r = await h.receive({ receivedOn: '2026-11-02' });
    const url = `${base}/${r.id}`;
    const ext = {
      days: 30,
      reason: '対象となる記録が複数の課にわたり、確認に時間を要するため',
      notifiedOn: '2026-11-30',
    };
    expectProblem(await c.manager.post(`${url}/extension`, { ...ext, reason: ' ' }), 400, 'request.invalid');
    expectProblem(
      await c.manager.post(`${url}/extension`, { ...ext, days: 31 }),
      400,
      'requests.extension_too_long',
    );
    expectProblem(
      await c.manager.post(`${url}/extension`, { ...ext, notifiedOn: '2026-12-01' }),
      400,
      'requests.date_in_future',
    );
    const extended = bodyOf<RequestView>(await c.manager.post(`${url}/extension`, ext));
    expect(extended).toMatchObject({
      extended: true,
      dueOn: '2027-01-01',
      extension: { days: 30, reason: ext.reason, notifiedOn: '2026-11-30' },
    });
    expect(extended.periods.steps.map((s) => s.label)).toContain('延長 30日');
    expectProblem(await c.manager.post(`${url}/extension`, ext), 409, 'requests.extension_done');
    const [event] = await h.audit('requests.extended', r.id);
    expect(event?.payload).toMatchObject({ days: 30, originalDueOn: '2026-12-02', dueOn: '2027-01-01' });
    expect(JSON.stringify(event)).not.toContain(ext.reason);

    // After the original due date: refused (法83-2 is decided within the period).
    const late = await h.receive({ receivedOn: '2026-10-20' });
    expectProblem(
      await c.manager.post(`${base}/${late.id}/extension`, ext),
      400,
      'requests.extension_too_late',
    );
    expectProblem(
      await c.manager.post(`${base}/${late.id}/large`, {
        reason: '大量',
        restDueOn: '2027-03-31',
        notifiedOn: '2026-11-30',
      }),
      400,
      'requests.large_too_late',
    );

    // 法84: a part within 60 days of receipt, the rest by the date set.
    const big = await h.receive({ receivedOn: '2026-11-16' });
    const bigUrl = `${base}/${big.id}`;
    const largeBody = {
      reason: '対象が10年分の記録で著しく大量であるため',
      restDueOn: '2027-03-31',
      notifiedOn: '2026-11-30',
    };
    expectProblem(
      await c.manager.post(`${bigUrl}/large`, { ...largeBody, restDueOn: '2027-01-15' }),
      400,
      'requests.large_rest_before_due',
    );
    const large = bodyOf<RequestView>(await c.manager.post(`${bigUrl}/large`, largeBody));
    expect(large).toMatchObject({
      large: true,
      dueOn: '2027-01-15',
      largeCase: { reason: largeBody.reason, restDueOn: '2027-03-31' },
    });
    expect(large.periods).toMatchObject({ baseDays: 60, restDueOn: '2027-03-31' });
    expectProblem(await c.manager.post(`${bigUrl}/large`, largeBody), 409, 'requests.large_done');
    expectProblem(await c.manager.post(`${bigUrl}/extension`, ext), 409, 'requests.extension_large');
  });

  it('takes correction within 90 days of the disclosure carried out, free of charge (法90-3, 法89)', async () => {
    const h = await requestsHarness(kind);
    const { c } = h;
    const old = await h.receive({ receivedOn: '2026-06-01' });
    const recent = await h.receive({ receivedOn: '2026-09-01' });
    const correction = (parentId: string) =>
      h.body({ kind: 'correction', parentId, feeMethod: 'none', content: '住所の記録が誤っている' });
    // Not carried out yet: no correction.
    expectProblem(await c.manager.post(base, correction(recent.id)), 400, 'requests.parent_invalid');
    expect(
      await h.move(old.id, ['received'], {
        status: 'carried_out',
        decision: 'full',
        decided_on: '2026-06-20',
        carried_out_on: '2026-07-01',
      }),
    ).toBe(true);
    expect(
      await h.move(recent.id, ['received'], {
        status: 'carried_out',
        decision: 'full',
        decided_on: '2026-09-20',
        carried_out_on: '2026-10-01',
      }),
    ).toBe(true);
    expect(await h.move(recent.id, ['received'], { status: 'closed' })).toBe(false);
    expectProblem(await c.manager.post(base, correction(old.id)), 400, 'requests.remedy_window_passed');
    expectProblem(
      await c.manager.post(base, { ...correction(recent.id), kind: 'disclosure' }),
      400,
      'requests.parent_not_allowed',
    );
    const fix = bodyOf<RequestView>(
      await c.manager.post(base, { ...correction(recent.id), feeMethod: 'cash' }),
      201,
    );
    expect(fix).toMatchObject({
      kind: 'correction',
      parentId: recent.id,
      parentNumber: recent.number,
      feeYen: 0,
      feeMethod: 'none',
      feePaidOn: null,
      dueOn: '2026-12-27',
    });
    expect(bodyOf<RequestView>(await c.manager.get(`${base}/${recent.id}`))).toMatchObject({
      children: [{ id: fix.id, number: fix.number, kind: 'correction', status: 'received' }],
      periods: { remedyUntil: '2026-12-30' },
    });
    expectProblem(
      await c.manager.post(`${base}/${fix.id}/large`, {
        reason: '大量',
        restDueOn: '2027-03-31',
        notifiedOn: '2026-11-30',
      }),
      400,
      'requests.large_not_disclosure',
    );
    expectProblem(
      await c.manager.post(`${base}/${fix.id}/fee`, { method: 'cash', paidOn: '2026-11-30' }),
      400,
      'requests.fee_not_due',
    );
  });
});
