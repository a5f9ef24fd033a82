/** Tables of the register of personal information files (issue 5, A20). */
export interface RegisterFileTable {
  id: string;
  unit_id: string;
  section_id: string;
  state: string; // FileState
  current_version_id: string | null;
  open_version_id: string | null;
  my_number: number;
  my_number_approved_at: string | null;
  my_number_approved_by: string | null;
  created_at: string;
  created_by: string | null;
  discontinued_at: string | null;
  discontinued_by: string | null;
  discontinued_reason: string | null;
}

export interface RegisterVersionTable {
  id: string;
  file_id: string;
  number: number;
  status: string; // VersionStatus
  /** EntryFields as JSON: the version's whole content. */
  fields: string;
  name: string;
  department: string;
  kind: string;
  exemption: string;
  created_at: string;
  created_by: string | null;
  submitted_at: string | null;
  submitted_by: string | null;
  decided_at: string | null;
  decided_by: string | null;
  return_reason: string | null;
}

export interface RegisterTables {
  register_files: RegisterFileTable;
  register_versions: RegisterVersionTable;
}
