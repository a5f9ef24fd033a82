import { fiscalYear, type RequestRow } from '../../approvals/index.ts';
// Stop-gap (issue 7): the engine has no call yet to record an act that needs no approval; the lead is
// asked to move this into modules/approvals as `approvals.record(ctx, input)`.
import { approvalsRepo } from '../../approvals/approvals.repo.ts';
import { actorPersonId, type Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { newId, newTimeOrderedId } from '../../../platform/ids.ts';
import type { HandlingContext } from '../handling.deps.ts';

/** Such a request is used at once by the act that recorded it; unused, the engine expires it. */
const USE_MS = 60 * 60_000;

/**
 * A request that needed no approval (the file's rules say 'none', A12 「その内容に応じて」), recorded so
 * that the copy still has a number to be marked with (A24の2) and the usage ledger sees it (A16).
 * It is born approved with no decider and the payload `{ approval: 'not_required' }`; the act
 * completes it in its own transaction like any approved request.
 */
export async function recordWithoutApproval(
  h: HandlingContext,
  ctx: Ctx,
  input: {
    unitId: string;
    sectionId: string;
    fileId: string;
    recordIds: string[] | null;
    reason: string;
    payload: Record<string, unknown>;
  },
): Promise<RequestRow> {
  const requester = actorPersonId(ctx);
  if (!requester) throw new AppError('auth.required');
  const now = h.clock.now();
  const prefix = `R${fiscalYear(h.clock.today())}-`;
  for (let attempt = 0; ; attempt++) {
    try {
      return await h.database.transaction(async (tx) => {
        const number = `${prefix}${String((await approvalsRepo.lastNumber(tx, prefix)) + 1).padStart(6, '0')}`;
        const req: RequestRow = {
          id: newId(),
          number,
          kind: 'export',
          unit_id: input.unitId,
          section_id: input.sectionId,
          file_id: input.fileId,
          record_ids: input.recordIds?.length ? JSON.stringify(input.recordIds) : null,
          reason: input.reason,
          payload: JSON.stringify({ ...input.payload, approval: 'not_required' }),
          level: 'protection_manager',
          status: 'approved',
          requested_by: requester,
          requested_at: now.toISOString(),
          decided_by: null,
          acting_for: null,
          decided_at: now.toISOString(),
          decision_comment: null,
          expires_at: new Date(now.getTime() + USE_MS).toISOString(),
          done_at: null,
          revision: 1,
        };
        await approvalsRepo.insert(tx, req);
        await approvalsRepo.insertEvent(tx, {
          id: newTimeOrderedId(),
          request_id: req.id,
          action: 'recorded',
          actor_id: requester,
          acting_for: null,
          comment: null,
          at: now.toISOString(),
        });
        await h.ledger.audit(tx, ctx, {
          type: 'approval.recorded',
          subjectType: 'ApprovalRequest',
          subjectId: req.id,
          unitId: req.unit_id,
          sectionId: req.section_id,
          data: { number, kind: 'export', fileId: input.fileId, approval: 'not_required' },
        });
        return req;
      });
    } catch (e) {
      // Two requests at once may draw the same number on PostgreSQL: the unique key refuses one.
      if (attempt < 3 && /unique|duplicate/i.test(String((e as Error).message))) continue;
      throw e;
    }
  }
}
