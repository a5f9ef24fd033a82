import { z } from 'zod';
import { ROLES } from '../roles.ts';
import { ARTICLE_FAMILIES } from '../compliance/articles.ts';
import { GAP_KINDS } from './organisation.ts';

/**
 * The compliance overview (issue 10; rule 65 A36–A38 read over every article): the HTTP contract.
 * Rows are the units (本部事務局 and the colleges) plus 機構全体 (organisation-wide gaps, unitId
 * null); columns are the article families of shared/compliance/articles.ts. A cell is red, amber or
 * green from the gaps behind it (the severity of each gap kind: server/modules/compliance/severity.ts).
 */
const id = z.uuid();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const instant = z.string();

export const COLOURS = ['red', 'amber', 'green'] as const;
export type Colour = (typeof COLOURS)[number];
/** A gap is red (a duty unmet now) or amber (a duty falling due or a matter still open). */
export const SEVERITIES = ['red', 'amber'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const familyEnum = z.enum(ARTICLE_FAMILIES);

/** A column: its family and the feature ids (A4, A10-1 …) it covers. */
export const familyColumnView = z.object({ family: familyEnum, articles: z.array(z.string()) });
export type FamilyColumnView = z.infer<typeof familyColumnView>;

export const cellView = z.object({
  family: familyEnum,
  colour: z.enum(COLOURS),
  /** Gaps behind the cell (red and amber). */
  count: z.number().int(),
  red: z.number().int(),
  amber: z.number().int(),
});
export type CellView = z.infer<typeof cellView>;

export const overviewRowView = z.object({
  /** null: the row 機構全体 (organisation-wide gaps: A4, A8, A9 …). */
  unitId: id.nullable(),
  unitName: z.string(),
  unitCode: z.string().nullable(),
  cells: z.array(cellView),
});
export type OverviewRowView = z.infer<typeof overviewRowView>;

/** GET /api/compliance/overview */
export const overviewView = z.object({
  asOf: isoDate,
  families: z.array(familyColumnView),
  rows: z.array(overviewRowView),
  /** Cells of the rows shown, by colour. */
  totals: z.object({ red: z.number().int(), amber: z.number().int(), green: z.number().int() }),
});
export type OverviewView = z.infer<typeof overviewView>;

/** One gap behind a cell, with the page of its records (path is always set here). */
export const complianceGapView = z.object({
  /** Stable key of the gap: kind|role|unit|section|article|path. */
  key: z.string(),
  kind: z.enum(GAP_KINDS),
  severity: z.enum(SEVERITIES),
  family: familyEnum,
  role: z.enum(ROLES),
  unitId: id.nullable(),
  unitName: z.string().nullable(),
  sectionId: id.nullable(),
  sectionName: z.string().nullable(),
  article: z.string(),
  path: z.string(),
  label: z.string().nullable(),
});
export type ComplianceGapView = z.infer<typeof complianceGapView>;

/** GET /api/compliance/cells?unitId=&family= — unitId omitted: the row 機構全体. */
export const cellQuery = z.object({
  unitId: id.optional(),
  family: familyEnum,
});
export type CellQuery = z.infer<typeof cellQuery>;

export const cellDetailView = z.object({
  asOf: isoDate,
  unitId: id.nullable(),
  unitName: z.string(),
  family: familyEnum,
  articles: z.array(z.string()),
  colour: z.enum(COLOURS),
  gaps: z.array(complianceGapView),
});
export type CellDetailView = z.infer<typeof cellDetailView>;

/** GET /api/compliance/trend?days=90&unitId= */
export const trendQuery = z.object({
  days: z.coerce.number().int().min(1).max(366).default(90),
  unitId: id.optional(),
});
export type TrendQuery = z.infer<typeof trendQuery>;

export const trendDayView = z.object({
  date: isoDate,
  red: z.number().int(),
  amber: z.number().int(),
  green: z.number().int(),
  /** Gaps counted in the day's cells. */
  gaps: z.number().int(),
});
export const trendView = z.object({
  from: isoDate,
  to: isoDate,
  unitId: id.nullable(),
  /** Days with a snapshot, oldest first (days without one are absent). */
  days: z.array(trendDayView),
});
export type TrendView = z.infer<typeof trendView>;

/** POST /api/compliance/snapshot (総括管理者, システム管理者): today's snapshot, replacing any. */
export const snapshotView = z.object({ date: isoDate, cells: z.number().int(), gaps: z.number().int() });
export type SnapshotView = z.infer<typeof snapshotView>;

/** GET /api/compliance/new-gaps?since= — gaps first seen on or after since (default: 7 days ago). */
export const newGapsQuery = z.object({ since: isoDate.optional() });
export type NewGapsQuery = z.infer<typeof newGapsQuery>;

export const trackedGapView = complianceGapView.extend({
  firstSeen: instant,
  lastSeen: instant,
  resolvedAt: instant.nullable(),
  notifiedAt: instant.nullable(),
});
export type TrackedGapView = z.infer<typeof trackedGapView>;

export const newGapsView = z.object({ since: isoDate, gaps: z.array(trackedGapView) });
export type NewGapsView = z.infer<typeof newGapsView>;
