/**
 * Tables of individuals' requests (issue 12; law-2022.md 法76–107); see migration
 * 0026-subject-requests. Days are Tokyo dates (YYYY-MM-DD), instants ISO-8601 UTC. The requester's
 * particulars and the content of the request are sealed text (keys.seal), never plain.
 */
export interface SubjectRequestTable {
  id: string;
  /** R2026-0001: the request's number on every screen, notice and log entry. */
  number: string;
  /** 'disclosure' (法76) | 'correction' (法90) | 'suspension' (法98) */
  kind: string;
  /** Correction and suspension: the disclosure they follow (法90-3, 法98-3: within 90 days). */
  parent_id: string | null;
  /** The receiving office: its unit and section (the register's 開示請求等を受理する組織). */
  unit_id: string;
  section_id: string | null;
  /** 'received' | 'correcting' (補正) | 'deciding' | 'decided' | 'carried_out' | 'closed' | 'withdrawn' */
  status: string;
  /** 'counter' | 'mail' | 'other' (a written request, 法77-1). */
  channel: string;
  received_on: string;
  /** 'self' | 'legal_representative' | 'agent' (法76-2: 法定代理人, 任意代理人). */
  requester_kind: string;
  /** keys.seal('subject-request', JSON of RequesterParticulars). */
  sealed_requester: string;
  /** keys.seal('subject-request', JSON {text}): what the requester asks for, in their words. */
  sealed_content: string;
  /** JSON: register file ids the request names ([]: every file). */
  file_ids: string;
  /** How the requester's identity was checked (法77-2): a code of IDENTITY_METHODS. */
  identity_method: string;
  identity_checked_by: string;
  identity_checked_at: string;
  /** 法89: the fee, how it was paid, and when (null while unpaid). */
  fee_yen: number;
  fee_method: string;
  fee_paid_on: string | null;
  /** What the requester asked for at intake (法87): a code of DELIVERY_METHODS. */
  preferred_method: string | null;
  /** The statutory period at intake (config: 30 days). */
  base_days: number;
  /** The deadline as computed now; null while a 補正 pauses the clock. */
  due_on: string | null;
  /** 法83-2: the extension and its written reason, and the day the requester was told. */
  extended_days: number | null;
  extension_reason: string | null;
  extension_notified_on: string | null;
  /** 法84: 1 for a very large request; the reason; the date set for the rest. */
  large: number;
  large_reason: string | null;
  large_rest_due_on: string | null;
  /** 法84: the day the requester was told of the rule and the date for the rest. */
  large_notified_on: string | null;
  /** The approval request of the decision (the approval engine). */
  approval_id: string | null;
  /** A code of DECISIONS (full, partial, none, …), once decided. */
  decision: string | null;
  decided_on: string | null;
  notice_sent_on: string | null;
  /** 法87-3: the method the requester chose and when. */
  method_chosen: string | null;
  method_chosen_on: string | null;
  /** Disclosure carried out, or correction / suspension done in the vault. */
  carried_out_on: string | null;
  closed_on: string | null;
  withdrawn_reason: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** 補正 (法77-3): the days between asking and the answer are not counted (法83-1 ただし書). */
export interface SubjectRequestPauseTable {
  id: string;
  request_id: string;
  asked_on: string;
  /** What was missing (organisational words, not personal data). */
  reason: string;
  answered_on: string | null;
  asked_by: string;
  created_at: string;
}

/** What the reminders job told the handlers: once per request, kind and due date. */
export interface SubjectRequestReminderTable {
  request_id: string;
  /** 'due_soon' (within remindDays of the due date) | 'overdue' */
  kind: string;
  due_on: string;
  sent_at: string;
}

export interface RequestsTables {
  subject_requests: SubjectRequestTable;
  subject_request_pauses: SubjectRequestPauseTable;
  subject_request_reminders: SubjectRequestReminderTable;
}
