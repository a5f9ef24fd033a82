/**
 * Tables of individuals' requests — the search part (issue 12; migration 0027): the vault records
 * found for a request and a handler's decision on each. Instants are ISO-8601 UTC.
 */
export interface SubjectRequestMatchTable {
  id: string;
  request_id: string;
  /** The register file (= vault file) and the record found in it. */
  file_id: string;
  record_id: string;
  /** JSON: the names of the terms that agreed (e.g. ["name","birthDate"]), never their values. */
  matched_on: string;
  /** 'candidate' | 'confirmed' | 'rejected' */
  status: string;
  /** Why it was confirmed or rejected (a handler's words, no personal data). */
  reason: string | null;
  found_at: string;
  found_by: string;
  decided_at: string | null;
  decided_by: string | null;
}

export interface RequestsSearchTables {
  subject_request_matches: SubjectRequestMatchTable;
}
