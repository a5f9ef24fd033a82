/**
 * Tables of incidents (issue 8; rule 65 A34–A35, 法68). Free texts describe what happened for the
 * organisation (forms ask staff not to write held persons' names or values); facts, notice and
 * publication are JSON of the contract's inputs (shared/api/incidents.ts). Instants are ISO-8601
 * UTC text, due dates YYYY-MM-DD (Tokyo).
 */
export interface IncidentTable {
  id: string;
  /** I2026-0001: the fiscal year of 知った日時 in Japan, then a sequence. */
  number: string;
  unit_id: string;
  section_id: string;
  summary: string;
  /** 知った日時 (the law's clock starts here). */
  aware_at: string;
  reported_at: string;
  reported_by: string;
  systems: string | null;
  actions_taken: string | null;
  /** The register's files named in the report, as a JSON array of ids. */
  file_ids: string;
  /** What the investigation found (factsInput as JSON). */
  facts: string;
  facts_updated_at: string | null;
  /** Notice to the persons affected (法68②; noticeInput as JSON), or null. */
  notice: string | null;
  notice_recorded_at: string | null;
  /** The A35 decision (publicationInput as JSON), or null while undecided. */
  publication: string | null;
  publication_recorded_at: string | null;
  status: string; // 'open' | 'closed'
  closed_at: string | null;
  closed_by: string | null;
  close_summary: string | null;
  updated_at: string;
}

/** The timeline: one row per thing that happened, with its time (as told) and when it was recorded. */
export interface IncidentEventTable {
  id: string;
  incident_id: string;
  kind: string; // TimelineKind
  at: string;
  recorded_at: string;
  by_id: string | null;
  text: string | null;
  /** Ids, codes, dates and counts as JSON. */
  data: string;
}

/** The dated steps of the chain (A34) and the law's reports (法68①): one row per step taken. */
export interface IncidentStepTable {
  incident_id: string;
  step: string; // IncidentStep
  outcome: string; // StepOutcome
  at: string;
  by_id: string;
  to_whom: string | null;
  note: string | null;
  recorded_at: string;
}

/** What an incident links to (A34-3 影響の範囲): a register file, a vault record, a log entry, a request. */
export interface IncidentLinkTable {
  id: string;
  incident_id: string;
  kind: string; // LinkKind
  ref: string;
  label: string;
  /** The linked item's id (a file, record, log entry or request) and, for a record, its file. */
  target_id: string;
  target_file_id: string | null;
  target_unit_id: string | null;
  target_section_id: string | null;
  created_at: string;
  created_by: string;
}

/** Recurrence-prevention measures (A34-5) with their owner and due date, tracked to done. */
export interface IncidentMeasureTable {
  id: string;
  incident_id: string;
  text: string;
  owner_id: string;
  due: string;
  created_at: string;
  created_by: string;
  done_at: string | null;
  done_by: string | null;
  note: string | null;
}

/** The configurable deadlines (one row, id 'default'); DEFAULT_INCIDENT_SETTINGS while absent. */
export interface IncidentSettingsTable {
  id: string;
  settings: string;
  updated_at: string;
  updated_by: string | null;
}

/** Reminders sent (at most one per deadline per day and kind). */
export interface IncidentReminderTable {
  incident_id: string;
  deadline: string;
  sent_on: string;
  kind: string;
}

export interface IncidentTables {
  incidents: IncidentTable;
  incident_events: IncidentEventTable;
  incident_steps: IncidentStepTable;
  incident_links: IncidentLinkTable;
  incident_measures: IncidentMeasureTable;
  incident_settings: IncidentSettingsTable;
  incident_reminders: IncidentReminderTable;
}
