/**
 * Deputies of the approval engine (issue 7 "a deputy can act when a manager is absent"; ADR 0008 §3):
 * the 保護管理者 names the section's 保護担当者 (A6-2) for a period; while it lasts the deputy sees and
 * decides the section's requests, each decision recording both names; before or after the period, or
 * once revoked, the deputy cannot; staff cannot name deputies; a deputy never decides the manager's own
 * request. SQLite and PostgreSQL, with a clock the test moves.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Services } from '../../server/app.ts';
import type { DeputyInput } from '../../shared/api/approvals.ts';
import type { Ctx } from '../../server/platform/context.ts';
import { databases } from '../support/databases.ts';
import { buildHandlingOrg, type HandlingOrg } from '../support/handling-fixture.ts';
import { testServices } from '../support/test-services.ts';
import { MutableClock } from './support/mutable-clock.ts';

const days = (clock: MutableClock, n: number) => clock.advanceMinutes(n * 24 * 60);

describe.each(databases)('deputies of the approval engine on %s (issue 7, ADR 0008 §3)', (kind) => {
  let services: Services;
  let o: HandlingOrg;
  let clock: MutableClock;
  beforeEach(async () => {
    clock = new MutableClock(); // Monday 2026-11-30, 09:30 in Tokyo
    services = await testServices(kind, { clock });
    o = await buildHandlingOrg(services);
    // 鈴木 is the 教務係's 保護担当者 (A6-2), named by its 保護管理者.
    await o.appoint('tokyoKyomuHead', 'protection_officer', 'tokyoKyomuStaff2', {
      sectionId: o.sections.tokyoKyomu,
    });
  });
  afterEach(() => services.database.close());

  const submit = (ctx: Ctx) =>
    services.approvals.approvals.submit(ctx, {
      kind: 'export',
      unitId: o.units.tokyo,
      sectionId: o.sections.tokyoKyomu,
      fileId: o.tokyoFile,
      reason: '保護者会の資料作成のため',
      level: 'protection_manager',
    });
  const naming = (over: Partial<DeputyInput> = {}): DeputyInput => ({
    deputyId: o.people.tokyoKyomuStaff2,
    level: 'protection_manager',
    unitId: o.units.tokyo,
    sectionId: o.sections.tokyoKyomu,
    validFrom: '2026-11-30',
    validUntil: '2026-12-04',
    reason: '保護管理者の出張のため',
    ...over,
  });
  const approve = (ctx: Ctx, id: string, revision = 1) =>
    services.approvals.approvals.decide(ctx, id, { decision: 'approve', comment: '', revision });

  it('lets the named deputy see and decide for the period, recording whom they acted for', async () => {
    const { approvals, deputies } = services.approvals;
    const manager = await o.as('tokyoKyomuHead');
    const named = await deputies.create(manager, naming());
    expect(named).toMatchObject({ deputyName: '鈴木 美咲', inForce: true, scopeName: '東京 教務係' });
    const deputy = await o.as('tokyoKyomuStaff2');
    expect((await deputies.list(deputy)).deputies.map((d) => d.id)).toEqual([named.id]);

    const req = await submit(o.staff);
    expect((await approvals.list(deputy, { box: 'to_decide' })).requests.map((r) => r.id)).toEqual([req.id]);
    expect((await approvals.counts(deputy)).toDecide).toBe(1);
    expect((await approvals.get(deputy, req.id)).canDecide).toBe(true);
    expect((await services.approvals.notifications.list(deputy)).map((n) => n.kind)).toEqual([
      'approval.submitted',
    ]);

    const decided = await approve(deputy, req.id);
    expect(decided).toMatchObject({
      status: 'approved',
      decidedBy: o.people.tokyoKyomuStaff2,
      decidedByName: '鈴木 美咲',
      actingFor: o.people.tokyoKyomuHead,
    });
    expect(decided.events!.at(-1)).toMatchObject({
      action: 'approved',
      actorName: '鈴木 美咲',
      actingFor: o.people.tokyoKyomuHead,
      actingForName: '佐藤 花子',
    });
    const [entry] = await services.ledger.list(services.database.db, { type: 'approval.approved', limit: 1 });
    expect(entry).toMatchObject({ actorId: o.people.tokyoKyomuStaff2, subjectId: req.id });
    expect(entry!.payload).toMatchObject({ deputy: true, actingFor: o.people.tokyoKyomuHead });
    // The requester can use the deputy's approval as any other.
    await expect(
      approvals.requireApproved(o.staff, req.id, { kind: 'export', fileId: o.tokyoFile }),
    ).resolves.toMatchObject({ status: 'approved' });
  });

  it('refuses a deputy before and after the period and once revoked', async () => {
    const { approvals, deputies } = services.approvals;
    const manager = await o.as('tokyoKyomuHead');
    const deputy = await o.as('tokyoKyomuStaff2');

    // Named from next week: not yet.
    const later = await deputies.create(
      manager,
      naming({ validFrom: '2026-12-07', validUntil: '2026-12-11' }),
    );
    expect(later.inForce).toBe(false);
    const early = await submit(o.staff);
    expect((await approvals.list(deputy, { box: 'to_decide' })).requests).toEqual([]);
    await expect(approve(deputy, early.id)).rejects.toMatchObject({ code: 'approval.not_found' });

    // In the period: yes (the request stays open: undecided requests last 14 days).
    days(clock, 7);
    const inPeriod = await o.as('tokyoKyomuStaff2');
    expect((await approvals.list(inPeriod, { box: 'to_decide' })).requests.map((r) => r.id)).toEqual([
      early.id,
    ]);
    const during = await submit(o.staff);

    // After the period: the deputy was told of `during`, sees it, but may not decide it.
    days(clock, 5); // 2026-12-12
    const after = await o.as('tokyoKyomuStaff2');
    expect((await approvals.get(after, during.id)).canDecide).toBe(false);
    expect((await approvals.list(after, { box: 'to_decide' })).requests).toEqual([]);
    await expect(approve(after, during.id)).rejects.toMatchObject({
      code: 'approval.not_decider',
      status: 403,
    });

    // Named again, then revoked: refused at once; revoking twice changes nothing.
    const again = await deputies.create(
      manager,
      naming({ validFrom: '2026-12-12', validUntil: '2026-12-20' }),
    );
    expect((await approvals.get(after, during.id)).canDecide).toBe(true);
    await expect(deputies.revoke(o.staff, again.id)).rejects.toMatchObject({
      code: 'auth.forbidden',
      status: 403,
    });
    const revoked = await deputies.revoke(manager, again.id);
    expect(revoked).toMatchObject({ inForce: false });
    expect(revoked.revokedAt).not.toBeNull();
    await expect(approve(after, during.id)).rejects.toMatchObject({ code: 'approval.not_decider' });
    await deputies.revoke(manager, again.id);
    const audited = await services.ledger.count(services.database.db, { type: 'approval.deputy_revoked' });
    expect(audited).toBe(1);
    expect(await services.ledger.count(services.database.db, { type: 'approval.deputy_named' })).toBe(2);
    // The manager still decides.
    expect((await approve(manager, during.id)).status).toBe('approved');
  });

  it('lets only managers name deputies, in their own scope, for a valid period, not themselves', async () => {
    const { deputies } = services.approvals;
    const manager = await o.as('tokyoKyomuHead');
    await expect(deputies.create(o.staff, naming())).rejects.toMatchObject({
      code: 'auth.forbidden',
      status: 403,
    });
    // Another section, or the 総括保護管理者's level: not the 保護管理者's to name.
    await expect(
      deputies.create(manager, naming({ sectionId: o.sections.tokyoTosho })),
    ).rejects.toMatchObject({
      code: 'auth.forbidden',
    });
    await expect(
      deputies.create(manager, naming({ level: 'chief_protection_manager', sectionId: null })),
    ).rejects.toMatchObject({ code: 'auth.forbidden' });
    for (const bad of [
      naming({ validFrom: '2026-12-05', validUntil: '2026-12-01' }),
      naming({ deputyId: o.people.tokyoKyomuHead }),
      naming({ deputyId: o.people.tokyoRetired }),
    ])
      await expect(deputies.create(manager, bad)).rejects.toMatchObject({
        code: 'approval.deputy_invalid',
        status: 400,
      });
    // The 総括保護管理者 names deputies for the unit (A5): at the 保護管理者's level only for a section.
    const chief = await o.as('tokyoPrincipal');
    await expect(deputies.create(chief, naming({ sectionId: null }))).rejects.toMatchObject({
      code: 'approval.deputy_invalid',
    });
    const named = await deputies.create(
      chief,
      naming({ deputyId: o.people.tokyoToshoHead, level: 'chief_protection_manager', sectionId: null }),
    );
    expect(named.scopeName).toBe('東京');
    const high = await services.approvals.approvals.submit(o.staff, {
      kind: 'out_of_purpose',
      unitId: o.units.tokyo,
      sectionId: o.sections.tokyoKyomu,
      fileId: o.tokyoFile,
      reason: '調査への協力のため',
      level: 'chief_protection_manager',
    });
    const decided = await approve(await o.as('tokyoToshoHead'), high.id);
    expect(decided).toMatchObject({ status: 'approved', actingFor: o.people.tokyoPrincipal });
    expect((await deputies.list(o.staff)).deputies).toEqual([]);
  });

  it('never lets a deputy decide the request of the manager who named them', async () => {
    const { approvals, deputies } = services.approvals;
    const manager = await o.as('tokyoKyomuHead');
    await deputies.create(manager, naming());
    const own = await submit(manager);
    // Nobody but the manager at the section: it goes to the 総括保護管理者, not to the deputy.
    expect(own.level).toBe('chief_protection_manager');
    const deputy = await o.as('tokyoKyomuStaff2');
    expect((await approvals.list(deputy, { box: 'to_decide' })).requests).toEqual([]);
    await expect(approve(deputy, own.id)).rejects.toMatchObject({ code: 'approval.not_found' });
    expect((await approve(await o.as('tokyoPrincipal'), own.id)).status).toBe('approved');
  });
});
