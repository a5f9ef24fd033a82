import {
  approveInput,
  reasonInput,
  terminalRequestInput,
  type CurrentTerminalView,
  type TerminalView,
} from '../../../shared/api/terminals.ts';
import { actorPersonId, type Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { addressAllowed, normaliseRanges, rangeWithin } from './address-ranges.ts';
import type { AreaService } from './area.service.ts';
import { newDeviceCredential, readDeviceCredential, secretMatches } from './terminal-cookie.ts';
import { manages, sees, type TerminalsDeps } from './terminals.deps.ts';
import { areaSubject } from './terminals.policy.ts';
import { presentTerminal, rangesOf } from './terminals.presenters.ts';
import { terminalsRepo, type TerminalWithNames } from './terminals.repo.ts';

const areaOf = (t: TerminalWithNames) => ({
  id: t.area_id,
  unit_id: t.area_unit_id,
  section_id: t.area_section_id,
});

/**
 * Terminals (A29 端末の限定): a person asks to register the browser they use; the manager of the
 * area approves or rejects; an approved terminal carries a signed device credential and may be bound
 * to address ranges; the manager revokes it. Every step is audited with ids and codes only.
 */
export function createTerminalService(deps: TerminalsDeps & { areas: AreaService }) {
  const { database, ledger, authz, clock, keys } = deps;
  const db = database.db;

  function personOf(ctx: Ctx): string {
    const id = actorPersonId(ctx);
    if (!id) throw new AppError('auth.required');
    return id;
  }

  /** A terminal or request whose area the caller may see, else terminal.not_found (404). */
  async function visibleTerminal(ctx: Ctx, id: string): Promise<TerminalWithNames> {
    const t = await terminalsRepo.terminal(db, id);
    if (!t || !sees(authz, ctx, areaOf(t))) throw new AppError('terminal.not_found');
    return t;
  }

  /**
   * Asks to register this browser in an area of the caller's unit (or one they manage). Answers the
   * request and the device credential for the HttpOnly cookie; only the secret's hash is stored.
   */
  async function request(ctx: Ctx, raw: unknown): Promise<{ terminal: TerminalView; cookie: string }> {
    const personId = personOf(ctx);
    const input = terminalRequestInput.parse(raw);
    const area = await deps.areas.visibleArea(ctx, input.areaId);
    const id = newId();
    const credential = newDeviceCredential(keys, id);
    await database.transaction(async (tx) => {
      await terminalsRepo.insertTerminal(tx, {
        id,
        area_id: area.id,
        requested_by: personId,
        label: input.label,
        reason: input.reason,
        secret_hash: credential.secretHash,
        status: 'pending',
        request_ip: ctx.ip,
        requested_at: clock.now().toISOString(),
        address_ranges: null,
        decided_at: null,
        decided_by: null,
        decision_reason: null,
        revoked_at: null,
        revoked_by: null,
        revoke_reason: null,
      });
      await ledger.audit(tx, ctx, {
        type: 'terminal.requested',
        subjectType: 'Terminal',
        subjectId: id,
        data: { areaId: area.id },
      });
    });
    return { terminal: presentTerminal((await terminalsRepo.terminal(db, id))!), cookie: credential.cookie };
  }

  /** The caller's own requests and terminals, newest first. */
  async function mine(ctx: Ctx): Promise<TerminalView[]> {
    const rows = await terminalsRepo.terminals(db, { requestedBy: personOf(ctx) });
    return rows.map(presentTerminal);
  }

  /** Requests waiting in the areas the caller manages (the approver's inbox). */
  async function inbox(ctx: Ctx): Promise<TerminalView[]> {
    personOf(ctx);
    const rows = await terminalsRepo.terminals(db, { status: ['pending'] });
    return rows.filter((t) => manages(authz, ctx, areaOf(t))).map(presentTerminal);
  }

  /** The terminals and requests of one area; for its managers. */
  async function ofArea(ctx: Ctx, areaId: string): Promise<TerminalView[]> {
    const area = await deps.areas.visibleArea(ctx, areaId);
    await authz.assertCan(ctx, 'approve', 'TerminalArea', areaSubject(area));
    return (await terminalsRepo.terminals(db, { areaIds: [areaId] })).map(presentTerminal);
  }

  /** Loads a terminal for a manager's decision: 404 outside sight, 403 (audited) when not its manager. */
  async function forManager(ctx: Ctx, id: string, action: 'approve' | 'revoke') {
    const t = await visibleTerminal(ctx, id);
    await authz.assertCan(ctx, action, 'TerminalArea', areaSubject(areaOf(t)));
    return t;
  }

  /**
   * Approves a request, optionally narrowing the area's address ranges for this terminal (each must lie
   * within the area's). Throws terminal.not_pending once decided.
   */
  async function approve(ctx: Ctx, id: string, raw: unknown): Promise<TerminalView> {
    const input = approveInput.parse(raw ?? {});
    const t = await forManager(ctx, id, 'approve');
    if (t.status !== 'pending') throw new AppError('terminal.not_pending');
    const narrowed = input.addressRanges?.length ? normaliseRanges(input.addressRanges) : null;
    const areaRanges = rangesOf(t.area_ranges);
    if (narrowed?.some((r) => !rangeWithin(r, areaRanges))) throw new AppError('terminal.range_outside_area');
    await database.transaction(async (tx) => {
      await terminalsRepo.updateTerminal(tx, id, {
        status: 'approved',
        address_ranges: narrowed ? JSON.stringify(narrowed) : null,
        decided_at: clock.now().toISOString(),
        decided_by: personOf(ctx),
      });
      await ledger.audit(tx, ctx, {
        type: 'terminal.approved',
        subjectType: 'Terminal',
        subjectId: id,
        data: { areaId: t.area_id, narrowed: narrowed !== null },
      });
    });
    return presentTerminal((await terminalsRepo.terminal(db, id))!);
  }

  /** Rejects a request with a reason (shown to the requester; not in the ledger). */
  async function reject(ctx: Ctx, id: string, raw: unknown): Promise<TerminalView> {
    const { reason } = reasonInput.parse(raw);
    const t = await forManager(ctx, id, 'approve');
    if (t.status !== 'pending') throw new AppError('terminal.not_pending');
    await database.transaction(async (tx) => {
      await terminalsRepo.updateTerminal(tx, id, {
        status: 'rejected',
        decided_at: clock.now().toISOString(),
        decided_by: personOf(ctx),
        decision_reason: reason,
      });
      await ledger.audit(tx, ctx, {
        type: 'terminal.rejected',
        subjectType: 'Terminal',
        subjectId: id,
        data: { areaId: t.area_id },
      });
    });
    return presentTerminal((await terminalsRepo.terminal(db, id))!);
  }

  /** Revokes an approved terminal: from its next request on it is no terminal at all (A29). */
  async function revoke(ctx: Ctx, id: string, raw: unknown): Promise<TerminalView> {
    const { reason } = reasonInput.parse(raw);
    const t = await forManager(ctx, id, 'revoke');
    if (t.status !== 'approved') throw new AppError('terminal.not_active');
    await database.transaction(async (tx) => {
      await terminalsRepo.updateTerminal(tx, id, {
        status: 'revoked',
        revoked_at: clock.now().toISOString(),
        revoked_by: personOf(ctx),
        revoke_reason: reason,
      });
      await ledger.audit(tx, ctx, {
        type: 'terminal.revoked',
        subjectType: 'Terminal',
        subjectId: id,
        data: { areaId: t.area_id },
      });
    });
    return presentTerminal((await terminalsRepo.terminal(db, id))!);
  }

  /**
   * The terminal of a device credential used from `ip`: its id when the signature is ours, the secret
   * matches the stored hash, it is approved, its area exists and the address lies within the area's
   * ranges and the terminal's own. Anything else is no terminal (null), never an error.
   */
  async function resolve(cookie: string | undefined, ip: string | null): Promise<string | null> {
    const credential = readDeviceCredential(keys, cookie);
    if (!credential) return null;
    const row = await terminalsRepo.forResolve(db, credential.terminalId);
    if (!row || !secretMatches(credential.secret, row.secret_hash)) return null;
    if (row.status !== 'approved' || row.area_removed_at) return null;
    if (!addressAllowed(ip, rangesOf(row.area_ranges)) || !addressAllowed(ip, rangesOf(row.address_ranges)))
      return null;
    return row.id;
  }

  /** What this browser is, for 「この端末」: registered, waiting, refused, revoked, outside its ranges, or nothing. */
  async function current(ctx: Ctx, cookie: string | undefined): Promise<CurrentTerminalView> {
    personOf(ctx);
    const credential = readDeviceCredential(keys, cookie);
    const row = credential ? await terminalsRepo.terminal(db, credential.terminalId) : undefined;
    if (!credential || !row || !secretMatches(credential.secret, row.secret_hash))
      return { state: 'none', terminal: null };
    const terminal = presentTerminal(row);
    if (row.status === 'approved' && row.area_removed_at) return { state: 'revoked', terminal };
    if (row.status === 'approved' && ctx.terminal !== row.id) return { state: 'out_of_range', terminal };
    return { state: row.status as CurrentTerminalView['state'], terminal };
  }

  return { request, mine, inbox, ofArea, approve, reject, revoke, resolve, current };
}

export type TerminalService = ReturnType<typeof createTerminalService>;
