import type { GapReportView, GapView } from '../../../shared/api/organisation.ts';
import type { Ctx } from '../../platform/context.ts';
import { appointmentRepo } from './appointment.repo.ts';
import { computeGaps } from './gaps.ts';
import type { OrganisationDeps } from './organisation.deps.ts';
import { sectionRepo } from './section.repo.ts';
import { unitRepo } from './unit.repo.ts';

/** The compliance-gap view (A3–A9): vacancies, duplicates, expired appointments, per unit. */
export function createGapService(deps: OrganisationDeps) {
  const { database, authz, clock } = deps;
  /** Gaps other modules report (e.g. an overdue password-policy review, A21-2): organisation-wide. */
  const sources: (() => Promise<GapView[]>)[] = [];

  /** Every gap in the organisation today, unfiltered (for counts). */
  async function allGaps(): Promise<GapView[]> {
    const db = database.db;
    const [units, sections, appointments, active] = await Promise.all([
      unitRepo.list(db),
      sectionRepo.list(db),
      appointmentRepo.all(db),
      db.selectFrom('people').select('id').where('active', '=', 1).execute(),
    ]);
    const extra = (await Promise.all(sources.map((s) => s()))).flat();
    return [
      ...extra,
      ...computeGaps({
        units,
        sections,
        appointments,
        activePeople: new Set(active.map((p) => p.id)),
        today: clock.today(),
      }),
    ];
  }

  /** The gaps the caller may see, optionally for one unit; organisation-wide seats are listed first. */
  async function report(ctx: Ctx, filter: { unitId?: string | undefined }): Promise<GapReportView> {
    await authz.assertCan(ctx, 'read', 'Gaps', filter.unitId ? { unitId: filter.unitId } : undefined);
    const gaps = (await allGaps()).filter(
      (g) =>
        (!filter.unitId || g.unitId === filter.unitId) &&
        authz.can(ctx, 'read', 'Gaps', { unitId: g.unitId }),
    );
    const byUnit = new Map<string | null, { unitId: string | null; unitName: string; count: number }>();
    for (const g of gaps) {
      const entry = byUnit.get(g.unitId) ?? {
        unitId: g.unitId,
        unitName: g.unitName ?? '機構全体',
        count: 0,
      };
      entry.count += 1;
      byUnit.set(g.unitId, entry);
    }
    return { asOf: clock.today(), gaps, byUnit: [...byUnit.values()] };
  }

  /** Adds a module's own gaps to the list (wired once in server/app.ts). */
  const addSource = (source: () => Promise<GapView[]>) => void sources.push(source);

  return { report, allGaps, addSource };
}

export type GapService = ReturnType<typeof createGapService>;
