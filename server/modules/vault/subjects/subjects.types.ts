import type { SearchTerm } from '../../../../shared/api/requests-search.ts';
import type { FieldDefinition, FieldValue } from '../../../../shared/vault/index.ts';
import type { Identifying, SubjectTerms } from './identifying.ts';

export type { Identifying, SubjectTerms } from './identifying.ts';

/** What every access for a request states (A11-3): the request's purpose and its id. */
export interface SubjectPurpose {
  /** core.purposeOf(row): 「保有個人情報開示請求への対応（R2026-0001）」 — a number, never a name. */
  purpose: string;
  requestId: string;
}

export interface FindInput extends SubjectPurpose {
  terms: SubjectTerms;
  /** Only these vault files (absent or empty: every file open in the vault). */
  fileIds?: string[];
}

/** A record that may be the person's, for a handler to confirm (法77-1-2). */
export interface SubjectCandidate {
  fileId: string;
  recordId: string;
  /** The terms that agreed on the decrypted values. */
  matchedOn: SearchTerm[];
  identifying: Identifying;
}

/** A file of the vault and the terms its blind indexes answer. */
export interface FileSearchability {
  fileId: string;
  unitId: string;
  sectionId: string;
  /** Empty: not searchable by index (a handler must look through it by hand). */
  searchableOn: SearchTerm[];
  /**
   * A29, A11の2: the request's terminal fits the file's terminal requirement (true for a file without
   * one, and whenever no request was given to check).
   */
  terminalFits: boolean;
}

/**
 * Why a file was not searched by index: no searchable identifying field (no_index), none the terms
 * given could use (no_terms), or the request's terminal does not fit the file's requirement
 * (terminal, A29: to be searched from a fitting terminal).
 */
export type NotSearchedReason = 'no_index' | 'no_terms' | 'terminal';

export interface NotSearchedFile extends FileSearchability {
  reason: NotSearchedReason;
}

export interface FindResult {
  candidates: SubjectCandidate[];
  /** Files looked up through their indexes (each logged as one access event). */
  searched: FileSearchability[];
  /**
   * Files not searched: without a searchable identifying field or none the given terms could use
   * (by hand), or off their required terminal (A29: from a fitting terminal). Nothing is logged for
   * them: nothing of theirs was read.
   */
  unsearchable: NotSearchedFile[];
  /** Files where more index hits were found than were decrypted (the terms should be narrowed). */
  truncated: string[];
}

export interface RecordRef {
  fileId: string;
  recordId: string;
}

/** ok: read · erased: destroyed (A15), never read · not_found: not in the file · damaged: failed to open. */
export type RefStatus = 'ok' | 'erased' | 'not_found' | 'damaged';

export interface IdentifiedRecord extends RecordRef {
  status: RefStatus;
  identifying: Identifying | null;
}

/** A field of a record as read for a disclosure: its definition and value. */
export interface ReadField {
  key: string;
  label: string;
  type: FieldDefinition['type'];
  sensitivity: FieldDefinition['sensitivity'];
  value: FieldValue | null;
}

export interface ReadRecord extends RecordRef {
  status: RefStatus;
  revision: number | null;
  createdAt: string | null;
  updatedAt: string | null;
  /** Every field except My Numbers (empty unless status is ok). */
  fields: ReadField[];
  /**
   * My Number fields: never read on this path (A7の2, A11の2: only the section's 事務取扱担当者 on a
   * handling-area terminal see them); the disclosure lists them as withheld.
   */
  withheld: { key: string; label: string; reason: 'my_number' }[];
}
