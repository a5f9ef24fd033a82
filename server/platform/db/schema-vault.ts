/** Tables of the vault (issue 6; A11, A25, A26). Sealed columns hold ciphertext, never plain text. */
export interface VaultFileTable {
  file_id: string;
  unit_id: string;
  section_id: string;
  schema_version: number;
  /** Purpose[] as JSON (A11-3): the file's registered purposes as staff choose them. */
  purposes: string;
  important: number;
  terminal_area_kind: string | null;
  terminal_area_id: string | null;
  key_field: string | null;
  scope_field: string | null;
  index_bits: number;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
}

export interface VaultSchemaTable {
  file_id: string;
  version: number;
  /** RecordSchema as JSON. */
  definition: string;
  created_at: string;
  created_by: string | null;
}

export interface VaultRecordTable {
  id: string;
  file_id: string;
  unit_id: string | null;
  /** Keyed hash of the scope field's value (a class, a course): scopes grants without plain text. */
  scope_tag: string | null;
  schema_version: number;
  status: string; // RecordStatus
  revision: number;
  /** The record's data key wrapped by the key-encryption key; null once destroyed (A15). */
  key_wrapped: string | null;
  key_version: number;
  sealed_normal: string | null;
  sealed_sensitive: string | null;
  sealed_my_number: string | null;
  /**
   * The record's own rows of vault_index, JSON `[[field, value], …]`: they are replaced by primary
   * key (vault_index has no index on record_id; migration 0012). Null when it has none.
   */
  index_keys: string | null;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
}

export interface VaultIndexTable {
  file_id: string;
  field: string;
  value: number;
  record_id: string;
}

export interface VaultGrantTable {
  id: string;
  file_id: string;
  person_id: string;
  /** Permission[] as JSON. */
  permissions: string;
  /** Field keys as JSON, or null for every field. */
  fields: string | null;
  /** RecordScope as JSON, or null for every record. */
  scope: string | null;
  valid_from: string;
  valid_until: string;
  reason: string;
  granted_at: string;
  granted_by: string | null;
  review_due: string;
  reviewed_at: string | null;
  reviewed_by: string | null;
  revoked_at: string | null;
  revoked_by: string | null;
  revoke_reason: string | null;
  /** Issue 10 (A10): set while a required course is lapsed; a suspended grant is not in force. */
  suspended_at: string | null;
  /** The course lapsed (its title), while suspended. */
  suspended_reason: string | null;
}

export interface VaultChangeTable {
  id: string;
  file_id: string;
  record_id: string;
  kind: string; // 'create' | 'update'
  status: string; // 'pending' | 'verified' | 'rejected'
  base_revision: number;
  schema_version: number;
  /** Keys of the fields the change sets, as JSON (names only). */
  fields: string;
  sealed_normal: string | null;
  sealed_sensitive: string | null;
  sealed_my_number: string | null;
  made_at: string;
  made_by: string | null;
  checked_at: string | null;
  checked_by: string | null;
  reason: string | null;
}

export interface VaultImportTable {
  id: string;
  file_id: string;
  status: string; // 'running' | 'done' | 'failed'
  digest: string;
  total: number;
  imported: number;
  /** Problems by row as JSON (codes only, never values). */
  problems: string | null;
  started_at: string;
  started_by: string | null;
  finished_at: string | null;
}

export interface VaultTables {
  vault_files: VaultFileTable;
  vault_schemas: VaultSchemaTable;
  vault_records: VaultRecordTable;
  vault_index: VaultIndexTable;
  vault_grants: VaultGrantTable;
  vault_changes: VaultChangeTable;
  vault_imports: VaultImportTable;
}
