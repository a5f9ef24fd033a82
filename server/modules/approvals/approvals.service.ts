import {
  approvalListQuery,
  decisionInput,
  resubmitInput,
  type ApprovalLevel,
  type ApprovalView,
  type CountsView,
} from '../../../shared/api/approvals.ts';
import { actorPersonId, type Ctx } from '../../platform/context.ts';
import type { Executor, Tx } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { ErrorCode } from '../../../shared/errors.ts';
import { newId, newTimeOrderedId } from '../../platform/ids.ts';
import type { ApprovalsDeps } from './approvals.deps.ts';
import { approvalsRepo, type DeputyRow, type RequestRow } from './approvals.repo.ts';
import type { Notifications } from './notifications.service.ts';
import { createPresenter } from './approvals.presenters.ts';
import { deciderRight, deputyCovers } from './routing.ts';
import { nextNumber as drawNumber } from '../../platform/db/numbers.ts';

const DAY = 86_400_000;
/** An undecided request expires after this many days (ADR 0008 §5). */
export const DECISION_DAYS = 14;
/** A unit and section id no rule names (see list's 'all' box). */
const NOWHERE = '00000000-0000-0000-0000-000000000000';

/** What a module that owns a kind of request does at its steps (ADR 0008 §1). */
export interface KindHooks {
  /** Days an approval may be used once given (default 14). */
  useDays?: number;
  /** In the approval's transaction: e.g. a correction's instruction goes to the reporter. */
  onApproved?(tx: Tx, ctx: Ctx, request: RequestRow): Promise<void>;
  /** In the transaction that closes a request unused (denied, withdrawn, expired). */
  onClosed?(tx: Tx, ctx: Ctx, request: RequestRow): Promise<void>;
}

export interface SubmitInput {
  kind: string;
  unitId: string;
  sectionId: string;
  fileId: string | null;
  recordIds?: string[] | null;
  reason: string;
  payload?: Record<string, unknown>;
  level: ApprovalLevel;
}

const personOf = (ctx: Ctx): string => {
  const id = actorPersonId(ctx);
  if (!id) throw new AppError('auth.required');
  return id;
};

/** The Japanese fiscal year (年度) of a Tokyo date: April to March. */
export const fiscalYear = (today: string) => {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return m >= 4 ? y : y - 1;
};

/**
 * The approval engine (issue 7, ADR 0008): requests of every kind, routed by appointment to the
 * owning section's 保護管理者 or the unit's 総括保護管理者 (A12, A5, A6), decided (approve, deny, send
 * back with a comment) by them or their deputy, never by the requester; approvals expire; every step
 * is an event of the request and an audit event in the same transaction, and tells the people
 * concerned in the app and by mail.
 */
export function createApprovalsService(deps: ApprovalsDeps, notifications: Notifications) {
  const { database, ledger, clock } = deps;
  const db = database.db;
  const hooks = new Map<string, KindHooks>();
  const present = createPresenter(deps);

  const now = () => clock.now().toISOString();
  const inDays = (days: number) => new Date(clock.now().getTime() + days * DAY).toISOString();

  async function audit(
    tx: Executor,
    ctx: Ctx,
    req: RequestRow,
    action: string,
    data: Record<string, unknown> = {},
  ) {
    await ledger.audit(tx, ctx, {
      type: `approval.${action}`,
      subjectType: 'ApprovalRequest',
      subjectId: req.id,
      unitId: req.unit_id,
      sectionId: req.section_id,
      data: { number: req.number, kind: req.kind, fileId: req.file_id, level: req.level, ...data },
    });
  }

  async function event(
    tx: Executor,
    ctx: Ctx,
    req: RequestRow,
    action: string,
    extra: { actingFor?: string | null; comment?: string | null } = {},
  ) {
    await approvalsRepo.insertEvent(tx, {
      id: newTimeOrderedId(),
      request_id: req.id,
      action,
      actor_id: actorPersonId(ctx),
      acting_for: extra.actingFor ?? null,
      comment: extra.comment ?? null,
      at: now(),
    });
  }

  /**
   * Whom a deputy of a request's level acts for: an appointed manager other than the requester. A
   * deputy never stands in for the requester (a manager's own request is not decided by the person
   * they named), so when the requester is the only one appointed, deputies do not count (null).
   */
  async function actingForOf(req: Pick<RequestRow, 'level' | 'unit_id' | 'section_id' | 'requested_by'>) {
    const appointed = await deps.appointed(req.level as ApprovalLevel, req.unit_id, req.section_id);
    const others = appointed.filter((p) => p !== req.requested_by);
    if (others.length) return { appointed, actingFor: others[0]! };
    return { appointed, actingFor: appointed.length ? null : undefined };
  }

  /** Everyone who may decide a request now: those appointed and deputies in force, not the requester. */
  async function deciders(req: Pick<RequestRow, 'level' | 'unit_id' | 'section_id' | 'requested_by'>) {
    const { appointed, actingFor } = await actingForOf(req);
    const today = clock.today();
    const deputies =
      actingFor === null
        ? []
        : (await approvalsRepo.deputies(db, { unitIds: [req.unit_id] })).filter((d) =>
            deputyCovers(d, req, today),
          );
    return [...new Set([...appointed, ...deputies.map((d) => d.deputy_id)])].filter(
      (p) => p !== req.requested_by,
    );
  }

  /**
   * The next number of a fiscal year's series. On PostgreSQL two submissions at once would read the
   * same last number: a transaction-scoped advisory lock makes them draw one after the other (the
   * unique key and the retry below stay as the last guard). SQLite has one writer at a time.
   */
  const nextNumber = (tx: Tx, prefix: string) =>
    drawNumber(tx, database.dialect, { table: 'approval_requests', prefix, width: 6 });

  /**
   * Submits a request; `within` writes the act's own rows in the same transaction. A request that
   * nobody but its requester could decide at the section goes to the unit's 総括保護管理者 (nobody
   * decides their own request); with nobody there either it is refused (approval.no_approver).
   */
  async function submit(
    ctx: Ctx,
    input: SubmitInput,
    within?: (tx: Tx, request: RequestRow) => Promise<void>,
  ): Promise<RequestRow> {
    const requester = personOf(ctx);
    let level = input.level;
    const base = { unit_id: input.unitId, section_id: input.sectionId, requested_by: requester };
    if ((await deciders({ ...base, level })).length === 0 && level === 'protection_manager')
      level = 'chief_protection_manager';
    const notify = await deciders({ ...base, level });
    if (notify.length === 0) throw new AppError('approval.no_approver');
    const prefix = `R${fiscalYear(clock.today())}-`;
    for (let attempt = 0; ; attempt++) {
      try {
        const row = await database.transaction(async (tx) => {
          const number = await nextNumber(tx, prefix);
          const req: RequestRow = {
            id: newId(),
            number,
            kind: input.kind,
            unit_id: input.unitId,
            section_id: input.sectionId,
            file_id: input.fileId,
            record_ids: input.recordIds?.length ? JSON.stringify(input.recordIds) : null,
            reason: input.reason,
            payload: JSON.stringify(input.payload ?? {}),
            level,
            status: 'submitted',
            requested_by: requester,
            requested_at: now(),
            decided_by: null,
            acting_for: null,
            decided_at: null,
            decision_comment: null,
            expires_at: inDays(DECISION_DAYS),
            done_at: null,
            revision: 1,
          };
          await approvalsRepo.insert(tx, req);
          await event(tx, ctx, req, 'submitted');
          await audit(tx, ctx, req, 'submitted');
          await notifications.notify(tx, notify, 'approval.submitted', { requestId: req.id });
          if (within) await within(tx, req);
          return req;
        });
        notifications.flushSoon();
        return row;
      } catch (e) {
        // Two requests at once may draw the same number on PostgreSQL: the unique key refuses one.
        if (attempt < 3 && /unique|duplicate/i.test(String((e as Error).message))) continue;
        throw e;
      }
    }
  }

  async function load(id: string): Promise<RequestRow> {
    const req = await approvalsRepo.get(db, id);
    if (!req) throw new AppError('approval.not_found');
    return req;
  }

  async function myDeputies(ctx: Ctx): Promise<DeputyRow[]> {
    const personId = actorPersonId(ctx);
    return personId ? approvalsRepo.deputies(db, { deputyId: personId }) : [];
  }

  /** May the caller see this request: its requester, a decider, a manager over it, the auditors. */
  async function sees(ctx: Ctx, req: RequestRow, deputies: DeputyRow[]): Promise<boolean> {
    const personId = actorPersonId(ctx);
    if (ctx.actor.kind === 'system') return true;
    if (personId === req.requested_by || personId === req.decided_by) return true;
    if (deps.authz.can(ctx, 'read', 'ApprovalRequest', { unitId: req.unit_id, sectionId: req.section_id }))
      return true;
    if (deciderRight(ctx, req, deputies, clock.today())) return true;
    // Those told of it (a reporter of an error, a witness) see the request they were told of.
    const told = await db
      .selectFrom('notifications')
      .select('id')
      .where('request_id', '=', req.id)
      .where('person_id', '=', personId ?? '')
      .executeTakeFirst();
    return told !== undefined;
  }

  /** Refuses a step on a request the caller sees but may not take; the refusal is logged (A22). */
  async function refuse(ctx: Ctx, req: RequestRow, action: string, code: ErrorCode): Promise<never> {
    await ledger.audit(db, ctx, {
      type: 'authz.denied',
      subjectType: 'ApprovalRequest',
      subjectId: req.id,
      unitId: req.unit_id,
      sectionId: req.section_id,
      outcome: 'denied',
      data: { action, code },
    });
    throw new AppError(code);
  }

  /** Only the requester resubmits or withdraws: 404 to those who cannot see it, else a logged 403. */
  async function notRequester(ctx: Ctx, req: RequestRow, action: string): Promise<never> {
    if (!(await sees(ctx, req, await myDeputies(ctx)))) throw new AppError('approval.not_found');
    return refuse(ctx, req, action, 'approval.not_requester');
  }

  async function view(
    ctx: Ctx,
    req: RequestRow,
    deputies: DeputyRow[],
    withEvents = false,
  ): Promise<ApprovalView> {
    const personId = actorPersonId(ctx);
    const right = req.status === 'submitted' ? deciderRight(ctx, req, deputies, clock.today()) : null;
    const mine = personId === req.requested_by;
    return present(req, {
      canDecide: right !== null,
      canWithdraw: mine && ['submitted', 'sent_back', 'approved'].includes(req.status),
      canResubmit: mine && req.status === 'sent_back',
      events: withEvents ? await approvalsRepo.events(db, req.id) : undefined,
    });
  }

  async function get(ctx: Ctx, id: string): Promise<ApprovalView> {
    personOf(ctx);
    const req = await load(id);
    const deputies = await myDeputies(ctx);
    if (!(await sees(ctx, req, deputies))) throw new AppError('approval.not_found');
    return view(ctx, req, deputies, true);
  }

  /** The caller's boxes: to decide, their own, decided by them, or all they may see. */
  async function list(ctx: Ctx, raw: unknown): Promise<{ requests: ApprovalView[] }> {
    const personId = personOf(ctx);
    const q = approvalListQuery.parse(raw ?? {});
    const deputies = await myDeputies(ctx);
    const roles = ctx.actor.kind === 'person' ? ctx.actor.roles : [];
    const managed = {
      unitIds: roles.filter((r) => r.role === 'chief_protection_manager' && r.unitId).map((r) => r.unitId!),
      sectionIds: roles
        .filter((r) => r.role === 'protection_manager' && r.sectionId)
        .map((r) => r.sectionId!),
    };
    const today = clock.today();
    const deputyScopes = deputies.filter(
      (d) => d.revoked_at === null && d.valid_from <= today && today <= d.valid_until,
    );
    let rows: RequestRow[];
    const filter = { kind: q.kind, fileId: q.fileId, limit: q.limit };
    if (q.box === 'to_decide') {
      rows = await approvalsRepo.list(db, {
        ...filter,
        status: ['submitted'],
        unitIds: [...managed.unitIds, ...deputyScopes.map((d) => d.unit_id)],
        sectionIds: managed.sectionIds,
        limit: 500,
      });
      rows = rows.filter((r) => deciderRight(ctx, r, deputies, today)).slice(0, q.limit);
    } else if (q.box === 'mine') {
      rows = await approvalsRepo.list(db, {
        ...filter,
        requestedBy: personId,
        status: q.status ? [q.status] : undefined,
      });
    } else if (q.box === 'decided') {
      rows = await approvalsRepo.list(db, {
        ...filter,
        decidedBy: personId,
        status: q.status ? [q.status] : undefined,
      });
    } else {
      // Every request only for a rule without conditions (A4, A8): CASL's can() on the bare subject
      // type is true for any conditional rule too, so ask about a unit and section no rule names.
      const all = deps.authz.can(ctx, 'read', 'ApprovalRequest', { unitId: NOWHERE, sectionId: NOWHERE });
      rows = await approvalsRepo.list(db, {
        ...filter,
        status: q.status ? [q.status] : undefined,
        ...(all ? {} : { unitIds: managed.unitIds, sectionIds: managed.sectionIds }),
      });
    }
    return { requests: await Promise.all(rows.map((r) => view(ctx, r, deputies))) };
  }

  async function counts(ctx: Ctx): Promise<CountsView> {
    const personId = personOf(ctx);
    const toDecide = (await list(ctx, { box: 'to_decide', limit: 200 })).requests.length;
    const own = await approvalsRepo.list(db, {
      requestedBy: personId,
      status: ['sent_back', 'approved'],
      limit: 500,
    });
    return {
      toDecide,
      sentBack: own.filter((r) => r.status === 'sent_back').length,
      approved: own.filter((r) => r.status === 'approved').length,
      unread: await notifications.unread(personId),
    };
  }

  /** Approve, deny or send back (with a comment for the last two), by a decider of the request. */
  async function decide(ctx: Ctx, id: string, raw: unknown): Promise<ApprovalView> {
    const personId = personOf(ctx);
    const input = decisionInput.parse(raw);
    const req = await load(id);
    const deputies = await myDeputies(ctx);
    if (!(await sees(ctx, req, deputies))) throw new AppError('approval.not_found');
    if (req.status !== 'submitted') throw new AppError('approval.not_open');
    if (req.requested_by === personId) return refuse(ctx, req, 'decide', 'approval.own_request');
    const found = deciderRight(ctx, req, deputies, clock.today());
    // A deputy acts for an appointed manager other than the requester, never for the requester.
    const stand = found?.kind === 'deputy' ? await actingForOf(req) : null;
    const right = stand?.actingFor === null ? null : found;
    if (!right) return refuse(ctx, req, 'decide', 'approval.not_decider');
    if (input.decision !== 'approve' && !input.comment) throw new AppError('approval.comment_required');
    if (input.revision !== req.revision) throw new AppError('approval.stale');
    const actingFor = right.kind === 'deputy' ? (stand?.actingFor ?? null) : null;
    const status = { approve: 'approved', deny: 'denied', send_back: 'sent_back' }[input.decision];
    const action = status;
    const kindHooks = hooks.get(req.kind) ?? {};
    await database.transaction(async (tx) => {
      const moved = await approvalsRepo.transition(
        tx,
        id,
        { status: ['submitted'], revision: input.revision },
        {
          status,
          decided_by: personId,
          acting_for: actingFor,
          decided_at: now(),
          decision_comment: input.comment || null,
          // An approval is to be used within its kind's days; one sent back waits for its requester.
          expires_at: inDays(status === 'approved' ? (kindHooks.useDays ?? 14) : DECISION_DAYS),
        },
      );
      if (!moved) throw new AppError('approval.not_open');
      const after = (await approvalsRepo.get(tx, id))!;
      await event(tx, ctx, after, action, { actingFor, comment: input.comment || null });
      await audit(tx, ctx, after, action, { actingFor, deputy: right.kind === 'deputy' });
      await notifications.notify(tx, [req.requested_by], `approval.${action}`, { requestId: id });
      if (status === 'approved') await kindHooks.onApproved?.(tx, ctx, after);
      if (status === 'denied') await kindHooks.onClosed?.(tx, ctx, after);
    });
    notifications.flushSoon();
    return get(ctx, id);
  }

  /** The requester answers a sending back: the request goes to its deciders again, as a new revision. */
  async function resubmit(ctx: Ctx, id: string, raw: unknown): Promise<ApprovalView> {
    const personId = personOf(ctx);
    const input = resubmitInput.parse(raw);
    const req = await load(id);
    if (req.requested_by !== personId) return notRequester(ctx, req, 'resubmit');
    if (req.status !== 'sent_back') throw new AppError('approval.not_sent_back');
    if (input.revision !== req.revision) throw new AppError('approval.stale');
    const told = await deciders(req);
    if (told.length === 0) throw new AppError('approval.no_approver');
    await database.transaction(async (tx) => {
      const moved = await approvalsRepo.transition(
        tx,
        id,
        { status: ['sent_back'], revision: req.revision },
        {
          status: 'submitted',
          reason: input.reason,
          revision: req.revision + 1,
          decided_by: null,
          acting_for: null,
          decided_at: null,
          decision_comment: null,
          expires_at: inDays(DECISION_DAYS),
        },
      );
      if (!moved) throw new AppError('approval.not_open');
      const after = (await approvalsRepo.get(tx, id))!;
      await event(tx, ctx, after, 'resubmitted');
      await audit(tx, ctx, after, 'resubmitted', { revision: after.revision });
      await notifications.notify(tx, told, 'approval.resubmitted', { requestId: id });
    });
    notifications.flushSoon();
    return get(ctx, id);
  }

  /** The requester withdraws a request not yet carried out. */
  async function withdraw(ctx: Ctx, id: string): Promise<ApprovalView> {
    const personId = personOf(ctx);
    const req = await load(id);
    if (req.requested_by !== personId) return notRequester(ctx, req, 'withdraw');
    const told = req.status === 'submitted' ? await deciders(req) : [];
    await database.transaction(async (tx) => {
      const moved = await approvalsRepo.transition(
        tx,
        id,
        { status: ['submitted', 'sent_back', 'approved'] },
        { status: 'withdrawn' },
      );
      if (!moved) throw new AppError('approval.not_open');
      const after = (await approvalsRepo.get(tx, id))!;
      await event(tx, ctx, after, 'withdrawn');
      await audit(tx, ctx, after, 'withdrawn');
      await notifications.notify(tx, told, 'approval.withdrawn', { requestId: id });
      await hooks.get(req.kind)?.onClosed?.(tx, ctx, after);
    });
    notifications.flushSoon();
    return get(ctx, id);
  }

  /**
   * The approved request of the caller that allows an act (A12): of this kind and file, approved and
   * not expired. Throws approval.not_found, approval.not_requester, approval.mismatch or
   * approval.not_approved.
   */
  async function requireApproved(
    ctx: Ctx,
    id: string,
    expect: { kind: string | string[]; fileId?: string | null },
  ): Promise<RequestRow> {
    const personId = personOf(ctx);
    const req = await approvalsRepo.get(db, id);
    if (!req) throw new AppError('approval.not_found');
    if (req.requested_by !== personId) throw new AppError('approval.not_requester');
    const kinds = Array.isArray(expect.kind) ? expect.kind : [expect.kind];
    if (!kinds.includes(req.kind) || (expect.fileId !== undefined && req.file_id !== expect.fileId))
      throw new AppError('approval.mismatch');
    if (req.status !== 'approved' || req.expires_at <= now()) throw new AppError('approval.not_approved');
    return req;
  }

  /** Marks an approved request carried out (in the act's transaction); false if it no longer was approved. */
  async function complete(tx: Tx, ctx: Ctx, req: RequestRow, data: Record<string, unknown> = {}) {
    const moved = await approvalsRepo.transition(
      tx,
      req.id,
      { status: ['approved'] },
      { status: 'done', done_at: now() },
    );
    if (!moved) throw new AppError('approval.not_approved');
    await event(tx, ctx, req, 'done');
    await audit(tx, ctx, req, 'done', data);
  }

  /**
   * Records, in the act's transaction, an act that the file's rules let be done without approval
   * (A12 「その内容に応じて」): numbered in the same series as requests, so that staff, the copy's
   * marking (A24の2) and the usage ledger (A16) name it alike; born `done`, with no decider,
   * `payload.approval = 'not_required'`, one event `recorded` and the audit event approval.recorded.
   */
  async function record(
    tx: Tx,
    ctx: Ctx,
    input: Omit<SubmitInput, 'level'>,
    /**
     * 'done' (default) when the act lands in this transaction; 'approved' with a few minutes to be
     * used when the act needs the number first (a copy is marked with it) and completes it later.
     */
    opts: { status?: 'done' | 'approved'; useMinutes?: number } = {},
  ): Promise<RequestRow> {
    const requester = personOf(ctx);
    const at = now();
    const done = (opts.status ?? 'done') === 'done';
    const req: RequestRow = {
      id: newId(),
      number: await nextNumber(tx, `R${fiscalYear(clock.today())}-`),
      kind: input.kind,
      unit_id: input.unitId,
      section_id: input.sectionId,
      file_id: input.fileId,
      record_ids: input.recordIds?.length ? JSON.stringify(input.recordIds) : null,
      reason: input.reason,
      payload: JSON.stringify({ ...(input.payload ?? {}), approval: 'not_required' }),
      level: 'protection_manager',
      status: done ? 'done' : 'approved',
      requested_by: requester,
      requested_at: at,
      decided_by: null,
      acting_for: null,
      decided_at: null,
      decision_comment: null,
      expires_at: done
        ? at
        : new Date(clock.now().getTime() + (opts.useMinutes ?? 60) * 60_000).toISOString(),
      done_at: done ? at : null,
      revision: 1,
    };
    await approvalsRepo.insert(tx, req);
    await event(tx, ctx, req, 'recorded');
    await audit(tx, ctx, req, 'recorded', { approval: 'not_required' });
    return req;
  }

  /** The job: requests undecided and approvals unused past their deadline expire (ADR 0008 §5). */
  async function expireDue(ctx: Ctx): Promise<number> {
    const due = await approvalsRepo.due(db, now());
    let expired = 0;
    for (const req of due) {
      await database.transaction(async (tx) => {
        const moved = await approvalsRepo.transition(
          tx,
          req.id,
          { status: [req.status] },
          { status: 'expired' },
        );
        if (!moved) return;
        const after = (await approvalsRepo.get(tx, req.id))!;
        await event(tx, ctx, after, 'expired');
        await audit(tx, ctx, after, 'expired', { from: req.status });
        await notifications.notify(tx, [req.requested_by], 'approval.expired', { requestId: req.id });
        await hooks.get(req.kind)?.onClosed?.(tx, ctx, after);
        expired++;
      });
    }
    if (expired) notifications.flushSoon();
    return expired;
  }

  return {
    defineKind: (kind: string, h: KindHooks) => void hooks.set(kind, h),
    submit,
    get,
    list,
    counts,
    decide,
    resubmit,
    withdraw,
    requireApproved,
    complete,
    record,
    expireDue,
    deciders,
    /** The request row, for modules that own its kind (no visibility check: they check their own). */
    row: (id: string) => approvalsRepo.get(db, id),
    /** The request with this number (R2026-000123), for modules that refer to it (incidents, A34-3). */
    rowByNumber: (number: string) => approvalsRepo.byNumber(db, number),
  };
}

export type ApprovalsService = ReturnType<typeof createApprovalsService>;
