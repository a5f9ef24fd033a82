/**
 * Tables of compliance (issue 10); see migration 0021-compliance. Instants are ISO-8601 UTC text,
 * days YYYY-MM-DD (Tokyo).
 */
export interface ComplianceSnapshotTable {
  id: string;
  day: string;
  /** null: the row 機構全体 (organisation-wide gaps). */
  unit_id: string | null;
  family: string; // ArticleFamily
  colour: string; // Colour
  red: number;
  amber: number;
  taken_at: string;
}

export interface ComplianceGapTable {
  id: string;
  /** kind|role|unit|section|article|path (stable while the gap lasts). */
  key: string;
  kind: string; // GapKind
  role: string; // Role
  unit_id: string | null;
  section_id: string | null;
  article: string;
  path: string;
  family: string;
  severity: string;
  label: string | null;
  first_seen: string;
  last_seen: string;
  resolved_at: string | null;
  notified_at: string | null;
}

export interface ComplianceTables {
  compliance_snapshots: ComplianceSnapshotTable;
  compliance_gaps: ComplianceGapTable;
}
