import { exceptionInput, type ContractView } from '../../../../shared/api/provision-contracts.ts';
import type { ErrorCode } from '../../../../shared/errors.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { DRAFT, type ContractsCore } from './contracts.core.ts';
import { contractsRepo } from './contracts.repo.ts';
import {
  absentClauses,
  activationBlockers,
  exceptedClauses,
  exceptionInForce,
  type Loaded,
} from './contracts.reading.ts';

export const EXCEPTION_KIND = 'contract_exception';

/**
 * Activation (A19-1, A19-2, A19-4): a draft becomes active when its contract states the six clauses
 * of A19-1, or when the 総括保護管理者 approved an exception for exactly the clauses it lacks; a
 * dispatch contract (派遣, A19-2) always states confidentiality; a My Number outsourcing has a
 * supervision plan (A19-4).
 */
export function createActivation(core: ContractsCore, get: (ctx: Ctx, id: string) => Promise<ContractView>) {
  const { deps } = core;

  // An approved exception is used at the activation; unused it lapses after 30 days (A19-1).
  deps.approvals.defineKind(EXCEPTION_KIND, { useDays: 30 });

  /**
   * Requests the 総括保護管理者's exception (approval kind contract_exception) for exactly the absent
   * clauses, with a reason. Throws provision.contract_nothing_missing, _exception_mismatch,
   * _dispatch_confidentiality (A19-2: never excepted), _exception_pending. Audit
   * provision.contract_exception_requested.
   */
  async function requestException(ctx: Ctx, id: string, raw: unknown): Promise<ContractView> {
    const input = exceptionInput.parse(raw);
    const l = await core.open(ctx, id, DRAFT);
    const absent = absentClauses(l.clauses);
    if (absent.length === 0) throw new AppError('provision.contract_nothing_missing');
    if (l.row.kind === 'dispatch' && absent.includes('confidentiality'))
      throw new AppError('provision.contract_dispatch_confidentiality');
    const asked = [...new Set(input.clauses)];
    if (asked.length !== absent.length || !asked.every((c) => absent.includes(c)))
      throw new AppError('provision.contract_exception_mismatch');
    const st = l.exception?.status;
    if (st === 'submitted' || st === 'sent_back') throw new AppError('provision.contract_exception_pending');
    await deps.approvals.submit(
      ctx,
      {
        kind: EXCEPTION_KIND,
        unitId: l.row.unit_id,
        sectionId: l.row.section_id,
        fileId: null,
        reason: input.reason,
        payload: { contractId: id, number: l.row.number, clauses: absent },
        // A19-1 (issue 9): a contract lacking a clause is active only with the 総括保護管理者's approval.
        level: 'chief_protection_manager',
      },
      async (tx, req) => {
        if (!(await contractsRepo.update(tx, id, DRAFT.from, { exception_request_id: req.id })))
          throw new AppError('provision.contract_not_draft');
        await core.audit(tx, ctx, l.row, 'provision.contract_exception_requested', {
          requestId: req.id,
          requestNumber: req.number,
          clauses: absent,
        });
      },
    );
    return get(ctx, id);
  }

  /** The first reason activation is refused, as the error the rule names. */
  function refusal(l: Loaded, now: string): ErrorCode | null {
    return (activationBlockers(l, now)[0] as ErrorCode | undefined) ?? null;
  }

  /**
   * Draft → active. Throws provision.contract_dispatch_confidentiality, _clauses_missing or
   * _supervision_plan_required (409). An exception in force is used (its request done) in the
   * same transaction. Audit provision.contract_activated.
   */
  async function activate(ctx: Ctx, id: string): Promise<ContractView> {
    const l = await core.open(ctx, id, DRAFT);
    const now = core.now();
    const code = refusal(l, now);
    if (code) throw new AppError(code);
    const excepted = exceptedClauses(l, now);
    await core.commit(ctx, l, DRAFT, async (tx, at) => {
      if (
        !(await contractsRepo.update(tx, id, DRAFT.from, {
          status: 'active',
          activated_at: at,
          activated_by: l.me,
        }))
      )
        throw new AppError('provision.contract_not_draft');
      const req = l.exception;
      if (excepted.length && req && exceptionInForce(req, now) && req.status === 'approved')
        await deps.approvals.complete(tx, ctx, req, { contractId: id });
      await core.audit(tx, ctx, l.row, 'provision.contract_activated', {
        exceptionRequestId: excepted.length ? (req?.id ?? null) : null,
        excepted,
      });
    });
    return get(ctx, id);
  }

  return { requestException, activate };
}
