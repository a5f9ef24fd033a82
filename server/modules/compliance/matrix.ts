import type { CellView, Colour, FamilyColumnView } from '../../../shared/api/compliance.ts';
import type { OrgStructure } from '../../../shared/api/organisation.ts';
import { ARTICLE_FAMILIES, ARTICLE_ITEMS, type ArticleFamily } from '../../../shared/compliance/articles.ts';
import type { Classified } from './severity.ts';

/** The row of organisation-wide gaps (unitId null). */
export const ORGANISATION_ROW = '機構全体';

/** The columns: each family with the feature ids it covers, in the rule's order. */
export const FAMILY_COLUMNS: FamilyColumnView[] = ARTICLE_FAMILIES.map((family) => ({
  family,
  articles: ARTICLE_ITEMS.filter((i) => i.family === family).map((i) => i.id),
}));

export interface MatrixRow {
  unitId: string | null;
  unitName: string;
  unitCode: string | null;
  cells: CellView[];
}

/** A cell's colour: red if any gap behind it is red, amber if any is amber, else green. */
export function colourOf(gaps: Classified[]): Colour {
  if (gaps.some((g) => g.severity === 'red')) return 'red';
  return gaps.length > 0 ? 'amber' : 'green';
}

export function cellOf(family: ArticleFamily, gaps: Classified[]): CellView {
  const red = gaps.filter((g) => g.severity === 'red').length;
  return { family, colour: colourOf(gaps), count: gaps.length, red, amber: gaps.length - red };
}

/** The gaps of one row (unit, or the organisation for null) and one family. */
export const gapsOfCell = (all: Classified[], unitId: string | null, family: ArticleFamily) =>
  all.filter((g) => g.gap.unitId === unitId && g.family === family);

/**
 * The whole matrix: 機構全体 first, then every unit in the structure's order (本部事務局 and the
 * colleges). A gap of a unit no longer in the structure is not lost: it gets its own row.
 */
export function buildMatrix(structure: OrgStructure, all: Classified[]): MatrixRow[] {
  const rows: { unitId: string | null; unitName: string; unitCode: string | null }[] = [
    { unitId: null, unitName: ORGANISATION_ROW, unitCode: null },
    ...structure.units.map((u) => ({ unitId: u.id, unitName: u.name, unitCode: u.code })),
  ];
  const known = new Set(rows.map((r) => r.unitId));
  for (const g of all)
    if (!known.has(g.gap.unitId)) {
      known.add(g.gap.unitId);
      rows.push({ unitId: g.gap.unitId, unitName: g.gap.unitName ?? '', unitCode: null });
    }
  return rows.map((r) => ({
    ...r,
    cells: ARTICLE_FAMILIES.map((f) => cellOf(f, gapsOfCell(all, r.unitId, f))),
  }));
}
