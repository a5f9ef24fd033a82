import {
  subcontractInput,
  type ContractStatus,
  type ContractView,
  type SubcontractView,
} from '../../../../shared/api/provision-contracts.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Executor, Tx } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { RequestRow } from '../../approvals/index.ts';
import { RUNNING, SUBJECT, subjectOf, type ContractsCore, type Stage } from './contracts.core.ts';
import { createNamer, presentSubcontract } from './contracts.presenters.ts';
import { contractsRepo, type SubcontractRow } from './contracts.repo.ts';
import { chainOrder, fileIdsOf } from './contracts.reading.ts';

export const SUBCONTRACT_KIND = 'subcontract';

/** A subcontract may be requested while the contract is drafted or active. */
const REQUESTABLE: Stage = { from: ['draft', 'active'], code: 'provision.contract_not_active' };
/** Permitted and working subcontracts: in force (A19-3). */
const IN_FORCE = ['permitted', 'working'];

/**
 * Subcontracting (A19-3): the contractor subcontracts all or part of the work only with the
 * 保護管理者's permission. A request names the subcontractor (a party of the register), the work,
 * the files (among its parent's) and its parent — the contract or a subcontract in force, so chains
 * go deeper; it is decided in the approval engine (kind `subcontract`, the section's 保護管理者).
 * The section's people who work with the contract (its 保護担当者, its staff) record the request on
 * behalf of the contractor, so that the 保護管理者 decides it; one the 保護管理者 records goes up to
 * the 総括保護管理者 (the engine never lets a requester decide). Only a permitted subcontract is in
 * force; recording a subcontractor as working without it is refused, and that stays the keeper's.
 */
export function createSubcontracts(
  core: ContractsCore,
  get: (ctx: Ctx, id: string) => Promise<ContractView>,
) {
  const { deps } = core;

  /** The decision lands in the approval's transaction: permitted, or refused/withdrawn. */
  async function decided(tx: Executor, req: RequestRow, wanted: string) {
    const sub = await contractsRepo.subcontractByRequest(tx, req.id);
    if (!sub) return;
    // A permission that comes after the contract closed puts nobody to work.
    const closed = (await contractsRepo.get(tx, sub.contract_id))?.status === 'closed';
    const to = closed && wanted === 'permitted' ? 'withdrawn' : wanted;
    if (
      !(await contractsRepo.moveSubcontract(tx, sub.id, ['requested'], {
        status: to,
        decided_at: deps.clock.now().toISOString(),
      }))
    )
      return;
    const row = await contractsRepo.get(tx, sub.contract_id);
    if (!row) return;
    return { sub, row, to };
  }

  deps.approvals.defineKind(SUBCONTRACT_KIND, {
    async onApproved(tx: Tx, ctx: Ctx, req: RequestRow) {
      const moved = await decided(tx, req, 'permitted');
      if (moved?.to !== 'permitted') return;
      // The permission is recorded in force at once: the request is carried out (never lapses).
      await deps.approvals.complete(tx, ctx, req, { contractId: moved.row.id, subcontractId: moved.sub.id });
      await core.audit(tx, ctx, moved.row, 'provision.contract_subcontract_permitted', {
        subcontractId: moved.sub.id,
        partyId: moved.sub.party_id,
        requestNumber: req.number,
      });
    },
    async onClosed(tx: Tx, ctx: Ctx, req: RequestRow) {
      const moved = await decided(tx, req, req.status === 'denied' ? 'refused' : 'withdrawn');
      if (moved)
        await core.audit(tx, ctx, moved.row, `provision.contract_subcontract_${moved.to}`, {
          subcontractId: moved.sub.id,
          partyId: moved.sub.party_id,
          requestNumber: req.number,
        });
    },
  });

  /** The chain of subcontracts of a contract, in chain order. */
  async function list(ctx: Ctx, id: string): Promise<{ subcontracts: SubcontractView[] }> {
    const l = await core.readable(ctx, id);
    const n = createNamer(deps, core.parties);
    const subs = chainOrder(l.subcontracts);
    return {
      subcontracts: await Promise.all(
        subs.map(async (s) =>
          presentSubcontract(
            n,
            s,
            l.subcontracts,
            s.request_id ? ((await deps.approvals.row(s.request_id))?.number ?? null) : null,
          ),
        ),
      ),
    };
  }

  /**
   * Opens a contract for a subcontract request: 404 to those who do not read it; the keeper (A19-3's
   * 保護管理者, or the 総括保護管理者 for a vacant seat) and the section's 保護担当者 and staff record
   * it, anyone else gets a logged 403; then the stage's 409.
   */
  async function openRequest(ctx: Ctx, id: string) {
    const me = core.personOf(ctx);
    const l = await core.readable(ctx, id);
    const subject = subjectOf(l.row);
    if (!(await core.keeps(ctx, subject)))
      await deps.authz.assertCan(ctx, 'request_subcontract', SUBJECT, subject);
    if (!(REQUESTABLE.from as string[]).includes(l.row.status)) throw new AppError(REQUESTABLE.code);
    return { ...l, me };
  }

  /**
   * Requests permission to subcontract (A19-3), recorded by the keeper or by the section's
   * 保護担当者 or staff on behalf of the contractor. Throws provision.contract_party_invalid,
   * provision.subcontract_parent_invalid (not of this contract), provision.subcontract_not_permitted
   * (the parent is not in force), provision.subcontract_file_invalid. Audit
   * provision.contract_subcontract_requested.
   */
  async function request(ctx: Ctx, id: string, raw: unknown): Promise<ContractView> {
    const input = subcontractInput.parse(raw);
    const l = await openRequest(ctx, id);
    await core.party(input.partyId);
    let parentFiles = fileIdsOf(l.row);
    if (input.parentId) {
      const parent = l.subcontracts.find((s) => s.id === input.parentId);
      if (!parent) throw new AppError('provision.subcontract_parent_invalid');
      if (!IN_FORCE.includes(parent.status)) throw new AppError('provision.subcontract_not_permitted');
      parentFiles = fileIdsOf(parent);
    }
    const fileIds = [...new Set(input.fileIds)];
    if (fileIds.some((f) => !parentFiles.includes(f)))
      throw new AppError('provision.subcontract_file_invalid');
    const subId = newId();
    await deps.approvals.submit(
      ctx,
      {
        kind: SUBCONTRACT_KIND,
        unitId: l.row.unit_id,
        sectionId: l.row.section_id,
        fileId: fileIds.length === 1 ? fileIds[0]! : null,
        reason: input.reason,
        payload: {
          contractId: id,
          number: l.row.number,
          subcontractId: subId,
          partyId: input.partyId,
          parentId: input.parentId,
        },
        // A19-3: the 保護管理者's permission (the engine goes up to the 総括保護管理者 when none but
        // the requester could decide: the 保護管理者's own request, or a vacant seat).
        level: 'protection_manager',
      },
      async (tx, req) => {
        if (
          !(await contractsRepo.update(tx, id, REQUESTABLE.from, {
            updated_at: req.requested_at,
            updated_by: l.me,
          }))
        )
          throw new AppError(REQUESTABLE.code);
        await contractsRepo.insertSubcontract(tx, {
          id: subId,
          contract_id: id,
          parent_id: input.parentId,
          party_id: input.partyId,
          work: input.work,
          file_ids: JSON.stringify(fileIds),
          status: 'requested',
          request_id: req.id,
          requested_at: req.requested_at,
          requested_by: l.me,
          decided_at: null,
          started_at: null,
          started_by: null,
          ended_at: null,
          ended_by: null,
        });
        await core.audit(tx, ctx, l.row, 'provision.contract_subcontract_requested', {
          subcontractId: subId,
          partyId: input.partyId,
          parentId: input.parentId,
          fileIds,
          requestId: req.id,
          requestNumber: req.number,
        });
      },
    );
    return get(ctx, id);
  }

  /** The subcontract of a contract opened for a change by its keeper. */
  async function openSub(ctx: Ctx, id: string, subId: string, stage: Stage) {
    const l = await core.open(ctx, id, stage);
    const sub = l.subcontracts.find((s) => s.id === subId);
    if (!sub) throw new AppError('provision.subcontract_not_found');
    return { l, sub };
  }

  /**
   * Records that a subcontractor works (従事開始), only once permitted and while the contract runs
   * (A19-3). Throws provision.subcontract_not_permitted (409). Audit provision.contract_subcontract_started.
   */
  async function start(ctx: Ctx, id: string, subId: string): Promise<ContractView> {
    const { l, sub } = await openSub(ctx, id, subId, RUNNING);
    const refuse = async () => {
      await deps.ledger.audit(deps.database.db, ctx, {
        type: 'authz.denied',
        subjectType: 'ProvisionContract',
        subjectId: id,
        unitId: l.row.unit_id,
        sectionId: l.row.section_id,
        outcome: 'denied',
        data: {
          action: 'subcontract_start',
          code: 'provision.subcontract_not_permitted',
          subcontractId: subId,
        },
      });
      return new AppError('provision.subcontract_not_permitted');
    };
    if (sub.status !== 'permitted') throw await refuse();
    const parent = sub.parent_id ? l.subcontracts.find((s) => s.id === sub.parent_id) : null;
    if (parent && !IN_FORCE.includes(parent.status)) throw await refuse();
    await core.commit(ctx, l, RUNNING, async (tx, at) => {
      if (
        !(await contractsRepo.moveSubcontract(tx, subId, ['permitted'], {
          status: 'working',
          started_at: at,
          started_by: l.me,
        }))
      )
        throw new AppError('provision.subcontract_not_permitted');
      await core.audit(tx, ctx, l.row, 'provision.contract_subcontract_started', {
        subcontractId: subId,
        partyId: sub.party_id,
      });
    });
    return get(ctx, id);
  }

  /** Ends a subcontract in force, and those under it. Audit provision.contract_subcontract_ended. */
  async function end(ctx: Ctx, id: string, subId: string): Promise<ContractView> {
    const stage: Stage = {
      from: ['draft', 'active', 'ending'] as ContractStatus[],
      code: 'provision.contract_not_active',
    };
    const { l, sub } = await openSub(ctx, id, subId, stage);
    if (!IN_FORCE.includes(sub.status)) throw new AppError('provision.subcontract_not_permitted');
    const under = (parentId: string): SubcontractRow[] =>
      l.subcontracts.filter((s) => s.parent_id === parentId).flatMap((s) => [s, ...under(s.id)]);
    await core.commit(ctx, l, stage, async (tx, at) => {
      for (const s of [sub, ...under(sub.id)])
        if (
          await contractsRepo.moveSubcontract(tx, s.id, IN_FORCE, {
            status: 'ended',
            ended_at: at,
            ended_by: l.me,
          })
        )
          await core.audit(tx, ctx, l.row, 'provision.contract_subcontract_ended', {
            subcontractId: s.id,
            partyId: s.party_id,
          });
    });
    return get(ctx, id);
  }

  return { list, request, start, end };
}
