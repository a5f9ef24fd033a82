/**
 * Subcontracting and the end of a contract over HTTP (issue 9; A19-3, A19-1(5)): a subcontractor
 * works only with the permission decided in the approval engine (kind `subcontract`), and the chain
 * of subcontractors is shown; the section's 保護担当者 or staff record the contractor's request and
 * the section's 保護管理者 permits it; a contract closes only once the erasure of the information or the
 * return of its media is confirmed. Every change is an audit event. SQLite and PostgreSQL.
 */
import { describe, expect, it } from 'vitest';
import type { ApprovalView } from '../../shared/api/approvals.ts';
import type { ContractView, SubcontractView } from '../../shared/api/provision-contracts.ts';
import { databases } from '../support/databases.ts';
import { bodyOf, provisionHarness, type ProvisionHarness } from '../support/provision-fixture.ts';
import { expectProblem } from './support/expect-problem.ts';

/** An active contract of 東京 教務係 stating the six clauses. */
async function activeContract(h: ProvisionHarness, over: Parameters<ProvisionHarness['contract']>[0] = {}) {
  const draft = await h.contract(over);
  await h.clauses(draft.id);
  return bodyOf<ContractView>(await h.c.manager.post(`/api/provision/contracts/${draft.id}/activate`));
}

const denials = (h: ProvisionHarness, id: string) => h.audit('authz.denied', id);

describe.each(databases)('provision: subcontracts and closing over HTTP on %s (A19-3, A19-1(5))', (kind) => {
  it('refuses a subcontractor without permission; once permitted it is in force and shown in the chain (A19-3)', async () => {
    const h = await provisionHarness(kind);
    const { c, o } = h;
    const contract = await activeContract(h);
    const url = (suffix = '') => `/api/provision/contracts/${contract.id}${suffix}`;
    const sub = await h.party({ name: '株式会社架空データ入力', corporateNumber: null });
    const subsub = await h.party({ name: '有限会社架空オペレーション', corporateNumber: null });

    const requested = bodyOf<ContractView>(
      await c.manager.post(url('/subcontracts'), {
        partyId: sub.id,
        work: '成績データの入力作業',
        fileIds: [o.tokyoFile],
        reason: '繁忙期の入力作業のため（架空）',
      }),
      201,
    );
    const first = requested.subcontracts[0]!;
    expect(first).toMatchObject({ partyId: sub.id, status: 'requested', depth: 1, parentId: null });
    expect(first.requestNumber).toMatch(/^R2026-\d{6}$/);

    // Not permitted yet: working is refused (409) and the refusal is logged.
    const before = (await denials(h, contract.id)).length;
    expectProblem(
      await c.manager.post(url(`/subcontracts/${first.id}/start`)),
      409,
      'provision.subcontract_not_permitted',
    );
    expect(await denials(h, contract.id)).toHaveLength(before + 1);
    // Nor can a deeper subcontract hang under one not in force.
    expectProblem(
      await c.manager.post(url('/subcontracts'), {
        partyId: subsub.id,
        work: '入力データの検証',
        parentId: first.id,
        reason: '再々委託（架空）',
      }),
      409,
      'provision.subcontract_not_permitted',
    );

    // The permission: the requester (the section's only 保護管理者) never decides it, so the engine
    // takes it to the unit's 総括保護管理者.
    const approval = bodyOf<ApprovalView>(await c.chief.get(`/api/approvals/${first.requestId}`));
    expect(approval.kind).toBe('subcontract');
    expect(approval.canDecide).toBe(true);
    expect((await h.decide(c.chief, first.requestId!)).statusCode).toBe(200);

    const permitted = bodyOf<ContractView>(await c.manager.get(url()));
    expect(permitted.subcontracts[0]).toMatchObject({ id: first.id, status: 'permitted' });
    expect(permitted.subcontractors).toEqual([
      expect.objectContaining({ partyId: sub.id, depth: 1, status: 'permitted' }),
    ]);
    const working = bodyOf<ContractView>(await c.manager.post(url(`/subcontracts/${first.id}/start`)));
    expect(working.subcontracts[0]).toMatchObject({ status: 'working' });
    expect(working.subcontracts[0]!.startedAt).not.toBeNull();

    // A deeper subcontract under the one in force, denied: refused, and never working.
    const deeper = bodyOf<ContractView>(
      await c.manager.post(url('/subcontracts'), {
        partyId: subsub.id,
        work: '入力データの検証',
        fileIds: [o.tokyoFile],
        parentId: first.id,
        reason: '再々委託（架空）',
      }),
      201,
    );
    const second = deeper.subcontracts.find((s) => s.partyId === subsub.id)!;
    expect(second).toMatchObject({ parentId: first.id, depth: 2, status: 'requested' });
    expect(
      (await h.decide(c.chief, second.requestId!, 'deny', '再々委託は認めない（架空）')).statusCode,
    ).toBe(200);
    expectProblem(
      await c.manager.post(url(`/subcontracts/${second.id}/start`)),
      409,
      'provision.subcontract_not_permitted',
    );

    // The chain, in order, for every reader (the section's staff included); 404 for outsiders.
    for (const reader of [c.manager, c.chief, c.chiefManager, c.auditor, c.staff]) {
      const chain = bodyOf<{ subcontracts: SubcontractView[] }>(await reader.get(url('/subcontracts')));
      expect(chain.subcontracts.map((s) => [s.partyName, s.depth, s.status])).toEqual([
        ['株式会社架空データ入力', 1, 'working'],
        ['有限会社架空オペレーション', 2, 'refused'],
      ]);
    }
    for (const other of [c.outsider, c.stranger])
      expectProblem(await other.get(url('/subcontracts')), 404, 'provision.contract_not_found');

    for (const [type, n] of [
      ['provision.contract_subcontract_requested', 2],
      ['provision.contract_subcontract_permitted', 1],
      ['provision.contract_subcontract_started', 1],
      ['provision.contract_subcontract_refused', 1],
    ] as const)
      expect(await h.audit(type, contract.id), type).toHaveLength(n);
    const [asked] = await h.audit('provision.contract_subcontract_requested', contract.id);
    expect(JSON.stringify(asked!.payload)).not.toContain('架空');
  });

  it('a 保護担当者 records the contractor’s request and the section’s 保護管理者 permits it (A19-3)', async () => {
    const h = await provisionHarness(kind);
    const { c, o } = h;
    await o.appoint('tokyoKyomuHead', 'protection_officer', 'tokyoKyomuStaff2', {
      sectionId: o.sections.tokyoKyomu,
    });
    const officer = await h.as('tokyoKyomuStaff2');
    const contract = await activeContract(h);
    const url = (suffix = '') => `/api/provision/contracts/${contract.id}${suffix}`;
    const sub = await h.party({ name: '株式会社架空スキャニング', corporateNumber: null });
    const body = {
      partyId: sub.id,
      work: '紙の学籍簿の電子化作業',
      fileIds: [o.tokyoFile],
      reason: '委託先から電子化作業の再委託の申出があったため（架空）',
    };

    // The 保護担当者 reads the section's contract and records the contractor's request.
    expect(bodyOf<ContractView>(await officer.get(url())).id).toBe(contract.id);
    const requested = bodyOf<ContractView>(await officer.post(url('/subcontracts'), body), 201);
    const first = requested.subcontracts[0]!;
    expect(first).toMatchObject({ partyId: sub.id, status: 'requested', depth: 1 });

    // The section's 保護管理者 decides it, not the 総括保護管理者 (A19-3).
    const asked = bodyOf<ApprovalView>(await c.manager.get(`/api/approvals/${first.requestId}`));
    expect(asked).toMatchObject({
      kind: 'subcontract',
      level: 'protection_manager',
      status: 'submitted',
      requestedBy: o.people.tokyoKyomuStaff2,
      canDecide: true,
    });
    expect(bodyOf<ApprovalView>(await c.chief.get(`/api/approvals/${first.requestId}`)).canDecide).toBe(
      false,
    );
    expect((await h.decide(c.manager, first.requestId!)).statusCode).toBe(200);
    const decided = bodyOf<ApprovalView>(await officer.get(`/api/approvals/${first.requestId}`));
    expect(decided).toMatchObject({ decidedBy: o.people.tokyoKyomuHead });
    expect(['approved', 'done']).toContain(decided.status);
    expect(bodyOf<ContractView>(await c.manager.get(url())).subcontracts[0]).toMatchObject({
      id: first.id,
      status: 'permitted',
    });

    // Recording the subcontractor at work stays the keeper's: the 保護担当者 gets a logged 403.
    const before = (await denials(h, contract.id)).length;
    expectProblem(await officer.post(url(`/subcontracts/${first.id}/start`)), 403, 'auth.forbidden');
    expect(await denials(h, contract.id)).toHaveLength(before + 1);
    expect(
      bodyOf<ContractView>(await c.manager.post(url(`/subcontracts/${first.id}/start`))).subcontracts[0],
    ).toMatchObject({ status: 'working' });

    // Staff placed in the section record a request too; outsiders see nothing.
    const byStaff = bodyOf<ContractView>(
      await c.staff.post(url('/subcontracts'), { ...body, reason: '別作業の再委託の申出（架空）' }),
      201,
    );
    const second = byStaff.subcontracts.find((s) => s.id !== first.id)!;
    expect(bodyOf<ApprovalView>(await c.manager.get(`/api/approvals/${second.requestId}`)).canDecide).toBe(
      true,
    );
    for (const other of [c.outsider, c.stranger])
      expectProblem(await other.post(url('/subcontracts'), body), 404, 'provision.contract_not_found');

    // The 保護管理者's own request still goes up to the 総括保護管理者 (never their own decision).
    const own = bodyOf<ContractView>(
      await c.manager.post(url('/subcontracts'), { ...body, reason: '保護管理者が記録する申出（架空）' }),
      201,
    );
    const third = own.subcontracts.find((s) => s.id !== first.id && s.id !== second.id)!;
    const up = bodyOf<ApprovalView>(await c.chief.get(`/api/approvals/${third.requestId}`));
    expect(up).toMatchObject({ level: 'chief_protection_manager', canDecide: true });
    expect(bodyOf<ApprovalView>(await c.manager.get(`/api/approvals/${third.requestId}`)).canDecide).toBe(
      false,
    );

    const [ev] = await h.audit('provision.contract_subcontract_permitted', contract.id);
    expect(ev!.payload).toMatchObject({ subcontractId: first.id });
    expect(await h.audit('provision.contract_subcontract_requested', contract.id)).toHaveLength(3);
  });

  it('refuses to close a contract before the erasure or return is confirmed; then it closes (A19-1(5))', async () => {
    const h = await provisionHarness(kind);
    const { c } = h;
    const contract = await activeContract(h);
    const url = (suffix = '') => `/api/provision/contracts/${contract.id}${suffix}`;
    const erasure = {
      on: '2026-11-30',
      method: 'erased',
      evidence: '消去証明書（架空）を受領し内容を確認した',
    };

    // Active: closing and confirming wait for the end.
    expectProblem(await c.manager.post(url('/close')), 409, 'provision.contract_not_ending');
    expectProblem(await c.manager.post(url('/erasure'), erasure), 409, 'provision.contract_not_ending');
    // Before the period's end, the end needs a reason.
    expectProblem(await c.manager.post(url('/end'), {}), 409, 'provision.contract_end_too_early');
    // Only its keeper ends it: the unit's chief is refused (403), outsiders see nothing (404).
    expectProblem(await c.chief.post(url('/end'), { note: '業務終了' }), 403, 'auth.forbidden');
    expectProblem(
      await c.outsider.post(url('/end'), { note: '業務終了' }),
      404,
      'provision.contract_not_found',
    );
    const ending = bodyOf<ContractView>(
      await c.manager.post(url('/end'), { note: 'システム更新に伴い終了' }),
    );
    expect(ending.status).toBe('ending');

    const before = (await denials(h, contract.id)).length;
    expectProblem(await c.manager.post(url('/close')), 409, 'provision.contract_erasure_required');
    expect(bodyOf<ContractView>(await c.manager.get(url())).status).toBe('ending');
    expect(await denials(h, contract.id)).toHaveLength(before + 1);
    expect(await h.audit('provision.contract_closed', contract.id)).toEqual([]);

    // The confirmation may not be dated in the future.
    expectProblem(
      await c.manager.post(url('/erasure'), { ...erasure, on: '2026-12-31' }),
      400,
      'provision.contract_date_in_future',
    );
    const confirmed = bodyOf<ContractView>(await c.manager.post(url('/erasure'), erasure));
    expect(confirmed.erasure).toMatchObject({
      on: '2026-11-30',
      method: 'erased',
      confirmedByName: '佐藤 花子',
    });

    const closed = bodyOf<ContractView>(await c.manager.post(url('/close')));
    expect(closed.status).toBe('closed');
    expect(closed.closedAt).not.toBeNull();
    expectProblem(await c.manager.post(url('/close')), 409, 'provision.contract_not_ending');

    for (const type of [
      'provision.contract_ended',
      'provision.contract_erasure_confirmed',
      'provision.contract_closed',
    ])
      expect(await h.audit(type, contract.id), type).toHaveLength(1);
    const [ev] = await h.audit('provision.contract_erasure_confirmed', contract.id);
    expect(ev!.payload).toMatchObject({ method: 'erased' });
    expect(JSON.stringify(ev!.payload)).not.toContain('消去証明書');
  });
});
