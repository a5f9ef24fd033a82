/**
 * Outsourcing contracts under way (issue 9; A19) on SQLite and PostgreSQL: a subcontractor works
 * only with the 保護管理者's permission and chains go deeper (A19-3); inspections with improvement
 * requests and My Number supervision raise gaps when their next due passes (A19-1, A19-4); the
 * contract document is kept with its digest. Every company and person is fictional.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databases } from '../../../../tests/support/databases.ts';
import { contractsWorld, type ContractsWorld } from './contracts.fixture.ts';

describe.each(databases)('subcontracts, inspections and supervision (A19-3, A19-4) on %s', (kind) => {
  let w: ContractsWorld;
  beforeEach(async () => {
    w = await contractsWorld(kind);
  });
  afterEach(() => w.close());

  it('a subcontractor without permission is refused; permitted ones form the chain (A19-3)', async () => {
    const v = await w.draft();
    await w.s().saveClauses(await w.pm(), v.id, { clauses: w.allClauses() });
    await w.s().activate(await w.pm(), v.id);
    const asked = await w.s().requestSubcontract(await w.pm(), v.id, {
      partyId: w.sub1,
      work: 'データ移行作業',
      fileIds: [w.o.tokyoFile],
      reason: '移行作業に専門業者が必要なため',
    });
    const first = asked.subcontracts[0]!;
    expect(first).toMatchObject({ status: 'requested', depth: 1, partyName: '架空データサービス株式会社' });
    // Not permitted yet: recording it as working is w.refused, and nothing may sit under it.
    await w.refused('provision.subcontract_not_permitted', async () =>
      w.s().startSubcontract(await w.pm(), v.id, first.id),
    );
    await w.refused('provision.subcontract_not_permitted', async () =>
      w.s().requestSubcontract(await w.pm(), v.id, {
        partyId: w.sub2,
        work: '入力',
        parentId: first.id,
        reason: '入力作業',
      }),
    );
    expect(await w.audits('authz.denied')).toBeGreaterThan(0);
    // The section's only 保護管理者 asked: the engine routes it to the 総括保護管理者.
    await w.approve(first.requestId!);
    const permitted = await w.s().get(await w.pm(), v.id);
    expect(permitted.subcontracts[0]).toMatchObject({ status: 'permitted' });
    await w.s().startSubcontract(await w.pm(), v.id, first.id);
    const deeper = await w.s().requestSubcontract(await w.pm(), v.id, {
      partyId: w.sub2,
      work: '帳票の入力',
      fileIds: [w.o.tokyoFile],
      parentId: first.id,
      reason: '入力作業の再々委託',
    });
    await w.approve(deeper.subcontracts[1]!.requestId!);
    const chain = await w.s().get(await w.pm(), v.id);
    expect(chain.subcontractors).toEqual([
      { partyId: w.sub1, partyName: '架空データサービス株式会社', depth: 1, status: 'working' },
      { partyId: w.sub2, partyName: '架空入力センター有限会社', depth: 2, status: 'permitted' },
    ]);
    expect((await w.s().byParty(w.sub2)).map((c) => c.id)).toEqual([v.id]);
    expect((await w.s().byFile(w.o.tokyoFile))[0]!.subcontractors).toHaveLength(2);
    expect(await w.audits('provision.contract_subcontract_permitted')).toBe(2);
  });
  it('a denied subcontract never works', async () => {
    const v = await w.draft();
    await w.s().saveClauses(await w.pm(), v.id, { clauses: w.allClauses() });
    await w.s().activate(await w.pm(), v.id);
    const asked = await w.s().requestSubcontract(await w.pm(), v.id, {
      partyId: w.sub1,
      work: '保守',
      reason: '保守',
    });
    const sub = asked.subcontracts[0]!;
    const req = await w.services.approvals.approvals.get(await w.cpm(), sub.requestId!);
    await w.services.approvals.approvals.decide(await w.cpm(), sub.requestId!, {
      decision: 'deny',
      comment: '委託先の能力確認が未了',
      revision: req.revision,
    });
    expect((await w.s().get(await w.pm(), v.id)).subcontracts[0]!.status).toBe('refused');
    await w.refused('provision.subcontract_not_permitted', async () =>
      w.s().startSubcontract(await w.pm(), v.id, sub.id),
    );
  });
  it('tracks inspections and My Number supervision, with gaps when their next due passes (A19-1, A19-4)', async () => {
    await w.o.appoint('secretaryGeneral', 'protection_manager', 'kyuyoHead', {
      sectionId: w.o.sections.kyuyo,
    });
    const kyuyo = await w.o.as('kyuyoHead');
    const v = await w.s().create(kyuyo, {
      partyId: w.vendor,
      sectionId: w.o.sections.kyuyo,
      title: '源泉徴収票作成業務委託',
      work: '源泉徴収票の作成及び印刷',
      fileIds: [w.o.payrollFile],
      startsOn: '2026-11-01',
      endsOn: '2027-12-31',
    });
    expect(v.myNumber).toBe(true);
    await w.s().saveClauses(kyuyo, v.id, { clauses: w.allClauses() });
    await w.refused('provision.contract_supervision_plan_required', () => w.s().activate(kyuyo, v.id));
    await w.s().update(kyuyo, v.id, {
      partyId: w.vendor,
      sectionId: w.o.sections.kyuyo,
      title: '源泉徴収票作成業務委託',
      work: '源泉徴収票の作成及び印刷',
      fileIds: [w.o.payrollFile],
      startsOn: '2026-11-01',
      endsOn: '2027-12-31',
      supervisionPlan: '四半期ごとに実地で取扱状況を確認する',
    });
    await w.s().activate(kyuyo, v.id);
    await w.s().supervise(kyuyo, v.id, {
      on: '2026-11-30',
      method: 'on_site',
      findings: '問題なし',
      nextDue: '2026-12-10',
    });
    const inspected = await w.s().inspect(kyuyo, v.id, {
      on: '2026-11-30',
      method: 'documentary',
      findings: '管理台帳の記載漏れ',
      nextDue: '2026-12-15',
      requests: [{ text: '管理台帳を整備すること', due: '2026-12-10' }],
    });
    const insp = inspected.inspections[0]!;
    expect(insp.requests[0]).toMatchObject({ doneAt: null, overdue: false });
    const done = await w.s().completeImprovement(kyuyo, v.id, insp.id, insp.requests[0]!.id, {
      note: '整備済み',
    });
    expect(done.inspections[0]!.requests[0]!.doneAt).not.toBeNull();
    expect((await w.services.provision.gaps()).map((g) => g.kind)).not.toContain(
      'mynumber_supervision_overdue',
    );
    w.clock.advanceMinutes(20 * 24 * 60);
    const kinds = (await w.services.provision.gaps()).map((g) => g.kind);
    expect(kinds).toContain('mynumber_supervision_overdue');
    expect(kinds).toContain('contractor_check_overdue');
    // Not a My Number contract: no supervision records.
    const plain = await w.draft();
    await w.s().saveClauses(await w.pm(), plain.id, { clauses: w.allClauses() });
    await w.s().activate(await w.pm(), plain.id);
    await w.refused('provision.contract_not_my_number', async () =>
      w.s().supervise(await w.pm(), plain.id, { on: '2026-12-01', method: 'report', findings: '報告受領' }),
    );
  });
  it('keeps the uploaded contract document with its digest, and reads it back audited', async () => {
    const v = await w.draft();
    const pdf = Buffer.from('%PDF-1.4\n% fictional contract\n');
    await w.refused('provision.contract_document_invalid', async () =>
      w.s().uploadDocument(await w.pm(), v.id, 'contract', {
        bytes: Buffer.from('plain text'),
        fileName: 'a.txt',
      }),
    );
    const up = await w.s().uploadDocument(await w.pm(), v.id, 'contract', {
      bytes: pdf,
      fileName: '委託契約書.pdf',
    });
    expect(up.documents).toMatchObject([{ kind: 'contract', name: '委託契約書.pdf', size: pdf.length }]);
    const back = await w.s().readDocument(await w.cpm(), v.id, 'contract');
    expect(back.body.equals(pdf)).toBe(true);
    expect(await w.audits('provision.contract_document_read')).toBe(1);
    await w.refused('provision.contract_document_not_found', async () =>
      w.s().readDocument(await w.pm(), v.id, 'erasure'),
    );
  });
});
