/**
 * Tables of approvals and of handling held information (issue 7; A12–A17, A17の2, A24の2).
 * No column holds personal data in plain text: reasons and comments are organisational text that
 * staff are told not to put names or values in; what describes a record (a correction's report, its
 * before and after) is sealed under the record's own data key, so disposing the record erases it too.
 */
export interface ApprovalRequestTable {
  id: string;
  /** What people say on the phone: R2026-000123 (fiscal year of the request, then a sequence). */
  number: string;
  kind: string; // ApprovalKind
  unit_id: string;
  section_id: string;
  file_id: string | null;
  /** Record ids as JSON, or null. */
  record_ids: string | null;
  reason: string;
  /** Act-specific facts as JSON: ids, dates, codes, organisational text. */
  payload: string;
  /** Who decides: 'protection_manager' (the section's) or 'chief_protection_manager' (the unit's). */
  level: string;
  status: string; // ApprovalStatus
  requested_by: string;
  requested_at: string;
  decided_by: string | null;
  /** The person the decider stood in for (a deputy's decision), or null. */
  acting_for: string | null;
  decided_at: string | null;
  decision_comment: string | null;
  /** Undecided by then: expired. Approved: to be used by then. */
  expires_at: string;
  done_at: string | null;
  revision: number;
}

export interface ApprovalEventTable {
  id: string;
  request_id: string;
  action: string;
  actor_id: string | null;
  acting_for: string | null;
  comment: string | null;
  at: string;
}

export interface ApprovalDeputyTable {
  id: string;
  deputy_id: string;
  /** Stands in for this level of this section (protection_manager) or unit (chief_protection_manager). */
  level: string;
  unit_id: string;
  section_id: string | null;
  valid_from: string;
  valid_until: string;
  reason: string;
  created_at: string;
  created_by: string | null;
  revoked_at: string | null;
  revoked_by: string | null;
}

export interface HandlingRuleTable {
  /** 'default:<sensitivity>:<importance>' or 'file:<file id>'. */
  scope: string;
  /** { act: requirement } as JSON. */
  rules: string;
  updated_at: string;
  updated_by: string | null;
}

export interface NotificationTable {
  id: string;
  person_id: string;
  request_id: string | null;
  /** A code the app words (approval.submitted, approval.approved, export.expiring, …). */
  kind: string;
  /** Numbers and codes only, as JSON. */
  data: string;
  created_at: string;
  read_at: string | null;
  mailed_at: string | null;
}

export interface HandlingExportTable {
  id: string;
  request_id: string;
  file_id: string;
  person_id: string;
  format: string;
  /** The archive's name under the exports directory; null once deleted. */
  stored_name: string | null;
  records: number;
  size: number;
  sha256: string;
  created_at: string;
  expires_at: string;
  deleted_at: string | null;
  deleted_why: string | null;
  downloaded_at: string | null;
  /** The holder confirms that copies made from the download are deleted (A24の2). */
  local_deleted_at: string | null;
}

export interface HandlingMediumTable {
  id: string;
  unit_id: string;
  section_id: string;
  label: string;
  kind: string;
  storage_place: string;
  /** File ids as JSON. */
  file_ids: string;
  status: string; // stored | out | disposed
  registered_at: string;
  registered_by: string | null;
  disposed_at: string | null;
  disposal_method: string | null;
  disposal_witness: string | null;
  disposal_request_id: string | null;
}

export interface HandlingMovementTable {
  id: string;
  request_id: string;
  kind: string; // transmit | send_out | take_out
  file_id: string;
  medium_id: string | null;
  recipient: string;
  means: string;
  planned_at: string;
  due_back: string | null;
  done_at: string | null;
  done_by: string | null;
  returned_at: string | null;
  returned_by: string | null;
}

export interface HandlingCorrectionTable {
  id: string;
  file_id: string;
  record_id: string;
  /** Field keys the report concerns, as JSON. */
  fields: string;
  /** The report's description, sealed under the record's data key. */
  sealed_report: string | null;
  status: string; // reported | instructed | corrected | dismissed
  reported_by: string;
  reported_at: string;
  request_id: string | null;
  /** Before and after of the corrected fields, sealed under the record's data key. */
  sealed_before: string | null;
  sealed_after: string | null;
  corrected_by: string | null;
  corrected_at: string | null;
}

export interface HandlingDisposalTable {
  id: string;
  /** The certificate's number: D2026-000012. */
  number: string;
  request_id: string;
  kind: string; // records | file | medium
  file_id: string | null;
  medium_id: string | null;
  records: number;
  method: string;
  witness_id: string | null;
  executed_by: string;
  executed_at: string;
  /** SHA-256 of the certificate PDF as issued. */
  certificate_sha256: string | null;
}

export interface HandlingReviewTable {
  id: string;
  file_id: string;
  period_from: string;
  period_to: string;
  signed_by: string;
  signed_at: string;
  comment: string;
}

export interface HandlingRestrictionTable {
  /** A17-4: out-of-purpose internal use of this unit's files only by these people. */
  unit_id: string;
  person_ids: string;
  reason: string;
  updated_at: string;
  updated_by: string | null;
}

export interface HandlingTables {
  approval_requests: ApprovalRequestTable;
  approval_events: ApprovalEventTable;
  approval_deputies: ApprovalDeputyTable;
  handling_rules: HandlingRuleTable;
  notifications: NotificationTable;
  handling_exports: HandlingExportTable;
  handling_media: HandlingMediumTable;
  handling_movements: HandlingMovementTable;
  handling_corrections: HandlingCorrectionTable;
  handling_disposals: HandlingDisposalTable;
  handling_reviews: HandlingReviewTable;
  handling_restrictions: HandlingRestrictionTable;
}
