import type { Ctx } from '../context.ts';
import { newTimeOrderedId } from '../ids.ts';
import type { EntryInsert } from './ledger.repo.ts';
import type { AccessEvent, AuditEvent } from './types.ts';

let isoMs = Number.NaN;
let iso = '';

/** The time as ISO 8601 (UTC), formatted once per millisecond: the log writes many entries in one. */
function isoOf(now: Date): string {
  const ms = now.getTime();
  if (ms !== isoMs) {
    iso = now.toISOString();
    isoMs = ms;
  }
  return iso;
}

/** What an entry says beyond who, when and from where (rowOf adds those). */
type Specifics = Pick<
  EntryInsert,
  'unit_id' | 'section_id' | 'purpose' | 'subject_type' | 'subject_id' | 'outcome' | 'reason' | 'payload'
>;

/**
 * The whole row in one object literal: rows of one shape, never changed after they are built, keep
 * the database layer's reads of them monomorphic (assigning fields afterwards made appends about a
 * third slower, bench/append.ts).
 */
function rowOf(ctx: Ctx, now: Date, kind: 'audit' | 'access', type: string, x: Specifics): EntryInsert {
  return {
    id: newTimeOrderedId(now.getTime()),
    kind,
    type,
    occurred_at: isoOf(now),
    actor_id: ctx.actor.kind === 'person' ? ctx.actor.personId : null,
    actor_label: ctx.actor.label,
    request_id: ctx.requestId,
    ip: ctx.ip,
    terminal_id: ctx.terminal,
    unit_id: x.unit_id,
    section_id: x.section_id,
    purpose: x.purpose,
    subject_type: x.subject_type,
    subject_id: x.subject_id,
    outcome: x.outcome,
    reason: x.reason,
    payload: x.payload,
  };
}

/** The row of an audit event (a change to governed data). */
export function auditRow(ctx: Ctx, now: Date, event: AuditEvent): EntryInsert {
  return rowOf(ctx, now, 'audit', event.type, {
    unit_id: event.unitId ?? null,
    section_id: event.sectionId ?? null,
    purpose: null,
    subject_type: event.subjectType,
    subject_id: event.subjectId,
    outcome: event.outcome ?? 'ok',
    reason: event.reason ?? null,
    payload: JSON.stringify({
      before: event.before ?? null,
      after: event.after ?? null,
      ...(event.data ?? {}),
    }),
  });
}

/** The row of an access event (a read of held personal information: what, of whom, why). */
export function accessRow(ctx: Ctx, now: Date, event: AccessEvent): EntryInsert {
  return rowOf(ctx, now, 'access', event.type, {
    unit_id: event.unitId,
    section_id: event.sectionId,
    purpose: event.purpose,
    subject_type: event.subjectType,
    subject_id: event.subjectId,
    outcome: event.outcome,
    reason: event.reason ?? null,
    payload: JSON.stringify({
      records: event.records ?? [],
      fields: event.fields ?? null,
      myNumber: event.myNumber ?? false,
      ...(event.data ?? {}),
    }),
  });
}
