/**
 * Tables of third parties (issue 9; rule 65 A17–A19): parties. Instants are ISO-8601 UTC text,
 * days YYYY-MM-DD (Tokyo); flags are 0/1. Contacts are the counterpart's business contacts.
 */
export interface ProvisionPartyTable {
  id: string;
  kind: string; // PartyKind
  name: string;
  address: string | null;
  /** 法人番号 (13 digits), unique when given. */
  corporate_number: string | null;
  /** contactInput[] as JSON. */
  contacts: string;
  /** 1: a contractor (A19): capability checks apply. */
  contractor: number;
  /** 責任者等の管理体制 (A19-1(1)). */
  management_structure: string | null;
  notes: string | null;
  /** 0: retired (kept for history). */
  active: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

/** A capability check of a contractor (A19-1): when, how, what was found, the result, the next due. */
export interface ProvisionPartyCheckTable {
  id: string;
  party_id: string;
  checked_on: string;
  method: string; // CheckMethod
  certification: string | null;
  findings: string;
  result: string; // CheckResult
  next_due_on: string;
  checked_by: string;
  recorded_at: string;
}

/** An evidence document of a check, kept as DATA_DIR/provision/evidence/<stored_name>. */
export interface ProvisionPartyDocumentTable {
  id: string;
  party_id: string;
  check_id: string;
  file_name: string;
  content_type: string;
  size: number;
  sha256: string;
  stored_name: string;
  uploaded_at: string;
  uploaded_by: string;
}

export interface ProvisionPartiesTables {
  provision_parties: ProvisionPartyTable;
  provision_party_checks: ProvisionPartyCheckTable;
  provision_party_documents: ProvisionPartyDocumentTable;
}
