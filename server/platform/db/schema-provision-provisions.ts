/**
 * Tables of third parties (issue 9; A17–A19): provisions (A17-2, A17の2, A18). Free texts are the
 * organisation's (purposes, laws, roles), never a held person's data; JSON columns hold the
 * contract's inputs (shared/api/provision-provisions.ts). Instants are ISO-8601 UTC text, dates
 * YYYY-MM-DD (Tokyo); booleans 0/1.
 */
export interface ProvisionTable {
  id: string;
  /** P2026-0001: the fiscal year of creation, then a sequence. */
  number: string;
  unit_id: string;
  section_id: string;
  party_id: string;
  ground: string;
  law_name: string;
  harm_statement: string;
  recipient_purpose: string;
  legal_basis: string;
  record_range: string;
  use_form: string;
  frequency: string;
  starts_on: string;
  ends_on: string | null;
  /** A18-3: for a public body, the 保護管理者 deems the measures necessary (0/1), and why. */
  measures_deemed_necessary: number;
  measures_reason: string;
  next_check_due: string | null;
  /** draft, pending, active, rejected, closed. */
  status: string;
  approval_id: string | null;
  /** A18-1: the written agreement (agreementInput as JSON), or null. */
  agreement: string | null;
  /** The uploaded document's original name and stored name (under documentsDir), or null. */
  agreement_document_name: string | null;
  agreement_document_key: string | null;
  agreement_document_type: string | null;
  /** Checked at every download (platform/files/document-store.ts). */
  agreement_document_sha256: string | null;
  /** A18-2: the measures required and the recipient's confirmation (measuresInput as JSON). */
  measures: string;
  closed_reason: string | null;
  closed_at: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** A file provided and its record items (JSON array of field keys or the register's item names). */
export interface ProvisionFileTable {
  provision_id: string;
  file_id: string;
  items: string;
}

/** A18-2: an on-site or documentary check. */
export interface ProvisionCheckTable {
  id: string;
  provision_id: string;
  kind: string;
  timing: string;
  checked_on: string;
  findings: string;
  result: string;
  recorded_by: string;
  recorded_at: string;
}

/** A18-2: an improvement request tracked to done. */
export interface ProvisionImprovementTable {
  id: string;
  provision_id: string;
  check_id: string | null;
  request: string;
  due_on: string;
  done_on: string | null;
  note: string;
  recorded_by: string;
  recorded_at: string;
  done_by: string | null;
}

/** An act of provision under an active provision. */
export interface ProvisionActTable {
  id: string;
  provision_id: string;
  file_id: string;
  provided_on: string;
  records: number;
  means: string;
  note: string;
  recorded_by: string;
  recorded_at: string;
}

export interface ProvisionProvisionsTables {
  provisions: ProvisionTable;
  provision_files: ProvisionFileTable;
  provision_checks: ProvisionCheckTable;
  provision_improvements: ProvisionImprovementTable;
  provision_acts: ProvisionActTable;
}
