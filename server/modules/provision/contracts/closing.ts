import { endInput, erasureInput, type ContractView } from '../../../../shared/api/provision-contracts.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { ENDING, type ContractsCore, type Stage } from './contracts.core.ts';
import { contractsRepo } from './contracts.repo.ts';

const ACTIVE: Stage = { from: ['active'], code: 'provision.contract_not_active' };

/**
 * The end of a contract: active → ending at or after the end of its period (earlier only with a
 * reason); the erasure of the information and the return of media are confirmed (A19-1(5)); only
 * then it closes, ending the subcontracts still in force.
 */
export function createClosing(core: ContractsCore, get: (ctx: Ctx, id: string) => Promise<ContractView>) {
  const { deps } = core;

  /**
   * Starts the end. Before the period's end a reason is required (provision.contract_end_too_early).
   * Audit provision.contract_ended.
   */
  async function end(ctx: Ctx, id: string, raw: unknown): Promise<ContractView> {
    const input = endInput.parse(raw ?? {});
    const l = await core.open(ctx, id, ACTIVE);
    const early = deps.clock.today() < l.row.ends_on;
    if (early && !input.note) throw new AppError('provision.contract_end_too_early');
    await core.commit(ctx, l, ACTIVE, async (tx, at) => {
      await contractsRepo.update(tx, id, ACTIVE.from, {
        status: 'ending',
        ended_at: at,
        ended_by: l.me,
        end_note: input.note,
      });
      await core.audit(tx, ctx, l.row, 'provision.contract_ended', { early, endsOn: l.row.ends_on });
    });
    return get(ctx, id);
  }

  /**
   * Records the confirmation of A19-1(5): the day, erased or returned, the evidence; the caller is
   * recorded as who confirmed. Audit provision.contract_erasure_confirmed.
   */
  async function confirmErasure(ctx: Ctx, id: string, raw: unknown): Promise<ContractView> {
    const input = erasureInput.parse(raw);
    core.notFuture(input.on);
    const l = await core.open(ctx, id, ENDING);
    await core.commit(ctx, l, ENDING, async (tx, at) => {
      await contractsRepo.update(tx, id, ENDING.from, {
        erasure_on: input.on,
        erasure_method: input.method,
        erasure_evidence: input.evidence,
        erasure_at: at,
        erasure_by: l.me,
      });
      await core.audit(tx, ctx, l.row, 'provision.contract_erasure_confirmed', {
        on: input.on,
        method: input.method,
      });
    });
    return get(ctx, id);
  }

  /**
   * Ending → closed, only with the erasure or return confirmed (provision.contract_erasure_required,
   * 409). Subcontracts still in force end with it. Audit provision.contract_closed.
   */
  async function close(ctx: Ctx, id: string): Promise<ContractView> {
    const l = await core.open(ctx, id, ENDING);
    if (!l.row.erasure_at) {
      await deps.ledger.audit(deps.database.db, ctx, {
        type: 'authz.denied',
        subjectType: 'ProvisionContract',
        subjectId: id,
        unitId: l.row.unit_id,
        sectionId: l.row.section_id,
        outcome: 'denied',
        data: { action: 'close', code: 'provision.contract_erasure_required' },
      });
      throw new AppError('provision.contract_erasure_required');
    }
    await core.commit(ctx, l, ENDING, async (tx, at) => {
      // The confirmation is read again with the move: a refusal inside the transaction too.
      if (!(await contractsRepo.closeConfirmed(tx, id, { closed_at: at, closed_by: l.me })))
        throw new AppError('provision.contract_erasure_required');
      const ended: string[] = [];
      for (const s of l.subcontracts)
        if (
          await contractsRepo.moveSubcontract(tx, s.id, ['permitted', 'working'], {
            status: 'ended',
            ended_at: at,
            ended_by: l.me,
          })
        )
          ended.push(s.id);
      await core.audit(tx, ctx, l.row, 'provision.contract_closed', {
        erasureOn: l.row.erasure_on,
        subcontractsEnded: ended,
      });
    });
    return get(ctx, id);
  }

  return { end, confirmErasure, close };
}
