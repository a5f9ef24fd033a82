/**
 * Tables of facilities — information systems (A23, A24, A28) (issue 11); see migration
 * 0023-facility-systems. Instants are ISO-8601 UTC text, days YYYY-MM-DD (Tokyo); flags 0/1.
 */
export interface FacilitySystemTable {
  id: string;
  unit_id: string;
  /** The owning section: its 保護管理者 keeps the system (A23, A24, A28). */
  section_id: string;
  name: string;
  purpose: string;
  hosting: string; // Hosting
  check_interval_days: number;
  notes: string | null;
  active: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

/** The register's files a system processes (of the system's unit). */
export interface FacilitySystemFileTable {
  system_id: string;
  file_id: string;
}

/** A safeguard (A23: network_control, remote_access; A24: patching, malware); retired ones keep their checks. */
export interface FacilitySystemMeasureTable {
  id: string;
  system_id: string;
  kind: string; // MeasureKind
  description: string;
  created_at: string;
  created_by: string;
  retired_at: string | null;
  retired_by: string | null;
}

/** Every check of a safeguard (the history). */
export interface FacilitySystemCheckTable {
  id: string;
  measure_id: string;
  system_id: string;
  checked_on: string;
  result: string; // 'ok' | 'issues'
  note: string | null;
  checked_by: string;
  recorded_at: string;
}

/** system.check_due sent: one per safeguard and due date. */
export interface FacilitySystemReminderTable {
  measure_id: string;
  due_on: string;
  sent_at: string;
}

/** A design document (A28: 設計書、構成図等), stored under DATA_DIR/facilities/systems; disposal keeps the row. */
export interface FacilitySystemDocumentTable {
  id: string;
  system_id: string;
  kind: string; // DesignDocumentKind
  title: string;
  file_name: string;
  content_type: string;
  size: number;
  sha256: string;
  stored_name: string;
  uploaded_at: string;
  uploaded_by: string;
  disposed_at: string | null;
  disposed_by: string | null;
  dispose_reason: string | null;
}

/** Every download of a design document (A28), shown on the document's page. */
export interface FacilitySystemDownloadTable {
  id: string;
  document_id: string;
  system_id: string;
  person_id: string;
  at: string;
}

export interface FacilitySystemsTables {
  facility_systems: FacilitySystemTable;
  facility_system_files: FacilitySystemFileTable;
  facility_system_measures: FacilitySystemMeasureTable;
  facility_system_checks: FacilitySystemCheckTable;
  facility_system_reminders: FacilitySystemReminderTable;
  facility_system_documents: FacilitySystemDocumentTable;
  facility_system_downloads: FacilitySystemDownloadTable;
}
