/**
 * The approval engine (issue 7, ADR 0008) as requesters, deciders and strangers meet it: routing by
 * appointment (A6 the section's 保護管理者, A5 the unit's 総括保護管理者), nobody deciding their own
 * request, approve / deny / send back with a comment, resubmission, withdrawal, the one-time use of an
 * approval by an act (A12), and every step an audit event of the verifiable log (A22) without the
 * reason or anyone's name. SQLite and PostgreSQL.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Services } from '../../server/app.ts';
import type { SubmitInput } from '../../server/modules/approvals/index.ts';
import type { Ctx } from '../../server/platform/context.ts';
import { databases } from '../support/databases.ts';
import { buildHandlingOrg, type HandlingOrg } from '../support/handling-fixture.ts';
import { testServices } from '../support/test-services.ts';

const REASON = '成績会議の資料作成のため（理由の本文）';

describe.each(databases)('the approval engine on %s (issue 7, ADR 0008)', (kind) => {
  let services: Services;
  let o: HandlingOrg;
  beforeEach(async () => {
    services = await testServices(kind);
    o = await buildHandlingOrg(services);
  });
  afterEach(() => services.database.close());

  const submit = (ctx: Ctx, over: Partial<SubmitInput> = {}) =>
    services.approvals.approvals.submit(ctx, {
      kind: 'export',
      unitId: o.units.tokyo,
      sectionId: o.sections.tokyoKyomu,
      fileId: o.tokyoFile,
      reason: REASON,
      level: 'protection_manager',
      ...over,
    });
  const toDecide = async (ctx: Ctx) =>
    (await services.approvals.approvals.list(ctx, { box: 'to_decide' })).requests.map((r) => r.id);
  const requestCount = async () =>
    Number(
      (
        await services.database.db
          .selectFrom('approval_requests')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('routes a request to the section’s 保護管理者, who approves it; the requester is told', async () => {
    const { approvals, notifications } = services.approvals;
    const req = await submit(o.staff);
    expect(req.number).toBe('R2026-000001');
    const manager = await o.as('tokyoKyomuHead');
    expect(await toDecide(manager)).toEqual([req.id]);
    await expect(
      approvals.decide(o.staff, req.id, { decision: 'approve', comment: '', revision: 1 }),
    ).rejects.toMatchObject({ code: 'approval.own_request', status: 403 });
    const decided = await o.approve(req.id);
    expect(decided.status).toBe('approved');
    expect(decided.decidedBy).toBe(o.people.tokyoKyomuHead);
    expect(decided.actingFor).toBeNull();
    expect((await notifications.list(o.staff)).map((n) => n.kind)).toEqual(['approval.approved']);
    expect((await approvals.counts(manager)).toDecide).toBe(0);
    expect((await approvals.counts(o.staff)).approved).toBe(1);
  });

  it('routes by appointment (A5, A6): the section’s 保護管理者, not another section’s; the 総括保護管理者 at their level; escalates a manager’s own request; refuses with nobody appointed', async () => {
    const { approvals } = services.approvals;
    // Another section's 保護管理者 (東京 図書係) neither sees nor decides 教務係's request.
    await o.appoint('tokyoPrincipal', 'protection_manager', 'tokyoToshoHead', {
      sectionId: o.sections.tokyoTosho,
    });
    const other = await o.as('tokyoToshoHead');
    const manager = await o.as('tokyoKyomuHead');
    const chief = await o.as('tokyoPrincipal');

    const plain = await submit(o.staff);
    expect(plain.level).toBe('protection_manager');
    expect(await toDecide(manager)).toEqual([plain.id]);
    expect((await approvals.counts(manager)).toDecide).toBe(1);
    expect(await toDecide(other)).toEqual([]);
    expect((await approvals.counts(other)).toDecide).toBe(0);
    expect(await toDecide(chief)).toEqual([]);
    await expect(approvals.get(other, plain.id)).rejects.toMatchObject({ code: 'approval.not_found' });
    expect((await approvals.list(other, { box: 'all' })).requests).toEqual([]);

    // A 'chief_protection_manager' level goes to the unit's 総括保護管理者 only.
    const high = await submit(o.staff, { kind: 'out_of_purpose', level: 'chief_protection_manager' });
    expect(await toDecide(chief)).toEqual([high.id]);
    expect((await approvals.counts(chief)).toDecide).toBe(1);
    expect(await toDecide(manager)).toEqual([plain.id]);

    // The 保護管理者's own request: nobody else at the section, so it goes up to the 総括保護管理者.
    const own = await submit(manager);
    expect(own.level).toBe('chief_protection_manager');
    expect(await toDecide(manager)).toEqual([plain.id]);
    expect(new Set(await toDecide(chief))).toEqual(new Set([high.id, own.id]));
    expect((await o.decide('tokyoPrincipal', own.id, 'approve')).status).toBe('approved');

    // 長岡 has neither a 保護管理者 nor a 総括保護管理者: the request is refused and nothing is written.
    const before = await requestCount();
    await expect(
      submit(await o.as('nagaokaStaff'), { unitId: o.units.nagaoka, sectionId: o.sections.nagaokaKyomu }),
    ).rejects.toMatchObject({ code: 'approval.no_approver', status: 409 });
    // Nor can the only 総括保護管理者 ask themself.
    await expect(submit(chief, { level: 'chief_protection_manager' })).rejects.toMatchObject({
      code: 'approval.no_approver',
    });
    expect(await requestCount()).toBe(before);
  });

  it('lets nobody decide their own request; strangers get 404, onlookers approval.not_decider, and each refusal is logged', async () => {
    const { approvals } = services.approvals;
    const denials = () => services.ledger.count(services.database.db, { type: 'authz.denied' });
    const req = await submit(o.staff);
    const first = await denials();
    await expect(
      approvals.decide(o.staff, req.id, { decision: 'approve', comment: '', revision: 1 }),
    ).rejects.toMatchObject({ code: 'approval.own_request', status: 403 });
    // A try at approving one's own request is logged as a refusal.
    expect(await denials()).toBe(first + 1);
    const [own] = await services.ledger.list(services.database.db, { type: 'authz.denied', limit: 1 });
    expect(own).toMatchObject({ actorId: o.people.tokyoKyomuStaff1, subjectId: req.id });
    expect(own!.payload).toMatchObject({ action: 'decide', code: 'approval.own_request' });

    // A colleague without a role cannot even see it.
    const colleague = await o.as('tokyoKyomuStaff2');
    await expect(approvals.get(colleague, req.id)).rejects.toMatchObject({
      code: 'approval.not_found',
      status: 404,
    });
    await expect(
      approvals.decide(colleague, req.id, { decision: 'approve', comment: '', revision: 1 }),
    ).rejects.toMatchObject({ code: 'approval.not_found', status: 404 });

    // The 監査責任者 and the 総括保護管理者 see it (A8, A5) but do not decide a 保護管理者's request.
    await o.appoint('president', 'audit_officer', 'auditor');
    for (const key of ['auditor', 'tokyoPrincipal'] as const) {
      const onlooker = await o.as(key);
      const seen = await approvals.get(onlooker, req.id);
      expect(seen.canDecide).toBe(false);
      const denied = () => services.ledger.count(services.database.db, { type: 'authz.denied' });
      const before = await denied();
      await expect(
        approvals.decide(onlooker, req.id, { decision: 'approve', comment: '', revision: 1 }),
      ).rejects.toMatchObject({ code: 'approval.not_decider', status: 403 });
      expect(await denied()).toBe(before + 1);
      const [entry] = await services.ledger.list(services.database.db, { type: 'authz.denied', limit: 1 });
      expect(entry).toMatchObject({ actorId: o.people[key], subjectId: req.id, outcome: 'denied' });
      expect(entry!.payload).toMatchObject({ code: 'approval.not_decider' });
    }
    expect((await approvals.get(o.staff, req.id)).status).toBe('submitted');
    // The 'all' box of a 総括保護管理者 is their unit's, of the 監査責任者 everyone's, of staff nothing.
    expect((await approvals.list(await o.as('auditor'), { box: 'all' })).requests).toHaveLength(1);
    expect((await approvals.list(o.staff, { box: 'all' })).requests).toHaveLength(0);
    expect((await approvals.list(o.staff, { box: 'mine' })).requests.map((r) => r.id)).toEqual([req.id]);
  });

  it('approves, denies and sends back with a comment; refuses stale and decided requests; resubmits as a new revision; withdraws by the requester only', async () => {
    const { approvals, notifications } = services.approvals;
    const manager = await o.as('tokyoKyomuHead');

    // Deny and send back need a comment; a stale revision is refused.
    const first = await submit(o.staff);
    for (const decision of ['deny', 'send_back'] as const)
      await expect(
        approvals.decide(manager, first.id, { decision, comment: '  ', revision: 1 }),
      ).rejects.toMatchObject({ code: 'approval.comment_required', status: 400 });
    await expect(
      approvals.decide(manager, first.id, { decision: 'approve', comment: '', revision: 2 }),
    ).rejects.toMatchObject({ code: 'approval.stale', status: 409 });

    // Sent back: the requester sees it with the comment, may resubmit (only they), as revision 2.
    const back = await o.decide('tokyoKyomuHead', first.id, 'send_back', '対象の学生を絞ってください');
    expect(back).toMatchObject({ status: 'sent_back', decisionComment: '対象の学生を絞ってください' });
    expect((await approvals.get(o.staff, first.id)).canResubmit).toBe(true);
    expect((await approvals.counts(o.staff)).sentBack).toBe(1);
    expect(await toDecide(manager)).toEqual([]);
    await expect(
      approvals.decide(manager, first.id, { decision: 'approve', comment: '', revision: 1 }),
    ).rejects.toMatchObject({ code: 'approval.not_open', status: 409 });
    await expect(
      approvals.resubmit(manager, first.id, { reason: '別の理由', revision: 1 }),
    ).rejects.toMatchObject({ code: 'approval.not_requester', status: 403 });
    await expect(
      approvals.resubmit(await o.as('tokyoKyomuStaff2'), first.id, { reason: '別の理由', revision: 1 }),
    ).rejects.toMatchObject({ code: 'approval.not_found' });
    await expect(
      approvals.resubmit(o.staff, first.id, { reason: '情報工学科3年に限る', revision: 2 }),
    ).rejects.toMatchObject({ code: 'approval.stale' });
    const again = await approvals.resubmit(o.staff, first.id, { reason: '情報工学科3年に限る', revision: 1 });
    expect(again).toMatchObject({ status: 'submitted', revision: 2, reason: '情報工学科3年に限る' });
    await expect(
      approvals.resubmit(o.staff, first.id, { reason: 'もう一度', revision: 2 }),
    ).rejects.toMatchObject({ code: 'approval.not_sent_back', status: 409 });
    expect(await toDecide(manager)).toEqual([first.id]);
    expect((await notifications.list(manager)).map((n) => n.kind)).toEqual([
      'approval.resubmitted',
      'approval.submitted',
    ]);
    // The decider read revision 1: deciding on it now is refused; on revision 2 it lands.
    await expect(
      approvals.decide(manager, first.id, { decision: 'approve', comment: '', revision: 1 }),
    ).rejects.toMatchObject({ code: 'approval.stale' });
    const approved = await approvals.decide(manager, first.id, {
      decision: 'approve',
      comment: '',
      revision: 2,
    });
    expect(approved.status).toBe('approved');
    expect(approved.events!.map((e) => e.action)).toEqual([
      'submitted',
      'sent_back',
      'resubmitted',
      'approved',
    ]);
    expect(approved.events![1]).toMatchObject({
      actorId: o.people.tokyoKyomuHead,
      actorName: '佐藤 花子',
      comment: '対象の学生を絞ってください',
    });
    // A decided request cannot be decided again.
    await expect(
      approvals.decide(manager, first.id, { decision: 'deny', comment: '取消し', revision: 2 }),
    ).rejects.toMatchObject({ code: 'approval.not_open', status: 409 });

    // Denied with a reason: the requester is told, it cannot be withdrawn any more.
    const second = await submit(o.staff);
    const denied = await o.decide('tokyoKyomuHead', second.id, 'deny', '必要性が認められません');
    expect(denied).toMatchObject({ status: 'denied', decisionComment: '必要性が認められません' });
    expect((await notifications.list(o.staff))[0]!.kind).toBe('approval.denied');
    await expect(approvals.withdraw(o.staff, second.id)).rejects.toMatchObject({ code: 'approval.not_open' });

    // Withdrawal: the requester only; the manager who sees it is told it is not theirs, a stranger 404.
    const third = await submit(o.staff);
    await expect(approvals.withdraw(manager, third.id)).rejects.toMatchObject({
      code: 'approval.not_requester',
      status: 403,
    });
    await expect(approvals.withdraw(await o.as('tokyoToshoHead'), third.id)).rejects.toMatchObject({
      code: 'approval.not_found',
      status: 404,
    });
    const withdrawn = await approvals.withdraw(o.staff, third.id);
    expect(withdrawn).toMatchObject({ status: 'withdrawn', canWithdraw: false });
    expect(await toDecide(manager)).toEqual([]);
    expect((await notifications.list(manager))[0]!.kind).toBe('approval.withdrawn');
    await expect(approvals.withdraw(o.staff, third.id)).rejects.toMatchObject({ code: 'approval.not_open' });
    // The decided box holds what the manager decided.
    expect((await approvals.list(manager, { box: 'decided' })).requests.map((r) => r.status).sort()).toEqual([
      'approved',
      'denied',
    ]);
  });

  it('requireApproved gives an act only the caller’s approved, unused request of that kind and file (A12)', async () => {
    const { approvals } = services.approvals;
    const req = await submit(o.staff);
    const expect_ = { kind: 'export', fileId: o.tokyoFile };
    await expect(approvals.requireApproved(o.staff, req.id, expect_)).rejects.toMatchObject({
      code: 'approval.not_approved',
    });
    await o.approve(req.id);
    const row = await approvals.requireApproved(o.staff, req.id, expect_);
    expect(row.status).toBe('approved');

    // Another person's request, another kind, another file, a missing one.
    await expect(
      approvals.requireApproved(await o.as('tokyoKyomuStaff2'), req.id, expect_),
    ).rejects.toMatchObject({ code: 'approval.not_requester', status: 403 });
    await expect(
      approvals.requireApproved(o.staff, req.id, { kind: 'transmit', fileId: o.tokyoFile }),
    ).rejects.toMatchObject({ code: 'approval.mismatch', status: 409 });
    await expect(
      approvals.requireApproved(o.staff, req.id, { kind: 'export', fileId: o.nagaokaFile }),
    ).rejects.toMatchObject({ code: 'approval.mismatch' });
    await expect(
      approvals.requireApproved(o.staff, '00000000-0000-4000-8000-000000000000', expect_),
    ).rejects.toMatchObject({ code: 'approval.not_found', status: 404 });

    // Used once: complete() in the act's transaction marks it done; a second use is refused.
    await services.database.transaction((tx) => approvals.complete(tx, o.staff, row, { exportId: 'x1' }));
    expect((await approvals.get(o.staff, req.id)).status).toBe('done');
    expect((await approvals.get(o.staff, req.id)).doneAt).not.toBeNull();
    await expect(approvals.requireApproved(o.staff, req.id, expect_)).rejects.toMatchObject({
      code: 'approval.not_approved',
    });
    await expect(
      services.database.transaction((tx) => approvals.complete(tx, o.staff, row, {})),
    ).rejects.toMatchObject({ code: 'approval.not_approved' });
    await expect(approvals.withdraw(o.staff, req.id)).rejects.toMatchObject({ code: 'approval.not_open' });
  });

  it('writes every step as an audit event of the verifiable log, with the number and no reason, comment or name', async () => {
    const { approvals } = services.approvals;
    const req = await submit(o.staff);
    await o.decide('tokyoKyomuHead', req.id, 'send_back', '差戻しの理由の本文');
    await approvals.resubmit(o.staff, req.id, { reason: '再申請の理由の本文', revision: 1 });
    const approved = await o.approve(req.id);
    const row = await approvals.requireApproved(o.staff, req.id, { kind: 'export', fileId: o.tokyoFile });
    await services.database.transaction((tx) => approvals.complete(tx, o.staff, row, { rows: 10 }));
    const other = await submit(o.staff);
    await approvals.withdraw(o.staff, other.id);

    const db = services.database.db;
    const entries = (
      await services.ledger.list(db, { subjectType: 'ApprovalRequest', limit: 100 })
    ).reverse();
    const of = (id: string) => entries.filter((e) => e.subjectId === id);
    expect(of(req.id).map((e) => e.type)).toEqual([
      'approval.submitted',
      'approval.sent_back',
      'approval.resubmitted',
      'approval.approved',
      'approval.done',
    ]);
    expect(of(other.id).map((e) => e.type)).toEqual(['approval.submitted', 'approval.withdrawn']);
    for (const e of entries) {
      expect(e.payload).toMatchObject({ kind: 'export', fileId: o.tokyoFile });
      expect(e.payload!.number).toBe(e.subjectId === req.id ? req.number : other.number);
      expect(e).toMatchObject({ unitId: o.units.tokyo, sectionId: o.sections.tokyoKyomu, reason: null });
    }
    expect(of(req.id)[3]!.actorId).toBe(o.people.tokyoKyomuHead);
    expect(approved.status).toBe('approved');
    const text = JSON.stringify(entries.map((e) => e.payload));
    for (const secret of [REASON, '差戻しの理由の本文', '再申請の理由の本文', '清水', '佐藤', '高専 一郎'])
      expect(text).not.toContain(secret);

    // The log verifies with these entries in its tree.
    await services.ledger.sequence();
    const verified = await services.ledger.verify(db);
    expect(verified.ok).toBe(true);
    const placed = await services.ledger.list(db, { subjectId: req.id, limit: 10 });
    expect(placed.every((e) => e.leafIndex !== null)).toBe(true);
  });

  it('numbers requests one after another when many are submitted at once', async () => {
    const many = await Promise.all(Array.from({ length: 8 }, () => submit(o.staff)));
    const numbers = many.map((r) => r.number).sort();
    expect(numbers).toEqual(Array.from({ length: 8 }, (_, i) => `R2026-${String(i + 1).padStart(6, '0')}`));
  });
});
