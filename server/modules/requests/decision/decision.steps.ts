import {
  carriedOutInput,
  DECISION_LABELS,
  DISCLOSING_DECISIONS,
  methodInput,
  noticeInput,
  submitInput,
  type Decision,
  type DecisionView,
} from '../../../../shared/api/requests-decision.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { RequestRow } from '../../approvals/index.ts';
import type { SubjectRequestRow } from '../core/core.types.ts';
import { methodChoiceUntil } from '../core/periods.ts';
import { decisionApproval } from '../common/approval.ts';
import { DECISION_KIND, type DecisionBase } from './decision.base.ts';
import { decisionRepo } from './decision.repo.ts';
import { decisionProblem } from './decision.rules.ts';

/** What the approval carries (ids, the number and codes; handlers read before the transaction). */
interface DecisionPayload {
  requestId: string;
  number: string;
  decision: Decision;
  handlers: string[];
}

/**
 * The steps of the decision: submission for approval by the unit's 総括保護管理者 (kind
 * disclosure_decision), the approval's hooks (decided on approval; back to received when denied,
 * withdrawn or expired), the notice sent (法82: a decision disclosing nothing closes the request), the
 * method the requester chose (法87-3, within methodChoiceDays of the notice unless a good reason) and
 * the carrying out (開示の実施; the 90 days of 法90-3 and 法98-3 run from it).
 */
export function createDecisionSteps(b: DecisionBase, view: (ctx: Ctx, id: string) => Promise<DecisionView>) {
  const { core, deps, db } = b;
  const { database, notifications, config } = deps;

  const payloadOf = (req: RequestRow) => JSON.parse(req.payload) as DecisionPayload;

  const approval = decisionApproval(core, {
    kind: DECISION_KIND,
    stateCode: 'requests.decision_state',
    returned: 'requests.decision_returned',
    read: decisionRepo.request,
    /** On approval (tx only): the request is decided today; its handlers are told. */
    async onDecided(tx, ctx, req, row, today) {
      const p = payloadOf(req);
      await core.audit(tx, ctx, row, 'requests.decided', {
        decision: p.decision,
        approvalId: req.id,
        decidedOn: today,
      });
      await notifications.notify(tx, [...p.handlers, req.requested_by], 'request.decided', {
        data: { number: row.number, path: `/requests/${row.id}/decision` },
      });
    },
  });

  /** Submits the decision for approval (法78–82), after checking it against the records and items. */
  async function submit(ctx: Ctx, id: string, raw: unknown): Promise<DecisionView> {
    const row = await b.disclosure(ctx, id, 'handle');
    const input = submitInput.parse(raw);
    if (row.status !== 'received') throw new AppError('requests.decision_state');
    if (!row.section_id) throw new AppError('requests.decision_section_missing');
    const recs = await b.records(id);
    const items = await b.withheld(id);
    const problem = decisionProblem(
      input.decision,
      input.reason,
      b.ruleRecords(recs),
      items.map((i) => ({ matchId: i.match_id, fieldKey: i.field_key })),
    );
    if (problem) throw new AppError(problem);
    const handlers = await core.handlersOf(row);
    const payload: DecisionPayload = {
      requestId: id,
      number: row.number,
      decision: input.decision,
      handlers,
    };
    const me = ctx.actor.kind === 'person' ? ctx.actor.personId : '';
    await approval.submit(
      ctx,
      row,
      {
        sectionId: row.section_id,
        decision: input.decision,
        reason: `保有個人情報の開示決定（${row.number}・${DECISION_LABELS[input.decision].ja}）`,
        payload,
      },
      async (tx, req) => {
        await decisionRepo.insertDecision(tx, {
          id: newId(),
          request_id: id,
          approval_id: req.id,
          decision: input.decision,
          reason: input.reason,
          method_late_reason: null,
          submitted_by: me,
          submitted_at: deps.clock.now().toISOString(),
        });
        await core.audit(tx, ctx, row, 'requests.decision_submitted', {
          decision: input.decision,
          approvalId: req.id,
          approvalNumber: req.number,
          withheld: items.length,
          grounds: [...new Set(items.map((i) => i.ground))].sort(),
        });
      },
    );
    return view(ctx, id);
  }

  const notFuture = (day: string) => {
    if (day > core.today()) throw new AppError('requests.date_in_future');
  };

  /** Moves the decided request with the patch, or 409 when it moved meanwhile. */
  async function move(
    ctx: Ctx,
    row: SubjectRequestRow,
    patch: Partial<SubjectRequestRow>,
    type: string,
    data: Record<string, unknown>,
    extra?: (tx: Tx) => Promise<void>,
  ) {
    await database.transaction(async (tx) => {
      if (!(await core.transition(tx, row.id, ['decided'], patch)))
        throw new AppError('requests.decision_state');
      await extra?.(tx);
      await core.audit(tx, ctx, row, type, data);
    });
  }

  /** The day the notice was sent (法82); a decision disclosing nothing closes the request with it. */
  async function notice(ctx: Ctx, id: string, raw: unknown): Promise<DecisionView> {
    const row = await b.disclosure(ctx, id, 'handle');
    const { sentOn } = noticeInput.parse(raw);
    if (!row.decided_on) throw new AppError('requests.decision_not_made');
    if (row.status !== 'decided' || row.notice_sent_on) throw new AppError('requests.decision_state');
    if (sentOn < row.decided_on) throw new AppError('requests.notice_before_decision');
    notFuture(sentOn);
    const closes = !DISCLOSING_DECISIONS.includes(row.decision as Decision);
    const patch = closes
      ? { notice_sent_on: sentOn, status: 'closed', closed_on: sentOn }
      : { notice_sent_on: sentOn };
    await move(ctx, row, patch, 'requests.notice_sent', { sentOn, decision: row.decision, closed: closes });
    return view(ctx, id);
  }

  /** 法87-3: the method chosen within methodChoiceDays of the notice, or later with a good reason. */
  async function method(ctx: Ctx, id: string, raw: unknown): Promise<DecisionView> {
    const row = await b.disclosure(ctx, id, 'handle');
    const input = methodInput.parse(raw);
    if (!b.discloses(row)) throw new AppError('requests.decision_discloses_nothing');
    if (row.status !== 'decided') throw new AppError('requests.decision_state');
    if (!row.notice_sent_on) throw new AppError('requests.notice_not_sent');
    if (input.chosenOn < row.notice_sent_on) throw new AppError('requests.method_before_notice');
    notFuture(input.chosenOn);
    const late = input.chosenOn > methodChoiceUntil(row.notice_sent_on, config.methodChoiceDays, config);
    if (late && !input.lateReason) throw new AppError('requests.method_choice_late');
    const decisionRow = row.approval_id
      ? await decisionRepo.decisionByApproval(db, row.approval_id)
      : undefined;
    await move(
      ctx,
      row,
      { method_chosen: input.method, method_chosen_on: input.chosenOn },
      'requests.method_chosen',
      { method: input.method, chosenOn: input.chosenOn, late },
      async (tx) => {
        if (decisionRow) await decisionRepo.setLateReason(tx, decisionRow.id, late ? input.lateReason : null);
      },
    );
    return view(ctx, id);
  }

  /** 開示の実施 in the method chosen; from this day run the 90 days of 法90-3 and 法98-3. */
  async function carriedOut(ctx: Ctx, id: string, raw: unknown): Promise<DecisionView> {
    const row = await b.disclosure(ctx, id, 'handle');
    const { carriedOutOn } = carriedOutInput.parse(raw);
    if (row.status !== 'decided') throw new AppError('requests.decision_state');
    if (!row.method_chosen || !row.method_chosen_on) throw new AppError('requests.method_not_chosen');
    if (carriedOutOn < row.method_chosen_on) throw new AppError('requests.carried_out_before_method');
    notFuture(carriedOutOn);
    await move(ctx, row, { status: 'carried_out', carried_out_on: carriedOutOn }, 'requests.carried_out', {
      carriedOutOn,
      method: row.method_chosen,
    });
    return view(ctx, id);
  }

  return { submit, notice, method, carriedOut };
}
