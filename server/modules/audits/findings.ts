import {
  findingInput,
  progressInput,
  type FindingInput,
  type FindingView,
  type ProgressInput,
} from '../../../shared/api/audits.ts';
import { actorPersonId, type Ctx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { newId, newTimeOrderedId } from '../../platform/ids.ts';
import type { AuditsCore } from './audits.core.ts';
import { createNamer, presentFinding } from './audits.presenters.ts';
import { auditsRepo, type AuditRow, type FindingRow } from './audits.repo.ts';

/** Where a finding is shown in the app (the owner reads it there without reading the audit). */
export const findingPath = (auditId: string, findingId: string) => `/audits/${auditId}/findings/${findingId}`;

/**
 * Findings and their corrective actions (A36): the 監査責任者 records them while the audit is in
 * progress (severity, description, action, owner, due date) and the owner is told
 * (audit.finding_assigned); the owner or the 監査責任者 records progress and marks the action done;
 * the 監査責任者 confirms it (a 監査責任者's own "done" is confirmed at once).
 */
export function createFindings(core: AuditsCore) {
  const { deps, db } = core;

  async function present(ctx: Ctx, f: FindingRow, row: AuditRow, exec: Executor = db): Promise<FindingView> {
    const [items, progress] = await Promise.all([
      auditsRepo.items(exec, [row.id]),
      auditsRepo.progress(exec, [f.id]),
    ]);
    return presentFinding(createNamer(deps), f, row, items, progress, {
      me: actorPersonId(ctx),
      runs: core.runs(ctx),
      today: deps.clock.today(),
    });
  }

  /** A finding for its audit's readers and its owner; anyone else gets 404. */
  async function readable(ctx: Ctx, id: string, findingId: string) {
    const me = core.personOf(ctx);
    const [row, f] = await Promise.all([auditsRepo.get(db, id), auditsRepo.finding(db, findingId)]);
    if (!row || !f || f.audit_id !== id || !(core.reads(ctx, row) || f.owner_id === me))
      throw new AppError('audits.finding_not_found');
    return { row, f, me };
  }

  async function checkOwner(ownerId: string) {
    const p = await deps.person(ownerId);
    if (!p?.active) throw new AppError('audits.owner_invalid');
  }

  /** Records a finding (A36). Audit audits.finding_added; the owner is told. */
  async function add(ctx: Ctx, id: string, input: FindingInput): Promise<FindingView> {
    const me = core.personOf(ctx);
    const l = await core.open(ctx, id, 'in_progress');
    const x = findingInput.parse(input);
    if (x.itemId && !l.items.some((i) => i.id === x.itemId)) throw new AppError('audits.item_invalid');
    await checkOwner(x.ownerId);
    const findingId = newId();
    await core.commit(id, 'in_progress', async (tx, at, row) => {
      await auditsRepo.insertFinding(tx, {
        id: findingId,
        audit_id: id,
        item_id: x.itemId,
        severity: x.severity,
        description: x.description,
        action: x.action,
        owner_id: x.ownerId,
        due: x.due,
        status: 'open',
        created_at: at,
        created_by: me,
        done_at: null,
        done_by: null,
        confirmed_at: null,
        confirmed_by: null,
        overdue_notified_on: null,
      });
      await core.audit(tx, ctx, row, 'audits.finding_added', { findingId, severity: x.severity, due: x.due });
      await deps.notifications.notify(tx, [x.ownerId], 'audit.finding_assigned', {
        data: { number: row.number, path: findingPath(id, findingId) },
      });
    });
    deps.notifications.flushSoon();
    return get(ctx, id, findingId);
  }

  async function get(ctx: Ctx, id: string, findingId: string): Promise<FindingView> {
    const { row, f } = await readable(ctx, id, findingId);
    return present(ctx, f, row);
  }

  /**
   * A change to an open finding while the audit is in progress or reported: `who` is 'run' (the
   * 監査責任者) or 'owner' (the owner or the 監査責任者). 404 unread, 403 (audited) otherwise.
   */
  async function change(
    ctx: Ctx,
    id: string,
    findingId: string,
    who: 'run' | 'owner',
    fn: (tx: Executor, at: string, row: AuditRow, f: FindingRow, me: string) => Promise<void>,
    /** Checks that read outside the transaction (other modules' lookups), once the caller may act. */
    prepare?: () => Promise<void>,
  ): Promise<FindingView> {
    const { f, me } = await readable(ctx, id, findingId);
    if (!(who === 'owner' && f.owner_id === me)) await deps.authz.assertCan(ctx, 'run', 'Audit', { id });
    // Never inside the transaction: on SQLite its one connection is held until the commit.
    await prepare?.();
    await core.commit(id, ['in_progress', 'reported'], async (tx, at, row) => {
      const now = (await auditsRepo.finding(tx, findingId))!;
      await fn(tx, at, row, now, me);
    });
    return get(ctx, id, findingId);
  }

  const mustBeOpen = (f: FindingRow) => {
    if (f.status !== 'open') throw new AppError('audits.finding_done');
  };

  /** Edits an open finding (監査責任者). Audit audits.finding_changed; a new owner is told. */
  const edit = async (ctx: Ctx, id: string, findingId: string, input: FindingInput) => {
    const x = findingInput.parse(input);
    return change(
      ctx,
      id,
      findingId,
      'run',
      async (tx, _at, row, f) => {
        mustBeOpen(f);
        const items = await auditsRepo.items(tx, [id]);
        if (x.itemId && !items.some((i) => i.id === x.itemId)) throw new AppError('audits.item_invalid');
        await auditsRepo.updateFinding(tx, findingId, {
          item_id: x.itemId,
          severity: x.severity,
          description: x.description,
          action: x.action,
          owner_id: x.ownerId,
          due: x.due,
          overdue_notified_on: x.due === f.due ? f.overdue_notified_on : null,
        });
        await core.audit(tx, ctx, row, 'audits.finding_changed', {
          findingId,
          severity: x.severity,
          due: x.due,
        });
        if (x.ownerId !== f.owner_id)
          await deps.notifications.notify(tx, [x.ownerId], 'audit.finding_assigned', {
            data: { number: row.number, path: findingPath(id, findingId) },
          });
      },
      () => checkOwner(x.ownerId),
    );
  };

  /** Records progress (owner or 監査責任者). Audit audits.finding_progress. */
  const progress = (ctx: Ctx, id: string, findingId: string, input: ProgressInput) => {
    const { note } = progressInput.parse(input);
    return change(ctx, id, findingId, 'owner', async (tx, at, row, f, me) => {
      mustBeOpen(f);
      await auditsRepo.insertProgress(tx, {
        id: newTimeOrderedId(),
        finding_id: findingId,
        at,
        by_id: me,
        note,
      });
      await core.audit(tx, ctx, row, 'audits.finding_progress', { findingId });
    });
  };

  /** Marks the action done (owner or 監査責任者; the latter's is confirmed at once). Audit audits.finding_done. */
  const done = (ctx: Ctx, id: string, findingId: string, input: ProgressInput) => {
    const { note } = progressInput.parse(input);
    const runs = core.runs(ctx);
    return change(ctx, id, findingId, 'owner', async (tx, at, row, f, me) => {
      mustBeOpen(f);
      await auditsRepo.insertProgress(tx, {
        id: newTimeOrderedId(),
        finding_id: findingId,
        at,
        by_id: me,
        note,
      });
      await auditsRepo.updateFinding(tx, findingId, {
        status: 'done',
        done_at: at,
        done_by: me,
        ...(runs ? { confirmed_at: at, confirmed_by: me } : {}),
      });
      await core.audit(tx, ctx, row, 'audits.finding_done', { findingId, confirmed: runs });
    });
  };

  /** The 監査責任者 confirms a done action. Audit audits.finding_confirmed. */
  const confirm = (ctx: Ctx, id: string, findingId: string) =>
    change(ctx, id, findingId, 'run', async (tx, at, row, f, me) => {
      if (f.status !== 'done' || f.confirmed_at) throw new AppError('audits.finding_not_done');
      await auditsRepo.updateFinding(tx, findingId, { confirmed_at: at, confirmed_by: me });
      await core.audit(tx, ctx, row, 'audits.finding_confirmed', { findingId });
    });

  /** The caller's own corrective actions, in every audit. */
  async function mine(ctx: Ctx): Promise<{ items: FindingView[] }> {
    const me = core.personOf(ctx);
    const rows = await auditsRepo.findingsOf(db, me);
    const audits = new Map<string, AuditRow>();
    for (const f of rows)
      if (!audits.has(f.audit_id)) audits.set(f.audit_id, (await auditsRepo.get(db, f.audit_id))!);
    return { items: await Promise.all(rows.map((f) => present(ctx, f, audits.get(f.audit_id)!))) };
  }

  return { add, get, edit, progress, done, confirm, mine };
}
