/**
 * Expiry of requests and approvals (issue 7 "approvals expire"; ADR 0008 §5): a request undecided for
 * 14 days and an approval unused past its kind's days become 'expired' when the job runs; the
 * requester is told; the approval can no longer allow an act, even before the job has run. SQLite and
 * PostgreSQL, with a clock the test moves.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Services } from '../../server/app.ts';
import { systemCtx } from '../../server/platform/context.ts';
import { databases } from '../support/databases.ts';
import { buildHandlingOrg, type HandlingOrg } from '../support/handling-fixture.ts';
import { testServices } from '../support/test-services.ts';
import { MutableClock } from './support/mutable-clock.ts';

const days = (clock: MutableClock, n: number) => clock.advanceMinutes(n * 24 * 60);
const job = systemCtx('approvals-expiry');

describe.each(databases)('expiry of approvals on %s (issue 7, ADR 0008 §5)', (kind) => {
  let services: Services;
  let o: HandlingOrg;
  let clock: MutableClock;
  beforeEach(async () => {
    clock = new MutableClock();
    services = await testServices(kind, { clock });
    o = await buildHandlingOrg(services);
  });
  afterEach(() => services.database.close());

  const submit = (requestKind = 'export') =>
    services.approvals.approvals.submit(o.staff, {
      kind: requestKind,
      unitId: o.units.tokyo,
      sectionId: o.sections.tokyoKyomu,
      fileId: o.tokyoFile,
      reason: '進級判定資料の作成のため',
      level: 'protection_manager',
    });

  it('expires a request undecided for 14 days and an approval unused past its days; the requester is told', async () => {
    const { approvals, notifications } = services.approvals;
    const closed: string[] = [];
    approvals.defineKind('test_expiry', {
      useDays: 3,
      onClosed: (_tx, _ctx, req) => {
        closed.push(`${req.number} ${req.status}`);
        return Promise.resolve();
      },
    });
    const undecided = await submit();
    const approved = await submit('test_expiry');
    await o.approve(approved.id);
    const expectUse = { kind: 'test_expiry', fileId: o.tokyoFile };
    await expect(approvals.requireApproved(o.staff, approved.id, expectUse)).resolves.toBeTruthy();

    // Three days on the approval is past its days: refused at once, even before the job runs.
    days(clock, 3);
    await expect(approvals.requireApproved(o.staff, approved.id, expectUse)).rejects.toMatchObject({
      code: 'approval.not_approved',
    });
    expect(await approvals.expireDue(job)).toBe(1);
    expect((await approvals.get(o.staff, approved.id)).status).toBe('expired');
    expect(closed).toEqual([`${approved.number} expired`]);
    expect((await approvals.get(o.staff, undecided.id)).status).toBe('submitted');

    // Thirteen days: still open; fourteen: expired, and out of the manager's box.
    days(clock, 10);
    expect(await approvals.expireDue(job)).toBe(0);
    days(clock, 1);
    expect(await approvals.expireDue(job)).toBe(1);
    const expired = await approvals.get(o.staff, undecided.id);
    expect(expired).toMatchObject({ status: 'expired', canWithdraw: false });
    expect(expired.events!.at(-1)).toMatchObject({ action: 'expired', actorId: null });
    const manager = await o.as('tokyoKyomuHead');
    expect((await approvals.list(manager, { box: 'to_decide' })).requests).toEqual([]);
    await expect(
      approvals.decide(manager, undecided.id, { decision: 'approve', comment: '', revision: 1 }),
    ).rejects.toMatchObject({ code: 'approval.not_open' });
    await expect(approvals.requireApproved(o.staff, approved.id, expectUse)).rejects.toMatchObject({
      code: 'approval.not_approved',
    });

    // Told in the app; each expiry is an audit event of the job; running again changes nothing.
    const told = (await notifications.list(o.staff)).filter((n) => n.kind === 'approval.expired');
    expect(told.map((n) => n.number).sort()).toEqual([undecided.number, approved.number].sort());
    const entries = await services.ledger.list(services.database.db, { type: 'approval.expired' });
    expect(entries).toHaveLength(2);
    expect(entries.map((e) => e.payload!.from).sort()).toEqual(['approved', 'submitted']);
    expect(await approvals.expireDue(job)).toBe(0);
  });

  it('expires a request sent back and never answered; a done one never expires', async () => {
    const { approvals } = services.approvals;
    const back = await submit();
    await o.decide('tokyoKyomuHead', back.id, 'send_back', '期間を明記してください');
    const used = await submit();
    await o.approve(used.id);
    const row = await approvals.requireApproved(o.staff, used.id, { kind: 'export', fileId: o.tokyoFile });
    await services.database.transaction((tx) => approvals.complete(tx, o.staff, row, {}));
    days(clock, 15);
    expect(await approvals.expireDue(job)).toBe(1);
    expect((await approvals.get(o.staff, back.id)).status).toBe('expired');
    expect((await approvals.get(o.staff, used.id)).status).toBe('done');
    await expect(
      approvals.resubmit(o.staff, back.id, { reason: '期間は12月中', revision: 1 }),
    ).rejects.toMatchObject({ code: 'approval.not_sent_back' });
  });
});
