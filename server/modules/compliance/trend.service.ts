import { trendQuery, type SnapshotView, type TrendView } from '../../../shared/api/compliance.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { newTimeOrderedId } from '../../platform/ids.ts';
import type { ComplianceDeps } from './compliance.deps.ts';
import { buildMatrix } from './matrix.ts';
import type { OverviewService } from './overview.service.ts';

const minusDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

/**
 * The trend of the overview (issue 10): a snapshot of the matrix per day (unit × family: colour and
 * gap counts), taken by the daily job or on demand, replacing the day's earlier one.
 */
export function createTrendService(deps: ComplianceDeps, overview: OverviewService) {
  const { database, clock, authz, ledger } = deps;

  /** Takes today's snapshot (replacing any of today); answers what it holds. */
  async function take(ctx: Ctx): Promise<SnapshotView> {
    const day = clock.today();
    const [structure, gaps] = await Promise.all([deps.structure(), overview.current()]);
    const takenAt = clock.now().toISOString();
    const rows = buildMatrix(structure, gaps).flatMap((r) =>
      r.cells.map((c) => ({
        id: newTimeOrderedId(),
        day,
        unit_id: r.unitId,
        family: c.family,
        colour: c.colour,
        red: c.red,
        amber: c.amber,
        taken_at: takenAt,
      })),
    );
    await database.transaction(async (tx) => {
      await tx.deleteFrom('compliance_snapshots').where('day', '=', day).execute();
      await database.insertRows(tx, 'compliance_snapshots', rows);
      await ledger.audit(tx, ctx, {
        type: 'compliance.snapshot',
        subjectType: 'ComplianceSnapshot',
        subjectId: null,
        data: { day, cells: rows.length, gaps: gaps.length },
      });
    });
    return { date: day, cells: rows.length, gaps: gaps.length };
  }

  /** POST /api/compliance/snapshot: the 総括管理者 or the システム管理者 (compliance.policy.ts). */
  async function snapshot(ctx: Ctx): Promise<SnapshotView> {
    await authz.assertCan(ctx, 'create', 'ComplianceSnapshot');
    return take(ctx);
  }

  /** Per day with a snapshot: the cells of each colour over the rows the caller reads. */
  async function trend(ctx: Ctx, raw: unknown): Promise<TrendView> {
    const q = trendQuery.parse(raw);
    await authz.assertCan(ctx, 'read', 'Gaps');
    const unitId = q.unitId ?? null;
    const known = unitId ? (await deps.structure()).units.some((u) => u.id === unitId) : true;
    if (!known || (unitId && !overview.readsRow(ctx, unitId))) throw new AppError('compliance.not_found');
    const to = clock.today();
    const from = minusDays(to, q.days - 1);
    let query = database.db
      .selectFrom('compliance_snapshots')
      .select(['day', 'unit_id', 'colour', 'red', 'amber'])
      .where('day', '>=', from)
      .where('day', '<=', to);
    if (unitId) query = query.where('unit_id', '=', unitId);
    const rows = await query.execute();
    const byDay = new Map<
      string,
      { date: string; red: number; amber: number; green: number; gaps: number }
    >();
    for (const r of rows) {
      if (!overview.readsRow(ctx, r.unit_id)) continue;
      const d = byDay.get(r.day) ?? { date: r.day, red: 0, amber: 0, green: 0, gaps: 0 };
      d[r.colour as 'red' | 'amber' | 'green'] += 1;
      d.gaps += r.red + r.amber;
      byDay.set(r.day, d);
    }
    const days = [...byDay.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
    return { from, to, unitId, days };
  }

  /**
   * The demo's history (demo-compliance.ts): today's snapshot copied to the `days` before it, with
   * some green cells of earlier days amber (more the further back), so the trend shows progress.
   * Fictional by construction; never called outside the demo.
   */
  async function demoHistory(days: number): Promise<void> {
    const today = clock.today();
    const base = await database.db
      .selectFrom('compliance_snapshots')
      .selectAll()
      .where('day', '=', today)
      .execute();
    await database.transaction(async (tx) => {
      for (let back = 1; back <= days; back++) {
        const day = minusDays(today, back);
        await tx.deleteFrom('compliance_snapshots').where('day', '=', day).execute();
        const rows = base.map((r, i) => {
          const worse = r.colour === 'green' && (i * 7 + back) % 23 < Math.min(back, 20) / 4;
          return worse
            ? { ...r, id: newTimeOrderedId(), day, colour: 'amber', amber: 1 }
            : { ...r, id: newTimeOrderedId(), day };
        });
        await database.insertRows(tx, 'compliance_snapshots', rows);
      }
    });
  }

  return { take, snapshot, trend, demoHistory };
}
