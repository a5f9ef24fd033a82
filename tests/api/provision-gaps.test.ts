/**
 * Compliance gaps of third parties over HTTP (issue 9; A18-2, A19-1, A19-4): an expiring contract,
 * an overdue inspection of a contractor, an overdue supervision of a My Number contractor, an overdue
 * capability check and an overdue check of a provision appear in the organisation's gap report
 * (GET /api/organisation/gaps as the 総括管理者), on the section's 保護管理者. The clock stands at
 * 2026-11-30 (Tokyo). SQLite and PostgreSQL.
 */
import { describe, expect, it } from 'vitest';
import type { GapReportView } from '../../shared/api/organisation.ts';
import type { ContractView } from '../../shared/api/provision-contracts.ts';
import type { CheckView } from '../../shared/api/provision-parties.ts';
import { databases } from '../support/databases.ts';
import {
  bodyOf,
  provisionBody,
  provisionHarness,
  type ProvisionHarness,
} from '../support/provision-fixture.ts';

const PROVISION_GAPS = [
  'contract_expiring',
  'contractor_check_overdue',
  'mynumber_supervision_overdue',
  'provision_check_overdue',
];

/** The gaps of issue 9 in the 総括管理者's report. */
async function gaps(h: ProvisionHarness) {
  const report = bodyOf<GapReportView>(await h.c.chiefManager.get('/api/organisation/gaps'));
  return report.gaps.filter((g) => PROVISION_GAPS.includes(g.kind));
}

/** A contractor whose capability check (A19-1) is current. */
async function checkedParty(h: ProvisionHarness, name: string) {
  const party = await h.party({ name });
  bodyOf<CheckView>(
    await h.c.manager.post(`/api/provision/parties/${party.id}/checks`, {
      checkedOn: '2026-11-01',
      method: 'certification',
      certification: 'プライバシーマーク 第00000000号（架空）',
      findings: '管理体制を確認した',
      result: 'pass',
    }),
    201,
  );
  return party;
}

async function activate(h: ProvisionHarness, id: string, by = h.c.manager) {
  return bodyOf<ContractView>(await by.post(`/api/provision/contracts/${id}/activate`));
}

describe.each(databases)('provision: gaps in the organisation’s report over HTTP on %s', (kind) => {
  it('shows an expiring contract and an overdue inspection on the section’s 保護管理者 (A19-1)', async () => {
    const h = await provisionHarness(kind);
    const { c, o } = h;
    const party = await checkedParty(h, '株式会社架空システム保守');
    // A contract far from its end, inspected with the next inspection ahead: no gap.
    const steady = await h.contract({}, party.id);
    await h.clauses(steady.id);
    await activate(h, steady.id);
    const inspect = (on: string, nextDue: string) =>
      c.manager.post(`/api/provision/contracts/${steady.id}/inspections`, {
        on,
        method: 'on_site',
        findings: '入退室管理と媒体管理を確認した',
        nextDue,
      });
    expect((await inspect('2026-09-01', '2027-04-01')).statusCode).toBe(201);
    expect(await gaps(h)).toEqual([]);

    // Ending within 30 days: contract_expiring.
    const ending = await h.contract({ title: '証明書発行システム保守', endsOn: '2026-12-20' }, party.id);
    await h.clauses(ending.id);
    expect((await activate(h, ending.id)).expiring).toBe(true);
    // The latest inspection set the next one in the past: contractor_check_overdue.
    expect((await inspect('2026-10-01', '2026-11-15')).statusCode).toBe(201);

    const found = await gaps(h);
    const onKyomu = { role: 'protection_manager', unitId: o.units.tokyo, sectionId: o.sections.tokyoKyomu };
    expect(found).toContainEqual(
      expect.objectContaining({ kind: 'contract_expiring', ...onKyomu, article: 'A19-1' }),
    );
    expect(found).toContainEqual(expect.objectContaining({ kind: 'contractor_check_overdue', ...onKyomu }));

    // Closed, the expiring contract no longer shows.
    await c.manager.post(`/api/provision/contracts/${ending.id}/end`, { note: '早期終了（架空）' });
    await c.manager.post(`/api/provision/contracts/${ending.id}/erasure`, {
      on: '2026-11-30',
      method: 'returned',
      evidence: '媒体の返却を受けた',
    });
    expect((await c.manager.post(`/api/provision/contracts/${ending.id}/close`)).statusCode).toBe(200);
    expect((await gaps(h)).filter((g) => g.kind === 'contract_expiring')).toEqual([]);
  });

  it('shows an overdue supervision of a My Number contractor (A19-4)', async () => {
    const h = await provisionHarness(kind);
    const { c, o } = h;
    const party = await checkedParty(h, '株式会社架空給与計算');
    const created = await c.kyuyoManager.post('/api/provision/contracts', {
      partyId: party.id,
      sectionId: o.sections.kyuyo,
      title: '源泉徴収票作成業務委託',
      work: '源泉徴収票の作成',
      fileIds: [o.payrollFile],
      startsOn: '2026-04-01',
      endsOn: '2027-03-31',
    });
    const draft = bodyOf<ContractView>(created, 201);
    expect(draft.myNumber).toBe(true);
    bodyOf<ContractView>(
      await c.kyuyoManager.put(`/api/provision/contracts/${draft.id}/clauses`, {
        clauses: draft.clauses.map((x, i) => ({
          clause: x.clause,
          present: true,
          reference: `第${i + 1}条`,
        })),
      }),
    );
    // A19-4: not active without a supervision plan.
    const refused = await c.kyuyoManager.post(`/api/provision/contracts/${draft.id}/activate`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ code: string }>().code).toBe('provision.contract_supervision_plan_required');
    bodyOf<ContractView>(
      await c.kyuyoManager.put(`/api/provision/contracts/${draft.id}`, {
        partyId: party.id,
        sectionId: o.sections.kyuyo,
        title: '源泉徴収票作成業務委託',
        work: '源泉徴収票の作成',
        fileIds: [o.payrollFile],
        startsOn: '2026-04-01',
        endsOn: '2027-03-31',
        supervisionPlan: '四半期ごとに書面で安全管理措置の実施状況を報告させ、年1回実地で確認する',
      }),
    );
    await activate(h, draft.id, c.kyuyoManager);
    const supervised = await c.kyuyoManager.post(`/api/provision/contracts/${draft.id}/supervisions`, {
      on: '2026-07-01',
      method: 'report',
      findings: '報告書により確認した',
      nextDue: '2026-10-01',
    });
    expect(supervised.statusCode, supervised.body).toBe(201);
    expect(await gaps(h)).toContainEqual(
      expect.objectContaining({
        kind: 'mynumber_supervision_overdue',
        sectionId: o.sections.kyuyo,
        article: 'A19-4',
      }),
    );
  });

  it('shows a contractor with an active contract and no capability check (A19-1)', async () => {
    const h = await provisionHarness(kind);
    const { o } = h;
    const party = await h.party({ name: '株式会社架空未確認' });
    const draft = await h.contract({}, party.id);
    await h.clauses(draft.id);
    await activate(h, draft.id);
    expect(await gaps(h)).toContainEqual(
      expect.objectContaining({ kind: 'contractor_check_overdue', sectionId: o.sections.tokyoKyomu }),
    );
  });

  it('shows a provision whose check is past due (A18-2)', async () => {
    const h = await provisionHarness(kind);
    const { c, o } = h;
    const ministry = await h.party({ kind: 'public_body', name: '文部科学省 高等教育局', contractor: false });
    const body = provisionBody(ministry.id, o.tokyoFile, {
      ground: 'public_body',
      legalBasis: '文部科学省設置法第4条',
      measuresDeemedNecessary: true,
      measuresReason: '要配慮個人情報を含むため',
    });
    const ahead = await c.manager.post('/api/provision/provisions', { ...body, nextCheckDue: '2027-01-15' });
    expect(ahead.statusCode, ahead.body).toBe(201);
    expect(await gaps(h)).toEqual([]);
    const late = await c.manager.post('/api/provision/provisions', { ...body, nextCheckDue: '2026-11-20' });
    expect(late.statusCode, late.body).toBe(201);
    expect(await gaps(h)).toContainEqual(
      expect.objectContaining({
        kind: 'provision_check_overdue',
        role: 'protection_manager',
        sectionId: o.sections.tokyoKyomu,
        article: 'A18-2',
      }),
    );
  });
});
