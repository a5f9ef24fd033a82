import {
  withheldInput,
  type Decision,
  type DecisionView,
  type RecordValuesView,
} from '../../../../shared/api/requests-decision.ts';
import type { DeliveryMethod, RequestStatus } from '../../../../shared/api/requests.ts';
import { displayValue } from '../../../../shared/vault/field-display.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { methodChoiceUntil } from '../core/periods.ts';
import type { DecisionBase } from './decision.base.ts';
import { decisionRepo } from './decision.repo.ts';

/** Statuses in which the decision is still being prepared (the withheld items may change). */
export const PREPARING: readonly RequestStatus[] = ['received', 'correcting'];

/**
 * The decision as its readers see it (the request's handlers and the 監査責任者): the confirmed
 * records with their field labels but no values, the withheld items with their grounds (法78-1), the
 * state, approval, notice, method (法87-3) and carrying out; a record's values for a handler (logged,
 * A22-1); the list of withheld items, replaced as a whole before submission.
 */
export function createDecisionView(b: DecisionBase) {
  const { core, deps, db } = b;

  async function view(ctx: Ctx, id: string): Promise<DecisionView> {
    const row = await b.disclosure(ctx, id, 'read');
    const [recs, withheld, approval, decisionRow] = await Promise.all([
      b.records(id),
      b.withheld(id),
      row.approval_id ? deps.approvals.row(row.approval_id) : undefined,
      row.approval_id ? decisionRepo.decisionByApproval(db, row.approval_id) : undefined,
    ]);
    const handler = core.canHandle(ctx, row);
    const state = b.stateOf(row);
    const disclosing = b.discloses(row);
    const decided = row.status === 'decided';
    return {
      requestId: row.id,
      number: row.number,
      status: row.status as RequestStatus,
      state,
      decision: (row.decision as Decision | null) ?? null,
      reason: row.decision ? (decisionRow?.reason ?? null) : null,
      approvalId: row.approval_id,
      approvalStatus: approval?.status ?? null,
      decidedOn: row.decided_on,
      noticeSentOn: row.notice_sent_on,
      methodChosen: row.method_chosen as DeliveryMethod | null,
      methodChosenOn: row.method_chosen_on,
      methodLateReason: decisionRow?.method_late_reason ?? null,
      methodChoiceUntil:
        row.notice_sent_on && disclosing
          ? methodChoiceUntil(row.notice_sent_on, deps.config.methodChoiceDays, deps.config)
          : null,
      carriedOutOn: row.carried_out_on,
      preferredMethod: row.preferred_method as DeliveryMethod | null,
      records: recs.map(b.recordView),
      withheld: b.withheldViews(withheld, recs),
      can: {
        readValues: handler && recs.length > 0,
        editWithheld: handler && PREPARING.includes(row.status as RequestStatus),
        submit: handler && row.status === 'received',
        downloadNotice: state === 'decided',
        recordNotice: handler && decided && !row.notice_sent_on,
        chooseMethod: handler && decided && disclosing && row.notice_sent_on !== null,
        downloadDisclosure: handler && disclosing && ['decided', 'carried_out'].includes(row.status),
        carryOut: handler && decided && disclosing && row.method_chosen !== null,
      },
    };
  }

  /** One confirmed record's values, for a handler to decide what to withhold (read logged by the vault). */
  async function recordValues(ctx: Ctx, id: string, matchId: string): Promise<RecordValuesView> {
    const row = await b.disclosure(ctx, id, 'handle');
    const rec = (await b.records(id)).find((r) => r.matchId === matchId);
    if (!rec) throw new AppError('requests.match_not_found');
    const [read] = await deps.vaultSubjects.read(ctx, {
      purpose: core.purposeOf(row),
      requestId: row.id,
      refs: [{ fileId: rec.fileId, recordId: rec.recordId }],
    });
    if (read?.status !== 'ok') throw new AppError('requests.record_unreadable');
    const values = new Map(read.fields.map((f) => [f.key, f.value]));
    return {
      matchId: rec.matchId,
      fileId: rec.fileId,
      fileName: rec.fileName,
      recordId: rec.recordId,
      fields: rec.fields.map((f) => {
        const v = f.myNumber ? null : (values.get(f.key) ?? null);
        return { ...f, value: v === null ? null : displayValue(f.type, v, 'ja') };
      }),
    };
  }

  /** Replaces the withheld items (法78-1: each with its ground and reason), before submission only. */
  async function setWithheld(ctx: Ctx, id: string, raw: unknown): Promise<DecisionView> {
    const row = await b.disclosure(ctx, id, 'handle');
    const input = withheldInput.parse(raw);
    if (!PREPARING.includes(row.status as RequestStatus)) throw new AppError('requests.decision_locked');
    const recs = new Map((await b.records(id)).map((r) => [r.matchId, r]));
    const seen = new Set<string>();
    for (const item of input.items) {
      const rec = recs.get(item.matchId);
      if (!rec) throw new AppError('requests.match_not_confirmed');
      if (item.fieldKey !== null && !rec.fields.some((f) => f.key === item.fieldKey))
        throw new AppError('requests.withheld_field_unknown');
      const key = `${item.matchId}:${item.fieldKey ?? ''}`;
      if (seen.has(key)) throw new AppError('requests.withheld_duplicate');
      seen.add(key);
    }
    const me = ctx.actor.kind === 'person' ? ctx.actor.personId : '';
    const at = deps.clock.now().toISOString();
    await deps.database.transaction(async (tx) => {
      const current = await decisionRepo.request(tx, id);
      if (!current || !PREPARING.includes(current.status as RequestStatus))
        throw new AppError('requests.decision_locked');
      await decisionRepo.replaceWithheld(
        tx,
        id,
        input.items.map((item) => ({
          id: newId(),
          request_id: id,
          match_id: item.matchId,
          file_id: recs.get(item.matchId)!.fileId,
          record_id: recs.get(item.matchId)!.recordId,
          field_key: item.fieldKey,
          ground: item.ground,
          reason: item.reason,
          created_by: me,
          created_at: at,
        })),
      );
      await core.audit(tx, ctx, row, 'requests.withheld_set', {
        items: input.items.length,
        grounds: [...new Set(input.items.map((i) => i.ground))].sort(),
        matchIds: [...new Set(input.items.map((i) => i.matchId))].sort(),
      });
    });
    return view(ctx, id);
  }

  return { view, recordValues, setWithheld };
}
