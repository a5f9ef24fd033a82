/**
 * Outsourcing contracts (issue 9; A19) on SQLite and PostgreSQL: 東京's 教務係 outsources the
 * maintenance of its student system to a (fictional) company. A contract lacking a clause of A19-1
 * becomes active only with the 総括保護管理者's exception; a dispatch contract always states
 * confidentiality (A19-2); the contract closes only once erasure is confirmed (A19-1(5)).
 * The API tests cover the HTTP side. Every company and person is fictional.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONTRACT_CLAUSES } from '../../../../shared/api/provision-contracts.ts';
import { databases } from '../../../../tests/support/databases.ts';
import { contractsWorld, type ContractsWorld } from './contracts.fixture.ts';

describe.each(databases)('outsourcing contracts (A19-1, A19-2) on %s', (kind) => {
  let w: ContractsWorld;
  beforeEach(async () => {
    w = await contractsWorld(kind);
  });
  afterEach(() => w.close());

  it('numbers a draft, checks its files and party, and is kept by the section’s 保護管理者 only', async () => {
    const v = await w.draft();
    expect(v).toMatchObject({
      number: 'C2026-0001',
      status: 'draft',
      partyName: '架空システム株式会社',
      sectionName: '教務係',
      myNumber: false,
      missingClauses: [...CONTRACT_CLAUSES],
      files: [{ id: w.o.tokyoFile, myNumber: false }],
      can: { edit: true, activate: false, requestException: true },
    });
    expect(await w.audits('provision.contract_created')).toBe(1);
    await w.refused('provision.contract_file_invalid', () => w.draft({ fileIds: [w.o.nagaokaFile] }));
    await w.refused('provision.contract_period_invalid', () => w.draft({ endsOn: '2026-11-01' }));
    await w.refused('provision.contract_party_invalid', async () =>
      w.draft({ partyId: await w.party('架空商事', false) }),
    );
    await w.refused('auth.forbidden', async () =>
      w.s().create(await w.o.as('tokyoKyomuStaff1'), {
        partyId: w.vendor,
        sectionId: w.o.sections.tokyoKyomu,
        title: '無権限の起案',
        work: '保守',
        startsOn: '2026-12-01',
        endsOn: '2027-03-31',
      }),
    );
    await w.refused('provision.contract_section_invalid', async () =>
      w.draft({ sectionId: w.o.sections.tokyoTosho, fileIds: [] }),
    );
    await w.refused('provision.contract_not_found', async () =>
      w.s().get(await w.o.as('nagaokaKyomuHead'), v.id),
    );
    expect((await w.s().get(await w.cpm(), v.id)).can.edit).toBe(false);
    await w.refused('auth.forbidden', async () =>
      w.s().saveClauses(await w.cpm(), v.id, { clauses: w.allClauses() }),
    );
    expect((await w.s().list(await w.pm(), {})).contracts.map((c) => c.id)).toEqual([v.id]);
    expect((await w.s().list(await w.o.as('nagaokaKyomuHead'), {})).contracts).toEqual([]);
  });
  it('a contract without all six clauses cannot become active without an approved exception (A19-1)', async () => {
    const v = await w.draft();
    await w.refused('provision.contract_clause_reference_required', async () =>
      w.s().saveClauses(await w.pm(), v.id, { clauses: [{ clause: 'confidentiality', present: true }] }),
    );
    await w.s().saveClauses(await w.pm(), v.id, { clauses: w.allClauses(['subcontracting', 'copying']) });
    await w.refused('provision.contract_clauses_missing', async () => w.s().activate(await w.pm(), v.id));
    expect((await w.s().get(await w.pm(), v.id)).status).toBe('draft');
    // The exception names exactly the missing clauses, with a reason.
    await w.refused('provision.contract_exception_mismatch', async () =>
      w.s().requestException(await w.pm(), v.id, { clauses: ['copying'], reason: '既存契約のため' }),
    );
    const asked = await w.s().requestException(await w.pm(), v.id, {
      clauses: ['subcontracting', 'copying'],
      reason: '年度途中の既存契約であり、次回更新時に条項を追加する',
    });
    expect(asked.exception).toMatchObject({ clauses: ['subcontracting', 'copying'], status: 'submitted' });
    await w.refused('provision.contract_exception_pending', async () =>
      w
        .s()
        .requestException(await w.pm(), v.id, { clauses: ['subcontracting', 'copying'], reason: '再申請' }),
    );
    // Not yet decided: still w.refused.
    await w.refused('provision.contract_clauses_missing', async () => w.s().activate(await w.pm(), v.id));
    await w.approve(asked.exception!.requestId);
    const ready = await w.s().get(await w.pm(), v.id);
    expect(ready.missingClauses).toEqual([]);
    expect(ready.clauses.filter((c) => c.excepted).map((c) => c.clause)).toEqual([
      'subcontracting',
      'copying',
    ]);
    const activated = await w.s().activate(await w.pm(), v.id);
    expect(activated).toMatchObject({ status: 'active', exception: { status: 'done' } });
    expect(await w.audits('provision.contract_activated')).toBe(1);
  });
  it('an exception for other clauses than those missing does not activate; all six clauses do', async () => {
    const v = await w.draft();
    await w.s().saveClauses(await w.pm(), v.id, { clauses: w.allClauses(['copying']) });
    const asked = await w
      .s()
      .requestException(await w.pm(), v.id, { clauses: ['copying'], reason: '既存契約' });
    await w.approve(asked.exception!.requestId);
    // A clause dropped after the approval: the exception no longer matches.
    await w.s().saveClauses(await w.pm(), v.id, { clauses: [{ clause: 'incidents', present: false }] });
    await w.refused('provision.contract_clauses_missing', async () => w.s().activate(await w.pm(), v.id));
    await w.s().saveClauses(await w.pm(), v.id, { clauses: w.allClauses() });
    expect((await w.s().activate(await w.pm(), v.id)).status).toBe('active');
    await w.refused('provision.contract_not_draft', async () => w.s().activate(await w.pm(), v.id));
  });
  it('a dispatch contract must state confidentiality, with no exception (A19-2)', async () => {
    const v = await w.draft({ kind: 'dispatch', title: '教務係への派遣労働者受入れ' });
    await w.s().saveClauses(await w.pm(), v.id, { clauses: w.allClauses(['confidentiality']) });
    await w.refused('provision.contract_dispatch_confidentiality', async () =>
      w.s().activate(await w.pm(), v.id),
    );
    await w.refused('provision.contract_dispatch_confidentiality', async () =>
      w.s().requestException(await w.pm(), v.id, { clauses: ['confidentiality'], reason: '例外' }),
    );
    await w.s().saveClauses(await w.pm(), v.id, { clauses: w.allClauses() });
    expect((await w.s().activate(await w.pm(), v.id)).status).toBe('active');
  });
  it('closing without erasure confirmation is refused (A19-1(5)); with it the contract closes', async () => {
    const v = await w.draft({ endsOn: '2026-12-20' });
    await w.s().saveClauses(await w.pm(), v.id, { clauses: w.allClauses() });
    await w.s().activate(await w.pm(), v.id);
    expect((await w.services.provision.gaps()).filter((g) => g.kind === 'contract_expiring')).toHaveLength(1);
    await w.refused('provision.contract_end_too_early', async () => w.s().end(await w.pm(), v.id, {}));
    const ending = await w.s().end(await w.pm(), v.id, { note: '業務完了のため前倒しで終了' });
    expect(ending.status).toBe('ending');
    await w.refused('provision.contract_erasure_required', async () => w.s().close(await w.pm(), v.id));
    expect((await w.s().get(await w.pm(), v.id)).status).toBe('ending');
    await w.refused('provision.contract_date_in_future', async () =>
      w
        .s()
        .confirmErasure(await w.pm(), v.id, { on: '2026-12-31', method: 'erased', evidence: '消去証明書' }),
    );
    const confirmed = await w.s().confirmErasure(await w.pm(), v.id, {
      on: '2026-11-30',
      method: 'erased_and_returned',
      evidence: '委託先から消去証明書を受領し、貸与したUSBメモリ2本の返却を確認した',
    });
    expect(confirmed.erasure).toMatchObject({ method: 'erased_and_returned', confirmedByName: '佐藤 花子' });
    const closed = await w.s().close(await w.pm(), v.id);
    expect(closed).toMatchObject({ status: 'closed', can: { close: false } });
    expect(await w.audits('provision.contract_closed')).toBe(1);
    expect((await w.services.provision.gaps()).filter((g) => g.kind === 'contract_expiring')).toHaveLength(0);
  });
});
