import { actorPersonId, type Ctx } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db/index.ts';
import { newId, newTimeOrderedId } from '../../../platform/ids.ts';
import type { Clock } from '../../../platform/clock.ts';
import { fiscalYear } from '../../approvals/index.ts';

/**
 * The record of an act that the file's rules let be done without approval (A12 「その内容に応じて」):
 * numbered in the same series as requests (R2026-000123) so that staff, the ledger (A16) and the
 * approvals' lists name it the same way, already `done`, with no decider, `payload.approval =
 * 'not_required'` and one event `recorded`. Written in the act's transaction: the act and its record
 * land together. A stand-in until the approval engine offers the same (`approvals.record`).
 */
export async function recordUnapproved(
  tx: Tx,
  ctx: Ctx,
  clock: Clock,
  input: {
    kind: string;
    unitId: string;
    sectionId: string;
    fileId: string;
    reason: string;
    payload: Record<string, unknown>;
  },
): Promise<{ id: string; number: string }> {
  const now = clock.now().toISOString();
  const prefix = `R${fiscalYear(clock.today())}-`;
  const last = await tx
    .selectFrom('approval_requests')
    .select('number')
    .where('number', 'like', `${prefix}%`)
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
  const seq = last ? Number.parseInt(last.number.slice(prefix.length), 10) + 1 : 1;
  const number = `${prefix}${String(seq).padStart(6, '0')}`;
  const id = newId();
  const requester = actorPersonId(ctx)!;
  await tx
    .insertInto('approval_requests')
    .values({
      id,
      number,
      kind: input.kind,
      unit_id: input.unitId,
      section_id: input.sectionId,
      file_id: input.fileId,
      record_ids: null,
      reason: input.reason,
      payload: JSON.stringify({ ...input.payload, approval: 'not_required' }),
      // The engine's views know two levels; nobody decided this one (decided_by stays null).
      level: 'protection_manager',
      status: 'done',
      requested_by: requester,
      requested_at: now,
      decided_by: null,
      acting_for: null,
      decided_at: null,
      decision_comment: null,
      expires_at: now,
      done_at: now,
      revision: 1,
    })
    .execute();
  await tx
    .insertInto('approval_events')
    .values({
      id: newTimeOrderedId(),
      request_id: id,
      action: 'recorded',
      actor_id: requester,
      acting_for: null,
      comment: null,
      at: now,
    })
    .execute();
  return { id, number };
}

/** Runs an act that draws a number again when two acts drew the same one at once (PostgreSQL). */
export async function withNumberRetry<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await run();
    } catch (e) {
      if (attempt < 3 && /unique|duplicate/i.test(String((e as Error).message))) continue;
      throw e;
    }
  }
}
