import type { Ctx } from '../context.ts';
import type { Executor } from '../db/index.ts';
import { newId } from '../ids.ts';
import type { Clock } from '../clock.ts';

/** An audit event: a change to governed data, with what it was before and after. */
export interface AuditEvent {
  type: string;
  subjectType: string;
  subjectId: string | null;
  before?: unknown;
  after?: unknown;
  data?: Record<string, unknown>;
}

export interface LedgerEntry {
  seq: number;
  id: string;
  kind: 'audit' | 'access';
  type: string;
  occurredAt: string;
  actorId: string | null;
  actorLabel: string;
  /** The terminal the request came from (A29), or null. */
  terminalId: string | null;
  subjectType: string | null;
  subjectId: string | null;
  payload: Record<string, unknown>;
}

/**
 * The append-only log of audit events (and, later, access events). Every write takes the caller's
 * transaction so that the change and its audit event land together or not at all (architecture).
 * The verifiable-log issue (A22-2) makes it tamper-evident behind this same interface.
 */
export interface Ledger {
  audit(tx: Executor, ctx: Ctx, event: AuditEvent): Promise<void>;
  list(
    db: Executor,
    filter?: { type?: string; subjectType?: string; subjectId?: string; limit?: number },
  ): Promise<LedgerEntry[]>;
  count(db: Executor, filter?: { type?: string }): Promise<number>;
}

export function createLedger(deps: { clock: Clock }): Ledger {
  return {
    async audit(tx, ctx, event) {
      await tx
        .insertInto('ledger_entries')
        .values({
          id: newId(),
          kind: 'audit',
          type: event.type,
          occurred_at: deps.clock.now().toISOString(),
          actor_id: ctx.actor.kind === 'person' ? ctx.actor.personId : null,
          actor_label: ctx.actor.label,
          request_id: ctx.requestId,
          ip: ctx.ip,
          terminal_id: ctx.terminal,
          subject_type: event.subjectType,
          subject_id: event.subjectId,
          payload: JSON.stringify({
            before: event.before ?? null,
            after: event.after ?? null,
            ...(event.data ?? {}),
          }),
        })
        .execute();
    },
    async list(db, filter = {}) {
      let q = db
        .selectFrom('ledger_entries')
        .selectAll()
        .orderBy('seq', 'desc')
        .limit(filter.limit ?? 100);
      if (filter.type) q = q.where('type', '=', filter.type);
      if (filter.subjectType) q = q.where('subject_type', '=', filter.subjectType);
      if (filter.subjectId) q = q.where('subject_id', '=', filter.subjectId);
      const rows = await q.execute();
      return rows.map((r) => ({
        seq: Number(r.seq),
        id: r.id,
        kind: r.kind as 'audit' | 'access',
        type: r.type,
        occurredAt: r.occurred_at,
        actorId: r.actor_id,
        actorLabel: r.actor_label,
        terminalId: r.terminal_id,
        subjectType: r.subject_type,
        subjectId: r.subject_id,
        payload: JSON.parse(r.payload) as Record<string, unknown>,
      }));
    },
    async count(db, filter = {}) {
      let q = db.selectFrom('ledger_entries').select((eb) => eb.fn.countAll<number>().as('n'));
      if (filter.type) q = q.where('type', '=', filter.type);
      const row = await q.executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}
