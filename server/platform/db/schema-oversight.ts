/**
 * Tables of oversight (issue 10; A9, A37–A41); see migration 0020-oversight. Instants are ISO-8601
 * UTC text, days YYYY-MM-DD (Tokyo). Texts are organisational, never a held person's data.
 */
export interface OversightInspectionScheduleTable {
  section_id: string;
  unit_id: string;
  interval_months: number;
  updated_at: string;
  updated_by: string;
}

/** A37: an inspection (P2026-0001) of a section's 記録媒体, 処理経路, 保管方法. */
export interface OversightInspectionTable {
  id: string;
  number: string;
  unit_id: string;
  section_id: string;
  inspected_on: string;
  media_result: string;
  media_notes: string | null;
  routes_result: string;
  routes_notes: string | null;
  storage_result: string;
  storage_notes: string | null;
  remarks: string | null;
  issues: string | null;
  actions: string | null;
  status: string; // InspectionStatus
  inspector_id: string;
  created_at: string;
  completed_at: string | null;
  reported_at: string | null;
  /** The 総括保護管理者 reported to, as a JSON array of person ids. */
  reported_to: string | null;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
  updated_at: string;
}

export interface OversightInspectionReminderTable {
  section_id: string;
  due_on: string;
  sent_at: string;
}

/** A38: the evaluation of a fiscal year; scope_key 'org' or the unit's id. */
export interface OversightEvaluationTable {
  id: string;
  fiscal_year: number;
  unit_id: string | null;
  scope_key: string;
  assessment: string | null;
  status: string; // EvaluationStatus
  created_by: string;
  created_at: string;
  decided_at: string | null;
  decided_by: string | null;
  updated_at: string;
}

export interface OversightEvaluationActionTable {
  id: string;
  evaluation_id: string;
  description: string;
  feature_id: string;
  owner_id: string;
  due_on: string;
  status: string; // ActionStatus
  note: string | null;
  done_at: string | null;
  done_by: string | null;
  created_at: string;
}

/** A9: a meeting of the committee (agenda: JSON string[]; decisions: JSON {text, featureId}[]). */
export interface OversightMeetingTable {
  id: string;
  number: string;
  held_on: string;
  time: string | null;
  place: string;
  agenda: string;
  decisions: string;
  minutes: string | null;
  status: string; // MeetingStatus
  created_by: string;
  created_at: string;
  recorded_by: string | null;
  recorded_at: string | null;
  updated_at: string;
}

export interface OversightGuidanceTable {
  id: string;
  received_on: string;
  ministry: string;
  subject: string;
  summary: string;
  response: string | null;
  recorded_by: string;
  created_at: string;
  updated_at: string;
}

export interface OversightLocalRuleTable {
  id: string;
  unit_id: string | null;
  title: string;
  number: string | null;
  effective_on: string;
  superseded: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface OversightHistoricalTable {
  id: string;
  file_id: string;
  unit_id: string;
  section_id: string;
  facility_name: string;
  designated_on: string;
  note: string | null;
  marked_by: string;
  marked_at: string;
  unmarked_at: string | null;
  unmarked_by: string | null;
  unmark_reason: string | null;
}

export interface OversightDocumentTable {
  id: string;
  owner_kind: string; // 'meeting' | 'guidance' | 'local_rule'
  owner_id: string;
  file_name: string;
  content_type: string;
  size: number;
  sha256: string;
  stored_name: string;
  uploaded_at: string;
  uploaded_by: string;
}

export interface OversightTables {
  oversight_inspection_schedules: OversightInspectionScheduleTable;
  oversight_inspections: OversightInspectionTable;
  oversight_inspection_reminders: OversightInspectionReminderTable;
  oversight_evaluations: OversightEvaluationTable;
  oversight_evaluation_actions: OversightEvaluationActionTable;
  oversight_meetings: OversightMeetingTable;
  oversight_guidance: OversightGuidanceTable;
  oversight_local_rules: OversightLocalRuleTable;
  oversight_historical: OversightHistoricalTable;
  oversight_documents: OversightDocumentTable;
}
