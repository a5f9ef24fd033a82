import {
  answerInput,
  extensionInput,
  feeInput,
  largeInput,
  OPEN_STATUSES,
  pauseInput,
  withdrawInput,
  type RequestStatus,
  type RequestView,
} from '../../../../shared/api/requests.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { daysBetween } from './periods.ts';
import type { RequestsBase } from './requests.core.ts';
import { computeDue } from './requests.periods.ts';
import type { RequestsReading } from './requests.reading.ts';
import { requestsRepo, type RequestRow } from './requests.repo.ts';

/** Before the decision is asked for or while it is being approved: the deadline can still move. */
const WORKING: readonly RequestStatus[] = ['received', 'deciding'];

/**
 * The changes of a request while it is handled: 補正 (法77-3) and its answer, the extension (法83-2,
 * 法94-2, 法102-2), the large case (法84), the fee (法89), withdrawal. Each lands with its audit event
 * (ids, numbers, codes; never the particulars) and the due date recomputed (core.transition).
 */
export function createRequestsChanges(base: RequestsBase, reading: RequestsReading) {
  const { deps, db } = base;
  const { config, database } = deps;

  /** A day of the request's handling: not in the future, not before the request was received. */
  function day(row: RequestRow, d: string) {
    if (d > base.today()) throw new AppError('requests.date_in_future');
    if (d < row.received_on) throw new AppError('requests.date_before_receipt');
  }

  /** Moves the request within the transaction, or 409 when another change came first. */
  async function move(tx: Tx, row: RequestRow, from: readonly RequestStatus[], patch: Partial<RequestRow>) {
    if (!(await base.transition(tx, row.id, from, patch))) throw new AppError('requests.not_open');
    const after = await requestsRepo.get(tx, row.id);
    return after as RequestRow;
  }

  /** The request must be in one of `from`: 補正中 answers pause_open, a closed one not_open. */
  function expect(row: RequestRow, from: readonly RequestStatus[]) {
    if ((from as readonly string[]).includes(row.status)) return;
    if (row.status === 'correcting') throw new AppError('requests.pause_open');
    if ((OPEN_STATUSES as readonly string[]).includes(row.status))
      throw new AppError('requests.not_receiving');
    throw new AppError('requests.not_open');
  }

  /** 法77-3: asks the requester to fix the request; the clock stops (法83-1 ただし書). */
  async function pause(ctx: Ctx, id: string, raw: unknown): Promise<RequestView> {
    const me = base.personOf(ctx);
    const row = await base.handled(ctx, id);
    const input = pauseInput.parse(raw);
    expect(row, ['received']);
    day(row, input.askedOn);
    const pauseId = newId();
    await database.transaction(async (tx) => {
      await requestsRepo.insertPause(tx, {
        id: pauseId,
        request_id: id,
        asked_on: input.askedOn,
        reason: input.reason,
        answered_on: null,
        asked_by: me,
        created_at: base.now(),
      });
      await move(tx, row, ['received'], { status: 'correcting' });
      await base.audit(tx, ctx, row, 'requests.paused', { pauseId, askedOn: input.askedOn });
    });
    return reading.view(ctx, id);
  }

  /** The 補正 is answered: the clock runs again; the due date moves by the days it stood still. */
  async function answer(ctx: Ctx, id: string, pauseId: string, raw: unknown): Promise<RequestView> {
    const row = await base.handled(ctx, id);
    const input = answerInput.parse(raw);
    const p = (await requestsRepo.pauses(db, [id])).find((x) => x.id === pauseId);
    if (!p) throw new AppError('requests.pause_not_found');
    if (p.answered_on) throw new AppError('requests.pause_answered');
    if (input.answeredOn < p.asked_on) throw new AppError('requests.answer_before_asked');
    day(row, input.answeredOn);
    await database.transaction(async (tx) => {
      if (!(await requestsRepo.answerPause(tx, pauseId, input.answeredOn)))
        throw new AppError('requests.pause_answered');
      const after = await move(tx, row, ['correcting'], { status: 'received' });
      await base.audit(tx, ctx, row, 'requests.pause_answered', {
        pauseId,
        answeredOn: input.answeredOn,
        days: daysBetween(p.asked_on, input.answeredOn),
        dueOn: after.due_on,
      });
    });
    return reading.view(ctx, id);
  }

  /** The due date without any extension, as it stands now (法83-2: extended before it). */
  async function originalDue(row: RequestRow) {
    const pauses = await requestsRepo.pauses(db, [row.id]);
    return computeDue(config, { ...row, extended_days: 0, large: 0 }, pauses).originalDueOn;
  }

  /** 法83-2 (法94-2, 法102-2): up to extensionDays more, once, with the written reason told. */
  async function extend(ctx: Ctx, id: string, raw: unknown): Promise<RequestView> {
    const row = await base.handled(ctx, id);
    const input = extensionInput.parse(raw);
    if (row.status === 'correcting') throw new AppError('requests.extension_while_paused');
    expect(row, WORKING);
    if (row.large === 1) throw new AppError('requests.extension_large');
    if (row.extended_days) throw new AppError('requests.extension_done');
    if (input.days > config.extensionDays)
      throw new AppError('requests.extension_too_long', { params: { max: config.extensionDays } });
    day(row, input.notifiedOn);
    const original = await originalDue(row);
    if (!original || base.today() > original || input.notifiedOn > original)
      throw new AppError('requests.extension_too_late');
    await database.transaction(async (tx) => {
      const after = await move(tx, row, WORKING, {
        extended_days: input.days,
        extension_reason: input.reason,
        extension_notified_on: input.notifiedOn,
      });
      await base.audit(tx, ctx, row, 'requests.extended', {
        days: input.days,
        notifiedOn: input.notifiedOn,
        originalDueOn: original,
        dueOn: after.due_on,
      });
    });
    return reading.view(ctx, id);
  }

  /**
   * 法84: a very large disclosure — a part decided within largeDays (60) of receipt, the rest by the
   * date set; told in writing within the period of 法83-1.
   */
  async function large(ctx: Ctx, id: string, raw: unknown): Promise<RequestView> {
    const row = await base.handled(ctx, id);
    const input = largeInput.parse(raw);
    if (row.kind !== 'disclosure') throw new AppError('requests.large_not_disclosure');
    if (row.large === 1) throw new AppError('requests.large_done');
    if (row.status === 'correcting') throw new AppError('requests.extension_while_paused');
    expect(row, WORKING);
    day(row, input.notifiedOn);
    const original = await originalDue(row);
    if (!original || base.today() > original || input.notifiedOn > original)
      throw new AppError('requests.large_too_late');
    const pauses = await requestsRepo.pauses(db, [row.id]);
    const partDue = computeDue(config, { ...row, large: 1 }, pauses).dueOn;
    if (!partDue || input.restDueOn <= partDue) throw new AppError('requests.large_rest_before_due');
    await database.transaction(async (tx) => {
      const after = await move(tx, row, WORKING, {
        large: 1,
        large_reason: input.reason,
        large_rest_due_on: input.restDueOn,
        large_notified_on: input.notifiedOn,
      });
      await base.audit(tx, ctx, row, 'requests.large_case', {
        notifiedOn: input.notifiedOn,
        restDueOn: input.restDueOn,
        dueOn: after.due_on,
      });
    });
    return reading.view(ctx, id);
  }

  /** 法89: the fee of a disclosure, paid (or exempted) after intake. */
  async function fee(ctx: Ctx, id: string, raw: unknown): Promise<RequestView> {
    const row = await base.handled(ctx, id);
    const input = feeInput.parse(raw);
    if (row.kind !== 'disclosure' || input.method === 'none') throw new AppError('requests.fee_not_due');
    expect(row, OPEN_STATUSES);
    day(row, input.paidOn);
    await database.transaction(async (tx) => {
      await move(tx, row, OPEN_STATUSES, { fee_method: input.method, fee_paid_on: input.paidOn });
      await base.audit(tx, ctx, row, 'requests.fee_paid', { method: input.method, paidOn: input.paidOn });
    });
    return reading.view(ctx, id);
  }

  /** The requester withdraws the request (while it is open); an open 補正 ends with it. */
  async function withdraw(ctx: Ctx, id: string, raw: unknown): Promise<RequestView> {
    const row = await base.handled(ctx, id);
    const input = withdrawInput.parse(raw);
    if (!(OPEN_STATUSES as readonly string[]).includes(row.status)) throw new AppError('requests.not_open');
    day(row, input.withdrawnOn);
    const open = (await requestsRepo.pauses(db, [id])).filter((p) => !p.answered_on);
    await database.transaction(async (tx) => {
      for (const p of open)
        await requestsRepo.answerPause(
          tx,
          p.id,
          input.withdrawnOn < p.asked_on ? p.asked_on : input.withdrawnOn,
        );
      await move(tx, row, OPEN_STATUSES, {
        status: 'withdrawn',
        withdrawn_reason: input.reason,
        closed_on: input.withdrawnOn,
      });
      await base.audit(tx, ctx, row, 'requests.withdrawn', {
        withdrawnOn: input.withdrawnOn,
        from: row.status,
      });
    });
    return reading.view(ctx, id);
  }

  return { pause, answer, extend, large, fee, withdraw };
}
