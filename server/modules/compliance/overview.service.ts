import type { CellDetailView, ComplianceGapView, OverviewView } from '../../../shared/api/compliance.ts';
import { cellQuery } from '../../../shared/api/compliance.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { ComplianceDeps } from './compliance.deps.ts';
import { buildMatrix, FAMILY_COLUMNS, gapsOfCell, colourOf, ORGANISATION_ROW } from './matrix.ts';
import { classify, type Classified } from './severity.ts';

export const presentGap = (c: Classified): ComplianceGapView => ({
  key: c.key,
  kind: c.gap.kind,
  severity: c.severity,
  family: c.family,
  role: c.gap.role,
  unitId: c.gap.unitId,
  unitName: c.gap.unitName,
  sectionId: c.gap.sectionId,
  sectionName: c.gap.sectionName,
  article: c.gap.article,
  path: c.path,
  label: c.gap.label ?? null,
});

/** The matrix of units × article families and its drill-down (issue 10). */
export function createOverviewService(deps: ComplianceDeps) {
  const { authz, clock } = deps;

  /** Every gap today, classified. */
  const current = async () => (await deps.allGaps()).map(classify);

  /** Whether the caller reads a row: 'read' 'Gaps' for its unit (null: organisation-wide). */
  const readsRow = (ctx: Ctx, unitId: string | null) => authz.can(ctx, 'read', 'Gaps', { unitId });

  /** The rows the caller may read (403 auth.forbidden for those who read no gaps at all). */
  async function overview(ctx: Ctx): Promise<OverviewView> {
    await authz.assertCan(ctx, 'read', 'Gaps');
    const [structure, gaps] = await Promise.all([deps.structure(), current()]);
    const rows = buildMatrix(structure, gaps).filter((r) => readsRow(ctx, r.unitId));
    const totals = { red: 0, amber: 0, green: 0 };
    for (const r of rows) for (const c of r.cells) totals[c.colour] += 1;
    return { asOf: clock.today(), families: FAMILY_COLUMNS, rows, totals };
  }

  /** The gaps behind one cell (404 compliance.not_found for a unit the caller does not read). */
  async function cell(ctx: Ctx, raw: unknown): Promise<CellDetailView> {
    const q = cellQuery.parse(raw);
    await authz.assertCan(ctx, 'read', 'Gaps');
    const unitId = q.unitId ?? null;
    const structure = await deps.structure();
    const unit = unitId ? structure.units.find((u) => u.id === unitId) : null;
    if ((unitId && !unit) || !readsRow(ctx, unitId)) throw new AppError('compliance.not_found');
    const gaps = gapsOfCell(await current(), unitId, q.family).sort((a, b) =>
      a.key < b.key ? -1 : a.key > b.key ? 1 : 0,
    );
    return {
      asOf: clock.today(),
      unitId,
      unitName: unit?.name ?? ORGANISATION_ROW,
      family: q.family,
      articles: FAMILY_COLUMNS.find((f) => f.family === q.family)?.articles ?? [],
      colour: colourOf(gaps),
      gaps: gaps.map(presentGap),
    };
  }

  return { overview, cell, current, readsRow };
}

export type OverviewService = ReturnType<typeof createOverviewService>;
