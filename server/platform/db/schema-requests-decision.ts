/**
 * Tables of individuals' requests — the decision part (issue 12; 法78, 法81, 法82, 法87); see
 * migration 0028-subject-request-decisions. Instants ISO-8601 UTC.
 */

/** One submission of a decision for approval (a denied one stays, the request goes back). */
export interface SubjectRequestDecisionTable {
  id: string;
  request_id: string;
  /** The approval request (kind disclosure_decision) of this submission. */
  approval_id: string;
  /** A code of DECISIONS (shared/api/requests-decision.ts). */
  decision: string;
  /** The reason of the decision (法81: required for refuse_existence). */
  reason: string | null;
  /** 法87-3 ただし書: the good reason of a method chosen after the period. */
  method_late_reason: string | null;
  submitted_by: string;
  submitted_at: string;
}

/** An item withheld from disclosure (不開示情報, 法78-1): a whole record (field_key null) or a field. */
export interface SubjectRequestWithheldTable {
  id: string;
  request_id: string;
  match_id: string;
  file_id: string;
  record_id: string;
  field_key: string | null;
  /** A code of WITHHOLD_GROUNDS (1号 life … 7号 administration). */
  ground: string;
  /** Why the ground applies (organisational words, never the value). */
  reason: string;
  created_by: string;
  created_at: string;
}

export interface RequestsDecisionTables {
  subject_request_decisions: SubjectRequestDecisionTable;
  subject_request_withheld: SubjectRequestWithheldTable;
}
