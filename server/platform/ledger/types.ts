/**
 * The two kinds of entry of the one log (A22): audit events (changes to governed data, written in the
 * caller's transaction) and access events (reads of held personal information, durable before the
 * data is served). Entries hold identifiers only, never the personal data itself.
 */

/** An audit event: a change to governed data, with what it was before and after. */
export interface AuditEvent {
  type: string;
  subjectType: string;
  subjectId: string | null;
  before?: unknown;
  after?: unknown;
  data?: Record<string, unknown>;
  /** The unit and section the change belongs to, when the caller knows them (log explorer scope). */
  unitId?: string | null;
  sectionId?: string | null;
  outcome?: Outcome;
  reason?: string | null;
}

/** ok: done or served; denied: refused by authorisation or a rule; error: failed while serving. */
export type Outcome = 'ok' | 'denied' | 'error';

/** An access event (A22-1): who read which records of which file, for which purpose (A11-3). */
export interface AccessEvent {
  type: string;
  /** The unit and section that own what was read (scope of the explorer and of analysis). */
  unitId: string | null;
  sectionId: string | null;
  /** The stated purpose of the access (A11-3), or null where none applies (e.g. a denial). */
  purpose: string | null;
  /** What was read: e.g. { type: 'file', id: fileId } or { type: 'person', id }. */
  subjectType: string;
  subjectId: string | null;
  /** Ids of the records read (identifiers only); indexed for "who accessed this record". */
  records?: string[];
  /** Names of the fields read, when fewer than all. */
  fields?: string[];
  outcome: Outcome;
  reason?: string | null;
  /** True when what was read contains My Numbers (特定個人情報, A7の2, A11の2). */
  myNumber?: boolean;
  data?: Record<string, unknown>;
}

export type EntryKind = 'audit' | 'access';

/** One entry as read back (explorer, analysis, verification). */
export interface LedgerEntry {
  seq: number;
  id: string;
  kind: EntryKind;
  type: string;
  occurredAt: string;
  actorId: string | null;
  actorLabel: string;
  requestId: string | null;
  ip: string | null;
  /** The terminal the request came from (A29), or null (unregistered or not a browser). */
  terminalId: string | null;
  unitId: string | null;
  sectionId: string | null;
  purpose: string | null;
  subjectType: string | null;
  subjectId: string | null;
  outcome: Outcome;
  reason: string | null;
  /** The entry's details; null once pruned after its retention period (A22-1). */
  payload: Record<string, unknown> | null;
  /** The leaf number in the Merkle tree, null until the sequencer has placed it. */
  leafIndex: number | null;
  prunedAt: string | null;
}

export interface EntryFilter {
  kind?: EntryKind;
  type?: string;
  subjectType?: string;
  subjectId?: string;
  actorId?: string;
  unitIds?: string[];
  sectionIds?: string[];
  /** Entries of these units OR these sections (the reader's scope: a manager's sections, a unit). */
  scope?: { unitIds: string[]; sectionIds: string[] };
  /** Entries that name this record among those read. */
  recordId?: string;
  from?: string;
  to?: string;
  outcome?: Outcome;
  /** Keyset paging: entries with seq below this one. */
  beforeSeq?: number;
  limit?: number;
}
