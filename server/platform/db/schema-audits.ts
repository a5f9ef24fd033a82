/**
 * Tables of audits (issue 10; A36); see migration 0019-audits. Instants are ISO-8601 UTC text, days
 * YYYY-MM-DD (Tokyo). JSON columns hold the contract's shapes (shared/api/audits.ts).
 */
export interface AuditTable {
  id: string;
  /** A2026-0001: the fiscal year of the plan's making, then a sequence. */
  number: string;
  title: string;
  kind: string;
  /** externalAuditorInput as JSON, for kind 'external'. */
  external: string | null;
  /** JSON array of unit ids, or null for every unit. */
  unit_ids: string | null;
  /** JSON array of article numbers (3–35 without 20). */
  articles: string;
  period_from: string;
  period_to: string;
  planned_start: string;
  planned_end: string;
  note: string | null;
  status: string;
  created_at: string;
  created_by: string;
  started_at: string | null;
  reported_at: string | null;
  reported_by: string | null;
  closed_at: string | null;
  updated_at: string;
}

export interface AuditItemTable {
  id: string;
  audit_id: string;
  position: number;
  feature_id: string;
  article: number;
  answer: string | null;
  note: string | null;
  answered_at: string | null;
  answered_by: string | null;
}

export interface AuditEvidenceTable {
  id: string;
  audit_id: string;
  item_id: string;
  kind: string;
  ref: string;
  label: string;
  path: string;
  at: string;
  unit_id: string | null;
  linked_at: string;
  linked_by: string;
}

export interface AuditDocumentTable {
  id: string;
  audit_id: string;
  item_id: string;
  file_name: string;
  content_type: string;
  size: number;
  sha256: string;
  stored_name: string;
  uploaded_at: string;
  uploaded_by: string;
}

export interface AuditFindingTable {
  id: string;
  audit_id: string;
  item_id: string | null;
  severity: string;
  description: string;
  action: string;
  owner_id: string;
  due: string;
  status: string;
  created_at: string;
  created_by: string;
  done_at: string | null;
  done_by: string | null;
  confirmed_at: string | null;
  confirmed_by: string | null;
  overdue_notified_on: string | null;
}

export interface AuditFindingProgressTable {
  id: string;
  finding_id: string;
  at: string;
  by_id: string;
  note: string;
}

export interface AuditDeliveryTable {
  audit_id: string;
  unit_id: string;
  person_id: string;
  delivered_at: string;
  acknowledged_at: string | null;
}

export interface AuditsTables {
  audits: AuditTable;
  audit_items: AuditItemTable;
  audit_evidence: AuditEvidenceTable;
  audit_documents: AuditDocumentTable;
  audit_findings: AuditFindingTable;
  audit_finding_progress: AuditFindingProgressTable;
  audit_deliveries: AuditDeliveryTable;
}
