/**
 * Tables of training (issue 10; rule 65 A10). Lists (audience roles, units, sections; required-for
 * purposes) are JSON arrays of codes and ids. Instants are ISO-8601 UTC text, days YYYY-MM-DD (Tokyo).
 * Booleans are 0/1 integers (SQLite and PostgreSQL alike).
 */
export interface TrainingCourseTable {
  id: string;
  /** TR2026-0001: the fiscal year of creation, then a sequence. */
  number: string;
  kind: string; // CourseKind (A10-1..4)
  title: string;
  description: string;
  /** The unit whose 総括保護管理者 keeps it, or null: the organisation's (総括管理者). */
  owner_unit_id: string | null;
  audience_all: number;
  audience_roles: string;
  audience_unit_ids: string;
  audience_section_ids: string;
  /** Months a completion stays valid; null = once. */
  recurrence_months: number | null;
  /** Days a person never trained has from the course's start (or their joining) before it is due. */
  due_days: number;
  /** TrainingPurpose[] as JSON: what completion is a precondition of. */
  required_for: string;
  active: number;
  /** The day the course started to apply (its creation, Tokyo). */
  starts_on: string;
  material_key: string | null;
  material_name: string | null;
  material_type: string | null;
  material_size: number | null;
  material_sha256: string | null;
  material_uploaded_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** A session of a course: in person on a day, or online material open for a period. */
export interface TrainingSessionTable {
  id: string;
  course_id: string;
  mode: string; // SessionMode
  held_on: string;
  closes_on: string | null;
  place: string;
  capacity: number | null;
  note: string;
  created_by: string | null;
  created_at: string;
}

/** Who is to attend a session (A10-4: the 保護管理者 enrols its section's staff). */
export interface TrainingEnrolmentTable {
  session_id: string;
  person_id: string;
  enrolled_by: string | null;
  enrolled_at: string;
}

/** A completion of a course (at a session), recorded by the keeper, the 保護管理者 or the person (online). */
export interface TrainingCompletionTable {
  id: string;
  course_id: string;
  session_id: string | null;
  person_id: string;
  completed_on: string;
  recorded_by: string | null;
  /** 1 when the person recorded it themself (online material). */
  by_self: number;
  recorded_at: string;
}

/** Reminders sent (once per person, course, kind and due day). */
export interface TrainingReminderTable {
  person_id: string;
  course_id: string;
  kind: string; // 'due_soon' | 'overdue'
  due_on: string;
  sent_at: string;
}

export interface TrainingTables {
  training_courses: TrainingCourseTable;
  training_sessions: TrainingSessionTable;
  training_enrolments: TrainingEnrolmentTable;
  training_completions: TrainingCompletionTable;
  training_reminders: TrainingReminderTable;
}
