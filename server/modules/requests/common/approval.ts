import type { ErrorCode } from '../../../../shared/errors.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Executor, Tx } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/errors.ts';
import type { RequestRow } from '../../approvals/index.ts';
import type { RequestsCoreApi, SubjectRequestRow } from '../core/core.types.ts';

/** What a part says of its kind of decision approval. */
export interface DecisionApprovalKind {
  /** The approval kind (disclosure_decision, remedy_decision). */
  kind: string;
  /** 409 when the request is not (or no longer) where the step expects it. */
  stateCode: ErrorCode;
  /** The audit event when the approval is denied, withdrawn or expired. */
  returned: string;
  /** The request's row, read with the executor given (`tx` in the hooks). */
  read(db: Executor, id: string): Promise<SubjectRequestRow | undefined>;
  /**
   * What the part does on approval, in its transaction (tx only), once the request is decided `today`
   * and the approval completed.
   */
  onDecided(tx: Tx, ctx: Ctx, req: RequestRow, row: SubjectRequestRow, today: string): Promise<void>;
}

/**
 * The approval of a decision on a request by the unit's 総括保護管理者 (ADR 0008), as the decision
 * (法78–82) and the remedies (法93, 法101) parts share it: submitted, the request moves received →
 * deciding; approved, deciding → decided today, the approval used at once (no later act consumes
 * it); denied, withdrawn or expired, back to received with the decision cleared (the items kept).
 * The hooks run in the approval's transaction and use only `tx`.
 */
export function decisionApproval(core: RequestsCoreApi, k: DecisionApprovalKind) {
  const { approvals } = core.deps;

  /** The request still waiting on this approval, or undefined. */
  async function waiting(tx: Tx, req: RequestRow): Promise<SubjectRequestRow | undefined> {
    const { requestId } = JSON.parse(req.payload) as { requestId: string };
    const row = await k.read(tx, requestId);
    return row && row.approval_id === req.id ? row : undefined;
  }

  async function onApproved(tx: Tx, ctx: Ctx, req: RequestRow) {
    const row = await waiting(tx, req);
    if (!row) return;
    const today = core.today();
    if (!(await core.transition(tx, row.id, ['deciding'], { status: 'decided', decided_on: today }))) return;
    await approvals.complete(tx, ctx, req, { requestId: row.id, number: row.number });
    await k.onDecided(tx, ctx, req, row, today);
  }

  async function onClosed(tx: Tx, ctx: Ctx, req: RequestRow) {
    const row = await waiting(tx, req);
    if (!row) return;
    if (!(await core.transition(tx, row.id, ['deciding'], { status: 'received', decision: null }))) return;
    await core.audit(tx, ctx, row, k.returned, { approvalId: req.id, outcome: req.status });
  }

  approvals.defineKind(k.kind, { useDays: 30, onApproved, onClosed });

  /**
   * Submits the decision for approval (level chief_protection_manager). `reason` carries the number
   * and codes only (the approver opens the request for the rest); the payload carries `requestId`.
   * In the submission's transaction the request moves to deciding, then `within` writes the part's rows.
   */
  async function submit(
    ctx: Ctx,
    row: SubjectRequestRow,
    s: {
      sectionId: string;
      decision: string;
      reason: string;
      payload: { requestId: string };
      recordIds?: string[];
    },
    within: (tx: Tx, req: RequestRow) => Promise<void>,
  ): Promise<void> {
    await approvals.submit(
      ctx,
      {
        kind: k.kind,
        unitId: row.unit_id,
        sectionId: s.sectionId,
        fileId: null,
        ...(s.recordIds ? { recordIds: s.recordIds } : {}),
        reason: s.reason,
        payload: { ...s.payload },
        level: 'chief_protection_manager',
      },
      async (tx, req) => {
        const moved = await core.transition(tx, row.id, ['received'], {
          status: 'deciding',
          approval_id: req.id,
          decision: s.decision,
        });
        if (!moved) throw new AppError(k.stateCode);
        await within(tx, req);
      },
    );
  }

  return { submit };
}
