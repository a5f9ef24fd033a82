import {
  carriedOutInput,
  CORRECTION_DECISIONS,
  noticeInput,
  remedySubmitInput,
  SUSPENSION_DECISIONS,
  type RemedyDecision,
  type RemedyView,
} from '../../../../shared/api/requests-remedies.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { RequestRow } from '../../approvals/index.ts';
import { decisionApproval } from '../common/approval.ts';
import type { SubjectRequestRow } from '../core/core.types.ts';
import { REMEDY_KIND, type RemediesBase } from './remedies.base.ts';
import { remediesRepo } from './remedies.repo.ts';
import { missingOf } from './remedies.view.ts';

/** A recipient of provided data, gathered before the decision's transaction (法97, 法101). */
interface Recipient {
  provisionId: string;
  number: string;
  partyName: string;
}

/** What the approval carries: ids, the number, codes — and what the hooks may not read themselves. */
interface RemedyPayload {
  requestId: string;
  number: string;
  decision: RemedyDecision;
  reason: string;
  handlers: string[];
  /** The file sections' 保護管理者 and 保護担当者, told of instructed corrections (A13). */
  instructTo: string[];
  recipients: Recipient[];
}

export const DECISION_LABELS: Record<RemedyDecision, string> = {
  correct: '訂正する',
  partial_correct: '一部訂正する',
  not_correct: '訂正しない',
  suspend: '利用停止する',
  partial_suspend: '一部利用停止する',
  not_suspend: '利用停止しない',
};

const NOTHING_DONE: RemedyDecision[] = ['not_correct', 'not_suspend'];

/** Provisions that actually gave (or give) data to their recipient: told of a correction (法97). */
const PROVIDED = new Set(['active', 'closed']);

/**
 * The steps of a correction (法90–97) or suspension (法98–103) request once its items are set: the
 * decision submitted for approval by the unit's 総括保護管理者 (kind remedy_decision), the hooks
 * (on approval: corrections instructed in handling (A13), suspensions in the vault at once, recipients
 * to tell; on denial, withdrawal or expiry: back to received), the notices to recipients, and the
 * carrying out once every correction is made and every recipient dealt with.
 */
export function createRemediesSteps(b: RemediesBase, view: (ctx: Ctx, id: string) => Promise<RemedyView>) {
  const { core, deps, db } = b;
  const { database, notifications, corrections, vaultSuspensions } = deps;
  const now = () => deps.clock.now().toISOString();
  const payloadOf = (req: RequestRow) => JSON.parse(req.payload) as RemedyPayload;

  /**
   * On approval (its transaction; tx only), once decided today and the approval used — it is the
   * instruction of every correction it carries (A13) —: the decision flows into the vault.
   */
  async function onDecided(tx: Tx, ctx: Ctx, req: RequestRow, row: SubjectRequestRow, today: string) {
    const p = payloadOf(req);
    const accepted = (await remediesRepo.items(tx, row.id)).filter((i) => i.outcome === 'accepted');
    let instructed = 0;
    let suspended = 0;
    for (const item of accepted) {
      if (row.kind === 'correction' && item.report_correction_id && item.sealed_report) {
        await corrections.instructForRequest(tx, ctx, {
          correctionId: item.report_correction_id,
          sealedReport: item.sealed_report,
          fileId: item.file_id,
          recordId: item.record_id,
          fields: JSON.parse(item.field_keys) as string[],
          approval: req,
          subjectRequestId: row.id,
          requestNumber: row.number,
        });
        await remediesRepo.setItem(tx, item.id, { correction_id: item.report_correction_id });
        instructed++;
      }
      if (row.kind === 'suspension') {
        // 法98-1: the use stops at once for the purposes decided.
        suspended += await vaultSuspensions.suspend(
          tx,
          {
            fileId: item.file_id,
            recordId: item.record_id,
            purposeCodes: JSON.parse(item.purpose_codes) as string[],
            requestId: row.id,
          },
          ctx,
        );
        await remediesRepo.setItem(tx, item.id, { applied_at: now() });
      }
    }
    await remediesRepo.insertNotices(
      tx,
      p.recipients.map((r) => ({
        id: newId(),
        request_id: row.id,
        provision_id: r.provisionId,
        provision_number: r.number,
        party_name: r.partyName,
        status: 'pending',
        reason: null,
        told_on: null,
        recorded_by: null,
        recorded_at: null,
        created_at: now(),
      })),
    );
    await core.audit(tx, ctx, row, 'requests.remedy_decided', {
      decision: p.decision,
      approvalId: req.id,
      decidedOn: today,
      corrections: instructed,
      suspensions: suspended,
      recipients: p.recipients.length,
    });
    const path = `/requests/${row.id}/remedies`;
    await notifications.notify(tx, [...new Set([...p.handlers, req.requested_by])], 'request.decided', {
      data: { number: row.number, path },
    });
    if (instructed > 0)
      await notifications.notify(tx, p.instructTo, 'request.remedy_instructed', {
        data: { number: row.number, path: '/handling/corrections' },
      });
  }

  const approval = decisionApproval(core, {
    kind: REMEDY_KIND,
    stateCode: 'requests.remedy_state',
    returned: 'requests.remedy_returned',
    read: remediesRepo.request,
    onDecided,
  });

  /** The decision agrees with the outcomes (all, some, none accepted); every rejection has its reason. */
  function checkOutcomes(kind: string, decision: RemedyDecision, items: string[], outcomes: Outcome[]) {
    const allowed: readonly string[] = kind === 'correction' ? CORRECTION_DECISIONS : SUSPENSION_DECISIONS;
    if (!allowed.includes(decision)) throw new AppError('requests.remedy_decision_kind');
    const ids = outcomes.map((o) => o.itemId);
    if (
      new Set(ids).size !== ids.length ||
      ids.length !== items.length ||
      ids.some((i) => !items.includes(i))
    )
      throw new AppError('requests.remedy_outcomes_invalid');
    const yes = outcomes.filter((o) => o.outcome === 'accepted').length;
    const fits =
      decision === 'correct' || decision === 'suspend'
        ? yes === items.length
        : decision === 'not_correct' || decision === 'not_suspend'
          ? yes === 0
          : yes > 0 && yes < items.length;
    if (!fits) throw new AppError('requests.remedy_outcomes_invalid');
    // 法93, 法101: the reason for what is not corrected or stopped is given to the requester.
    if (outcomes.some((o) => o.outcome === 'rejected' && !o.reason))
      throw new AppError('requests.remedy_reason_required');
  }
  type Outcome = { itemId: string; outcome: 'accepted' | 'rejected'; reason: string | null };

  /** Who is told of an instructed correction: the file sections' 保護管理者 and 保護担当者 (A13). */
  async function instructTo(fileIds: string[]) {
    const people = new Set<string>();
    for (const fileId of fileIds) {
      const facts = await deps.fileFacts(fileId);
      if (!facts) continue;
      for (const role of ['protection_manager', 'protection_officer'] as const)
        for (const p of await deps.appointed(role, facts.unitId, facts.sectionId)) people.add(p);
    }
    return [...people];
  }

  /** The recipients of the affected files' provisions (read before the transaction). */
  async function recipientsOf(fileIds: string[]): Promise<Recipient[]> {
    const out = new Map<string, Recipient>();
    for (const fileId of fileIds)
      for (const p of await deps.provisionsOfFile(fileId))
        if (PROVIDED.has(p.status) && !out.has(p.id))
          out.set(p.id, { provisionId: p.id, number: p.number, partyName: p.partyName });
    return [...out.values()];
  }

  /** Submits the decision (法93, 法101) for approval by the unit's 総括保護管理者. */
  async function submit(ctx: Ctx, id: string, raw: unknown): Promise<RemedyView> {
    const row = await b.remedy(ctx, id, 'handle');
    const input = remedySubmitInput.parse(raw);
    if (row.status !== 'received' || row.decided_on) throw new AppError('requests.remedy_state');
    if (!row.section_id) throw new AppError('requests.remedy_section_missing');
    const items = await remediesRepo.items(db, id);
    if (items.length === 0) throw new AppError('requests.remedy_items_required');
    checkOutcomes(
      row.kind,
      input.decision,
      items.map((i) => i.id),
      input.outcomes,
    );
    const outcome = new Map(input.outcomes.map((o) => [o.itemId, o]));
    const accepted = items.filter((i) => outcome.get(i.id)!.outcome === 'accepted');
    // Sealed under each record's key before the transaction (the vault reads the record's key).
    const reports = new Map<string, { correctionId: string; sealedReport: string }>();
    if (row.kind === 'correction')
      for (const i of accepted)
        reports.set(i.id, await corrections.prepareForRequest(i.file_id, i.record_id, row.number));
    const affected = [...new Set(accepted.map((i) => i.file_id))];
    const payload: RemedyPayload = {
      requestId: id,
      number: row.number,
      decision: input.decision,
      reason: input.reason,
      handlers: await core.handlersOf(row),
      instructTo: row.kind === 'correction' ? await instructTo(affected) : [],
      recipients: NOTHING_DONE.includes(input.decision) ? [] : await recipientsOf(affected),
    };
    const kindWord = row.kind === 'correction' ? '訂正' : '利用停止';
    await approval.submit(
      ctx,
      row,
      {
        sectionId: row.section_id,
        decision: input.decision,
        reason: `保有個人情報の${kindWord}決定（${row.number}・${DECISION_LABELS[input.decision]}）`,
        payload,
        recordIds: accepted.map((i) => i.record_id),
      },
      async (tx, req) => {
        for (const i of items) {
          const o = outcome.get(i.id)!;
          const r = reports.get(i.id);
          await remediesRepo.setItem(tx, i.id, {
            outcome: o.outcome,
            outcome_reason: o.reason,
            report_correction_id: r?.correctionId ?? null,
            sealed_report: r?.sealedReport ?? null,
          });
        }
        await core.audit(tx, ctx, row, 'requests.remedy_submitted', {
          decision: input.decision,
          approvalId: req.id,
          approvalNumber: req.number,
          accepted: accepted.length,
          rejected: items.length - accepted.length,
          recipients: payload.recipients.length,
        });
      },
    );
    return view(ctx, id);
  }

  /** 法97, 法101: a recipient told (on a day), or not to be told (with the reason). */
  async function notice(ctx: Ctx, id: string, noticeId: string, raw: unknown): Promise<RemedyView> {
    const row = await b.remedy(ctx, id, 'handle');
    const input = noticeInput.parse(raw);
    if (row.status !== 'decided' || !row.decided_on) throw new AppError('requests.remedy_state');
    const n = (await remediesRepo.notices(db, id)).find((x) => x.id === noticeId);
    if (!n) throw new AppError('requests.remedy_notice_not_found');
    if (input.status === 'told') {
      b.notFuture(input.toldOn);
      if (input.toldOn < row.decided_on) throw new AppError('requests.remedy_date_before_decision');
    }
    await database.transaction(async (tx) => {
      await remediesRepo.setNotice(tx, n.id, {
        status: input.status,
        told_on: input.status === 'told' ? input.toldOn : null,
        reason: input.status === 'not_required' ? input.reason : null,
        recorded_by: b.me(ctx),
        recorded_at: now(),
      });
      await core.audit(tx, ctx, row, 'requests.remedy_recipient_recorded', {
        noticeId: n.id,
        provisionId: n.provision_id,
        provisionNumber: n.provision_number,
        status: input.status,
        ...(input.status === 'told' ? { toldOn: input.toldOn } : {}),
      });
    });
    return view(ctx, id);
  }

  /**
   * Carried out once every accepted correction is corrected (read from handling: A13, after its A26
   * check) and every recipient is told or found not to be (法97, 法101); 409 naming what is missing.
   * A decision that corrects or stops nothing ends the request (closed).
   */
  async function carriedOut(ctx: Ctx, id: string, raw: unknown): Promise<RemedyView> {
    const row = await b.remedy(ctx, id, 'handle');
    const { carriedOutOn } = carriedOutInput.parse(raw);
    if (row.status !== 'decided' || !row.decided_on) throw new AppError('requests.remedy_state');
    b.notFuture(carriedOutOn);
    if (carriedOutOn < row.decided_on) throw new AppError('requests.remedy_date_before_decision');
    const [items, notices] = await Promise.all([remediesRepo.items(db, id), remediesRepo.notices(db, id)]);
    const states = await corrections.states(
      items.map((i) => i.correction_id).filter((c): c is string => c !== null),
    );
    const missing = missingOf(items, states, notices);
    if (missing.length) throw new AppError('requests.remedy_not_done', { details: missing });
    const closes = NOTHING_DONE.includes(row.decision as RemedyDecision);
    await database.transaction(async (tx) => {
      const patch = closes
        ? { status: 'closed', closed_on: carriedOutOn }
        : { status: 'carried_out', carried_out_on: carriedOutOn };
      if (!(await core.transition(tx, id, ['decided'], patch))) throw new AppError('requests.remedy_state');
      for (const i of items)
        if (i.correction_id && !i.applied_at) await remediesRepo.setItem(tx, i.id, { applied_at: now() });
      await core.audit(tx, ctx, row, closes ? 'requests.remedy_closed' : 'requests.remedy_carried_out', {
        decision: row.decision,
        on: carriedOutOn,
        corrections: items.filter((i) => i.correction_id).length,
        recipients: notices.length,
      });
    });
    return view(ctx, id);
  }

  return { submit, notice, carriedOut };
}
