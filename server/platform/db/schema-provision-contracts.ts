/**
 * Tables of outsourcing contracts (issue 9; rule 65 A19). Instants are ISO-8601 UTC text, days
 * YYYY-MM-DD (Tokyo); flags are 0/1. Texts are organisational (work, findings), never a held
 * person's data.
 */
export interface ProvisionContractTable {
  id: string;
  /** C2026-0001: the fiscal year of creation, then a sequence. */
  number: string;
  unit_id: string;
  section_id: string;
  /** The contractor (委託先 / 派遣元): provision_parties.id. */
  party_id: string;
  title: string;
  work: string;
  /** The contract's own number (契約番号), if any. */
  reference: string | null;
  kind: string; // ContractKind
  /** Register files involved, as a JSON array of ids. */
  file_ids: string;
  /** 1: a file with My Numbers is involved (A19-4), fixed when the files are saved. */
  my_number: number;
  starts_on: string;
  ends_on: string;
  /** A19-4: the supervision plan. */
  supervision_plan: string | null;
  status: string; // ContractStatus
  /** The latest contract_exception request (A19-1), if any. */
  exception_request_id: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  activated_at: string | null;
  activated_by: string | null;
  ended_at: string | null;
  ended_by: string | null;
  end_note: string | null;
  /** A19-1(5): the erasure or return confirmation. */
  erasure_on: string | null;
  erasure_method: string | null; // ErasureMethod
  erasure_evidence: string | null;
  erasure_at: string | null;
  erasure_by: string | null;
  closed_at: string | null;
  closed_by: string | null;
}

/** The checklist of A19-1's six clauses: one row per clause saved. */
export interface ProvisionContractClauseTable {
  contract_id: string;
  clause: string; // ContractClause
  present: number;
  /** 条項番号 (「第12条」). */
  reference: string | null;
  note: string | null;
  updated_at: string;
  updated_by: string;
}

/** A subcontract (A19-3) under the contract or under another subcontract (parent_id). */
export interface ProvisionSubcontractTable {
  id: string;
  contract_id: string;
  parent_id: string | null;
  party_id: string;
  work: string;
  file_ids: string;
  status: string; // SubcontractStatus
  /** The `subcontract` approval request. */
  request_id: string | null;
  requested_at: string;
  requested_by: string;
  decided_at: string | null;
  started_at: string | null;
  started_by: string | null;
  ended_at: string | null;
  ended_by: string | null;
}

/** An inspection of the contractor (A19-1) or a supervision record (A19-4, kind 'supervision'). */
export interface ProvisionContractCheckTable {
  id: string;
  contract_id: string;
  kind: string; // 'inspection' | 'supervision'
  checked_on: string;
  method: string; // ContractCheckMethod
  findings: string;
  next_due_on: string | null;
  checked_by: string;
  recorded_at: string;
}

/** An improvement request of an inspection, tracked to done. */
export interface ProvisionContractImprovementTable {
  id: string;
  contract_id: string;
  check_id: string;
  text: string;
  due_on: string | null;
  created_at: string;
  done_at: string | null;
  done_by: string | null;
  done_note: string | null;
}

/** An uploaded document (the contract, or erasure evidence), kept as DATA_DIR/provision/contracts/<stored_name>. */
export interface ProvisionContractDocumentTable {
  id: string;
  contract_id: string;
  kind: string; // ContractDocumentKind
  file_name: string;
  content_type: string;
  size: number;
  sha256: string;
  stored_name: string;
  uploaded_at: string;
  uploaded_by: string;
}

export interface ProvisionContractsTables {
  provision_contracts: ProvisionContractTable;
  provision_contract_clauses: ProvisionContractClauseTable;
  provision_subcontracts: ProvisionSubcontractTable;
  provision_contract_checks: ProvisionContractCheckTable;
  provision_contract_improvements: ProvisionContractImprovementTable;
  provision_contract_documents: ProvisionContractDocumentTable;
}
