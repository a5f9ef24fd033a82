import {
  inspectionInput,
  requestDoneInput,
  supervisionInput,
  type ContractView,
} from '../../../../shared/api/provision-contracts.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { RUNNING, type ContractsCore } from './contracts.core.ts';
import { contractsRepo } from './contracts.repo.ts';

/**
 * Checks of a contractor while the contract runs: periodic inspections with findings and
 * improvement requests tracked to done (A19-1: 個人情報の管理の状況についての検査), and for a My Number
 * outsourcing the supervision records (A19-4: 必要かつ適切な監督). Each record may set the next due
 * date; past it on an active contract it is a compliance gap.
 */
export function createChecks(core: ContractsCore, get: (ctx: Ctx, id: string) => Promise<ContractView>) {
  /** Records an inspection with its improvement requests. Audit provision.contract_inspected. */
  async function inspect(ctx: Ctx, id: string, raw: unknown): Promise<ContractView> {
    const input = inspectionInput.parse(raw);
    core.notFuture(input.on);
    const l = await core.open(ctx, id, RUNNING);
    const checkId = newId();
    await core.commit(ctx, l, RUNNING, async (tx, at) => {
      await contractsRepo.insertCheck(tx, {
        id: checkId,
        contract_id: id,
        kind: 'inspection',
        checked_on: input.on,
        method: input.method,
        findings: input.findings,
        next_due_on: input.nextDue,
        checked_by: l.me,
        recorded_at: at,
      });
      for (const r of input.requests)
        await contractsRepo.insertImprovement(tx, {
          id: newId(),
          contract_id: id,
          check_id: checkId,
          text: r.text,
          due_on: r.due,
          created_at: at,
          done_at: null,
          done_by: null,
          done_note: null,
        });
      await core.audit(tx, ctx, l.row, 'provision.contract_inspected', {
        checkId,
        on: input.on,
        method: input.method,
        nextDue: input.nextDue,
        requests: input.requests.length,
      });
    });
    return get(ctx, id);
  }

  /**
   * Marks an improvement request done. Throws provision.improvement_not_found,
   * provision.improvement_done. Audit provision.contract_improvement_done.
   */
  async function completeRequest(
    ctx: Ctx,
    id: string,
    checkId: string,
    requestId: string,
    raw: unknown,
  ): Promise<ContractView> {
    const input = requestDoneInput.parse(raw);
    const l = await core.open(ctx, id, RUNNING);
    const r = l.improvements.find((x) => x.id === requestId && x.check_id === checkId);
    if (!r) throw new AppError('provision.improvement_not_found');
    if (r.done_at) throw new AppError('provision.improvement_done');
    await core.commit(ctx, l, RUNNING, async (tx, at) => {
      if (
        !(await contractsRepo.improvementDone(tx, requestId, {
          done_at: at,
          done_by: l.me,
          done_note: input.note,
        }))
      )
        throw new AppError('provision.improvement_done');
      await core.audit(tx, ctx, l.row, 'provision.contract_improvement_done', { checkId, requestId });
    });
    return get(ctx, id);
  }

  /**
   * Records a supervision of a My Number contractor (A19-4). Throws provision.contract_not_my_number.
   * Audit provision.contract_supervised.
   */
  async function supervise(ctx: Ctx, id: string, raw: unknown): Promise<ContractView> {
    const input = supervisionInput.parse(raw);
    core.notFuture(input.on);
    const l = await core.open(ctx, id, RUNNING);
    if (l.row.my_number !== 1) throw new AppError('provision.contract_not_my_number');
    const checkId = newId();
    await core.commit(ctx, l, RUNNING, async (tx, at) => {
      await contractsRepo.insertCheck(tx, {
        id: checkId,
        contract_id: id,
        kind: 'supervision',
        checked_on: input.on,
        method: input.method,
        findings: input.findings,
        next_due_on: input.nextDue,
        checked_by: l.me,
        recorded_at: at,
      });
      await core.audit(tx, ctx, l.row, 'provision.contract_supervised', {
        checkId,
        on: input.on,
        method: input.method,
        nextDue: input.nextDue,
      });
    });
    return get(ctx, id);
  }

  return { inspect, completeRequest, supervise };
}
