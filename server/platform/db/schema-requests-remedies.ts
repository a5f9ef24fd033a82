/**
 * Tables of individuals' requests — correction (法90–97) and suspension of use (法98–103), and the
 * vault's suspensions (issue 12); see migration 0029-subject-request-remedies. Instants ISO-8601
 * UTC, days Tokyo dates, JSON as text; the values asked for are sealed (keys.seal), never plain.
 */

/** A record's use stopped for one purpose of its file (法98-1), by an approved request. */
export interface VaultSuspensionTable {
  id: string;
  file_id: string;
  record_id: string;
  purpose_code: string;
  /** The subject request (利用停止請求) that stopped it. */
  request_id: string;
  since: string;
  lifted_at: string | null;
  lifted_by: string | null;
}

/** A record concerned by a correction or suspension request. */
export interface SubjectRequestRemedyItemTable {
  id: string;
  request_id: string;
  /** A confirmed match of the parent disclosure (search.confirmed(parentId)). */
  match_id: string;
  file_id: string;
  record_id: string;
  /** JSON string[]: the fields to correct (correction). */
  field_keys: string;
  /** keys.seal('subject-request', JSON {key: value}): the values the requester asks for. */
  sealed_values: string | null;
  /** JSON string[]: the purposes whose use is to stop (suspension). */
  purpose_codes: string;
  /** null (undecided) | 'accepted' | 'rejected' */
  outcome: string | null;
  outcome_reason: string | null;
  /** The id the sealed report is bound to (the A13 correction made on approval). */
  report_correction_id: string | null;
  /** The correction's report, sealed under the record's key (「本人からの訂正請求（R…）による」). */
  sealed_report: string | null;
  /** The A13 correction in handling, once instructed. */
  correction_id: string | null;
  /** When the correction was applied, or the suspension took effect. */
  applied_at: string | null;
  created_at: string;
}

/** 法97, 法101: a recipient of provided data told of the correction or the stop. */
export interface SubjectRequestRecipientNoticeTable {
  id: string;
  request_id: string;
  provision_id: string;
  provision_number: string;
  party_name: string;
  /** 'pending' | 'told' | 'not_required' */
  status: string;
  reason: string | null;
  told_on: string | null;
  recorded_by: string | null;
  recorded_at: string | null;
  created_at: string;
}

export interface RequestsRemediesTables {
  vault_suspensions: VaultSuspensionTable;
  subject_request_remedy_items: SubjectRequestRemedyItemTable;
  subject_request_recipient_notices: SubjectRequestRecipientNoticeTable;
}
