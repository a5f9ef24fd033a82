/**
 * Outsourcing contracts over HTTP (issue 9; A19-1, A19-2): a contract states the six clauses of
 * A19-1, or becomes active only with an exception the 総括保護管理者 approved for exactly the clauses
 * it lacks; a dispatch contract (労働者派遣) always states confidentiality (A19-2), and no exception
 * reaches it. Every change is an audit event of ids and codes. SQLite and PostgreSQL.
 */
import { describe, expect, it } from 'vitest';
import type { ApprovalView } from '../../shared/api/approvals.ts';
import { CONTRACT_CLAUSES, type ContractView } from '../../shared/api/provision-contracts.ts';
import { databases } from '../support/databases.ts';
import { bodyOf, provisionHarness } from '../support/provision-fixture.ts';
import { expectProblem } from './support/expect-problem.ts';

const REASON = '複製等の制限は別途の覚書で定めるため（架空）';

describe.each(databases)(
  'provision: contracts and the six clauses over HTTP on %s (A19-1, A19-2)',
  (kind) => {
    it('keeps a contract lacking a clause from becoming active until the 総括保護管理者 approves an exception (A19-1)', async () => {
      const h = await provisionHarness(kind);
      const { c, o } = h;
      const url = (id: string, suffix = '') => `/api/provision/contracts/${id}${suffix}`;

      const draft = await h.contract();
      expect(draft).toMatchObject({
        status: 'draft',
        kind: 'outsourcing',
        sectionId: o.sections.tokyoKyomu,
        unitId: o.units.tokyo,
        missingClauses: [...CONTRACT_CLAUSES],
      });
      expect(draft.number).toMatch(/^C2026-\d{4}$/);
      const id = draft.id;

      // Five of six: (3) 複製等の制限 is not stated.
      const five = await h.clauses(id, ['copying']);
      expect(five.missingClauses).toEqual(['copying']);
      expect(five.activationBlockers).toEqual(['provision.contract_clauses_missing']);
      expect(five.clauses.find((x) => x.clause === 'copying')).toMatchObject({
        present: false,
        excepted: false,
      });

      expectProblem(await c.manager.post(url(id, '/activate')), 409, 'provision.contract_clauses_missing');
      expect(bodyOf<ContractView>(await c.manager.get(url(id))).status).toBe('draft');
      expect(await h.audit('provision.contract_activated', id)).toEqual([]);

      // The exception names exactly the clauses that are missing.
      expectProblem(
        await c.manager.post(url(id, '/exception'), { clauses: ['copying', 'incidents'], reason: REASON }),
        400,
        'provision.contract_exception_mismatch',
      );
      // Outsiders do not learn the contract exists; the section's staff read it but do not keep it.
      expectProblem(
        await c.staff.post(url(id, '/exception'), { clauses: ['copying'], reason: REASON }),
        403,
        'auth.forbidden',
      );
      for (const other of [c.outsider, c.stranger])
        expectProblem(
          await other.post(url(id, '/exception'), { clauses: ['copying'], reason: REASON }),
          404,
          'provision.contract_not_found',
        );
      expectProblem(await c.chief.post(url(id, '/activate')), 403, 'auth.forbidden');

      const requested = bodyOf<ContractView>(
        await c.manager.post(url(id, '/exception'), { clauses: ['copying'], reason: REASON }),
        201,
      );
      expect(requested.exception).toMatchObject({
        clauses: ['copying'],
        status: 'submitted',
        reason: REASON,
      });
      const requestId = requested.exception!.requestId;
      expectProblem(
        await c.manager.post(url(id, '/exception'), { clauses: ['copying'], reason: REASON }),
        409,
        'provision.contract_exception_pending',
      );
      // Awaiting the decision, the contract is still refused.
      expectProblem(await c.manager.post(url(id, '/activate')), 409, 'provision.contract_clauses_missing');

      // The 総括保護管理者 decides (A19-1); the requester never decides their own request.
      const approval = bodyOf<ApprovalView>(await c.chief.get(`/api/approvals/${requestId}`));
      expect(approval).toMatchObject({ kind: 'contract_exception', level: 'chief_protection_manager' });
      expect(approval.canDecide).toBe(true);
      expectProblem(
        await c.manager.post(`/api/approvals/${requestId}/decision`, {
          decision: 'approve',
          revision: approval.revision,
        }),
        403,
        'approval.own_request',
      );
      expect((await h.decide(c.chief, requestId)).statusCode).toBe(200);

      const excepted = bodyOf<ContractView>(await c.manager.get(url(id)));
      expect(excepted.clauses.find((x) => x.clause === 'copying')).toMatchObject({
        present: false,
        excepted: true,
      });
      expect(excepted.missingClauses).toEqual([]);
      expect(excepted.activationBlockers).toEqual([]);

      const active = bodyOf<ContractView>(await c.manager.post(url(id, '/activate')));
      expect(active.status).toBe('active');
      expect(active.activatedAt).not.toBeNull();
      expect(active.exception?.status).toBe('done');

      // Every change is audited, naming the contract by id and number, never its texts.
      for (const type of [
        'provision.contract_created',
        'provision.contract_clauses_saved',
        'provision.contract_exception_requested',
        'provision.contract_activated',
      ])
        expect(await h.audit(type, id), type).toHaveLength(1);
      const [activated] = await h.audit('provision.contract_activated', id);
      expect(activated).toMatchObject({ actorId: o.people.tokyoKyomuHead, subjectId: id });
      expect(activated!.payload).toMatchObject({ number: draft.number, excepted: ['copying'] });
      const [asked] = await h.audit('provision.contract_exception_requested', id);
      expect(asked!.payload).toMatchObject({ clauses: ['copying'], requestId });
      expect(JSON.stringify(asked)).not.toContain(REASON);
    });

    it('activates a contract stating all six clauses without any exception', async () => {
      const h = await provisionHarness(kind);
      const { c } = h;
      const draft = await h.contract();
      const all = await h.clauses(draft.id);
      expect(all.missingClauses).toEqual([]);
      expect(all.activationBlockers).toEqual([]);
      expectProblem(
        await c.manager.post(`/api/provision/contracts/${draft.id}/exception`, {
          clauses: ['copying'],
          reason: REASON,
        }),
        409,
        'provision.contract_nothing_missing',
      );
      const active = bodyOf<ContractView>(
        await c.manager.post(`/api/provision/contracts/${draft.id}/activate`),
      );
      expect(active).toMatchObject({ status: 'active', exception: null });
      // Active, it is no longer edited.
      expectProblem(
        await c.manager.put(`/api/provision/contracts/${draft.id}/clauses`, {
          clauses: [{ clause: 'copying', present: false }],
        }),
        409,
        'provision.contract_not_draft',
      );
      // Readers: the section's staff (who may ask for subcontracting, A19-3), the unit's chief, the
      // 総括管理者, the 監査責任者; not another section or unit.
      for (const reader of [c.staff, c.chief, c.chiefManager, c.auditor])
        expect((await reader.get(`/api/provision/contracts/${draft.id}`)).statusCode).toBe(200);
      for (const other of [c.outsider, c.stranger])
        expectProblem(
          await other.get(`/api/provision/contracts/${draft.id}`),
          404,
          'provision.contract_not_found',
        );
    });

    it('refuses a dispatch contract without confidentiality, with or without an exception (A19-2)', async () => {
      const h = await provisionHarness(kind);
      const { c } = h;
      const draft = await h.contract({ kind: 'dispatch', title: '事務補佐員の派遣（架空）' });
      const id = draft.id;
      const url = (suffix = '') => `/api/provision/contracts/${id}${suffix}`;

      const lacking = await h.clauses(id, ['confidentiality']);
      expect(lacking.activationBlockers).toContain('provision.contract_dispatch_confidentiality');
      expectProblem(
        await c.manager.post(url('/activate')),
        409,
        'provision.contract_dispatch_confidentiality',
      );
      // No exception reaches confidentiality in a dispatch contract.
      expectProblem(
        await c.manager.post(url('/exception'), { clauses: ['confidentiality'], reason: REASON }),
        409,
        'provision.contract_dispatch_confidentiality',
      );
      expect(await h.audit('provision.contract_exception_requested', id)).toEqual([]);
      expect(bodyOf<ContractView>(await c.manager.get(url())).status).toBe('draft');

      // With confidentiality stated it goes through.
      await h.clauses(id);
      const active = bodyOf<ContractView>(await c.manager.post(url('/activate')));
      expect(active).toMatchObject({ status: 'active', kind: 'dispatch' });
      expect(await h.audit('provision.contract_activated', id)).toHaveLength(1);
    });

    it('refuses to create a contract for a section the caller does not keep, or with another section’s file', async () => {
      const h = await provisionHarness(kind);
      const { c, o } = h;
      const party = await h.party();
      const body = {
        partyId: party.id,
        title: '学籍システム保守業務委託',
        work: '保守',
        startsOn: '2026-04-01',
        endsOn: '2027-03-31',
      };
      // Staff without a role: 403, audited.
      expectProblem(
        await c.staff.post('/api/provision/contracts', { ...body, sectionId: o.sections.tokyoKyomu }),
        403,
        'auth.forbidden',
      );
      // A 保護管理者 of another section's contract, or another section's file: 400.
      expectProblem(
        await c.manager.post('/api/provision/contracts', { ...body, sectionId: o.sections.tokyoTosho }),
        400,
        'provision.contract_section_invalid',
      );
      expectProblem(
        await c.manager.post('/api/provision/contracts', {
          ...body,
          sectionId: o.sections.tokyoKyomu,
          fileIds: [o.toshoFile],
        }),
        400,
        'provision.contract_file_invalid',
      );
      expect(await h.audit('provision.contract_created')).toEqual([]);
    });
  },
);
