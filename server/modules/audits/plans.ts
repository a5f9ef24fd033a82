import {
  auditListQuery,
  planInput,
  type AuditListItem,
  type AuditView,
  type Plan,
  type PlanInput,
} from '../../../shared/api/audits.ts';
import { AUDIT_DEFAULT_ARTICLES, itemsForArticles } from '../../../shared/compliance/articles.ts';
import type { Ctx } from '../../platform/context.ts';
import { nextNumber } from '../../platform/db/numbers.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { fiscalYear } from '../approvals/index.ts';
import { isReported, unitIdsOf, type AuditsCore } from './audits.core.ts';
import { createNamer, presentListItem } from './audits.presenters.ts';
import { auditsRepo } from './audits.repo.ts';

/**
 * Plans of audits (A36): the 監査責任者 plans (regular, ad hoc, external), starts (the checklist is
 * generated from the articles in scope), and closes once every finding is done and confirmed.
 */
export function createPlans(core: AuditsCore) {
  const { deps, db } = core;

  /** Checks a plan: external details only for external audits, real units, ordered dates. */
  async function checked(input: PlanInput): Promise<Plan & { articles: number[] }> {
    const p = planInput.parse(input);
    if ((p.kind === 'external') !== (p.external !== null)) throw new AppError('audits.external_required');
    if (p.periodFrom > p.periodTo || p.plannedStart > p.plannedEnd)
      throw new AppError('audits.period_invalid');
    if (p.unitIds) {
      const known = new Set((await deps.structure()).units.map((u) => u.id));
      if (!p.unitIds.every((u) => known.has(u))) throw new AppError('audits.unit_invalid');
    }
    // A36: 第3条から第19条まで及び第21条から第35条まで unless narrowed.
    const articles = [...new Set(p.articles ?? AUDIT_DEFAULT_ARTICLES)].sort((a, b) => a - b);
    return { ...p, unitIds: p.unitIds ? [...new Set(p.unitIds)] : null, articles };
  }

  const columns = (p: Plan & { articles: number[] }) => ({
    title: p.title,
    kind: p.kind,
    external: p.external ? JSON.stringify(p.external) : null,
    unit_ids: p.unitIds ? JSON.stringify(p.unitIds) : null,
    articles: JSON.stringify(p.articles),
    period_from: p.periodFrom,
    period_to: p.periodTo,
    planned_start: p.plannedStart,
    planned_end: p.plannedEnd,
    note: p.note,
  });

  /** The audits the caller reads: all for the overseers; reported ones of its unit for a 総括保護管理者. */
  async function list(ctx: Ctx, query: unknown): Promise<{ items: AuditListItem[] }> {
    core.personOf(ctx);
    const q = auditListQuery.parse(query ?? {});
    const rows = (await auditsRepo.list(db, q.status)).filter((r) => core.reads(ctx, r));
    const ids = rows.map((r) => r.id);
    const [items, findings] = await Promise.all([auditsRepo.items(db, ids), auditsRepo.findings(db, ids)]);
    const n = createNamer(deps);
    return {
      items: await Promise.all(
        rows.map((r) =>
          presentListItem(
            n,
            r,
            items.filter((i) => i.audit_id === r.id),
            findings.filter((f) => f.audit_id === r.id),
          ),
        ),
      ),
    };
  }

  /** Plans an audit (A36). Audit audits.planned. */
  async function create(ctx: Ctx, input: PlanInput): Promise<AuditView> {
    const me = core.personOf(ctx);
    await deps.authz.assertCan(ctx, 'run', 'Audit');
    const p = await checked(input);
    const id = newId();
    await deps.database.transaction(async (tx) => {
      const at = core.now();
      const number = await nextNumber(tx, deps.database.dialect, {
        table: 'audits',
        prefix: `A${fiscalYear(deps.clock.today())}-`,
        width: 4,
      });
      await auditsRepo.insert(tx, {
        id,
        number,
        ...columns(p),
        status: 'planned',
        created_at: at,
        created_by: me,
        updated_at: at,
      });
      const row = (await auditsRepo.get(tx, id))!;
      await core.audit(tx, ctx, row, 'audits.planned', { kind: p.kind, articles: p.articles });
    });
    return core.view(ctx, id);
  }

  /** Changes a plan while it is planned. Audit audits.plan_changed. */
  async function update(ctx: Ctx, id: string, input: PlanInput): Promise<AuditView> {
    await core.open(ctx, id, 'planned');
    const p = await checked(input);
    await core.commit(id, 'planned', async (tx, at, row) => {
      await auditsRepo.update(tx, id, { ...columns(p), updated_at: at });
      await core.audit(tx, ctx, row, 'audits.plan_changed', { kind: p.kind, articles: p.articles });
    });
    return core.view(ctx, id);
  }

  /** Starts the audit: one checklist item per feature id of the articles in scope (A36). */
  async function start(ctx: Ctx, id: string): Promise<AuditView> {
    const l = await core.open(ctx, id, 'planned');
    const items = itemsForArticles(JSON.parse(l.row.articles) as number[]);
    await core.commit(id, 'planned', async (tx, at, row) => {
      await auditsRepo.insertItems(
        tx,
        items.map((item, position) => ({
          id: newId(),
          audit_id: id,
          position,
          feature_id: item.id,
          article: item.article,
          answer: null,
          note: null,
          answered_at: null,
          answered_by: null,
        })),
      );
      await auditsRepo.update(tx, id, { status: 'in_progress', started_at: at, updated_at: at });
      await core.audit(tx, ctx, row, 'audits.started', { items: items.length });
    });
    return core.view(ctx, id);
  }

  /** Closes a reported audit once every finding is done and confirmed (A36). Audit audits.closed. */
  async function close(ctx: Ctx, id: string): Promise<AuditView> {
    await core.open(ctx, id, 'reported');
    await core.commit(id, 'reported', async (tx, at, row) => {
      const findings = await auditsRepo.findings(tx, [id]);
      const open = findings.filter((f) => f.status !== 'done' || !f.confirmed_at);
      if (open.length > 0)
        throw new AppError('audits.findings_open', {
          details: open.map((f) => ({ path: f.id, code: f.status })),
        });
      await auditsRepo.update(tx, id, { status: 'closed', closed_at: at, updated_at: at });
      await core.audit(tx, ctx, row, 'audits.closed');
    });
    return core.view(ctx, id);
  }

  return { list, create, update, start, close, isReported, unitIdsOf };
}
