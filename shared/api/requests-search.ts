import { z } from 'zod';
import { isoDate, text } from './requests.ts';

/**
 * Individuals' requests — finding the person's information (issue 12; law-2022.md 法76, 法77-1-2;
 * features §10). A handler searches every vault file the requester may appear in through the blind
 * indexes (氏名, フリガナ, 生年月日, 学生番号・学籍番号, 職員番号; ADR 0007) and confirms or rejects
 * each candidate. The search and every look at a candidate's identifying fields is an access logged
 * with the request as its purpose (A11-3, A22-1). My Number fields are never searched or shown.
 *
 * Routes (all under /api/requests; handlers only, the 監査責任者 may read the list without values):
 * - POST /:id/search                              searchInput → matchesView
 * - GET  /:id/matches                             → matchesView
 * - POST /:id/matches/:matchId/confirm            confirmInput → matchesView
 * - POST /:id/matches/:matchId/reject             rejectInput → matchesView
 * Search, confirm and reject only while the request is received or in 補正 — once the decision goes
 * to approval the set is frozen: the approver approves what was found (409
 * requests.search_closed otherwise).
 */

/** The terms a search may use; the requester's particulars give them, the handler may add more. */
export const SEARCH_TERMS = ['name', 'nameKana', 'birthDate', 'studentNumber', 'staffNumber'] as const;
export type SearchTerm = (typeof SEARCH_TERMS)[number];

/** candidate: found, not yet looked at · confirmed: the requester's (a handler said so) · rejected: not theirs. */
export const MATCH_STATUSES = ['candidate', 'confirmed', 'rejected'] as const;
export type MatchStatus = (typeof MATCH_STATUSES)[number];

const optionalTerm = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v === '' ? undefined : v));

/** Extra terms (e.g. a former name, another student number); merged over the requester's particulars. */
export const searchTermsInput = z.object({
  name: optionalTerm(100),
  nameKana: optionalTerm(100),
  birthDate: z
    .union([isoDate, z.literal('')])
    .optional()
    .transform((v) => (v === '' ? undefined : v)),
  studentNumber: optionalTerm(30),
  staffNumber: optionalTerm(30),
});
export type SearchTermsInput = z.input<typeof searchTermsInput>;

/**
 * The search runs with the requester's particulars; extra terms given here replace the same terms of
 * the particulars for this search (e.g. a former name). Matches found before stay, with their
 * decisions. Every route answers 200 with the matches view.
 */
export const searchInput = z.object({
  terms: searchTermsInput.prefault({}),
  /** Only these vault files (register file ids); absent: the files the request names, else every file. */
  fileIds: z.array(z.string().min(1).max(36)).max(200).optional(),
});
export type SearchInput = z.input<typeof searchInput>;

export const confirmInput = z.object({
  /** Why it is the requester's (optional note, e.g. 「生年月日・学籍番号が一致」). */
  reason: z.string().trim().max(1000).default(''),
});
export type ConfirmInput = z.input<typeof confirmInput>;

export const rejectInput = z.object({ reason: text(1000) });
export type RejectInput = z.input<typeof rejectInput>;

/** The identifying fields of a record (decrypted for a handler; null for a reader without values). */
export interface IdentifyingView {
  name?: string;
  nameKana?: string;
  birthDate?: string;
  /** 学生番号・学籍番号 or 職員番号. */
  number?: string;
}

export interface MatchView {
  id: string;
  fileId: string;
  fileName: string;
  recordId: string;
  /** The terms that agreed with the record (more terms: a surer match). */
  matchedOn: SearchTerm[];
  status: MatchStatus;
  reason: string | null;
  foundAt: string;
  foundBy: string;
  foundByName: string;
  decidedAt: string | null;
  decidedBy: string | null;
  decidedByName: string | null;
  /** Null when the caller does not see values (監査責任者) or the record was erased. */
  identifying: IdentifyingView | null;
  /** The record was erased after it was found (never read). */
  erased: boolean;
}

/**
 * Why a file was not searched by index: no searchable identifying field (no_index), none the
 * requester's terms could use (no_terms) — look through it by hand — or the handler's terminal does
 * not fit the file's terminal requirement (terminal; A29, A11の2): search it from a fitting terminal.
 */
export const NOT_SEARCHED_REASONS = ['no_index', 'no_terms', 'terminal'] as const;
export type NotSearchedReason = (typeof NOT_SEARCHED_REASONS)[number];

/** A vault file of the search and how it can be searched. */
export interface SearchedFileView {
  fileId: string;
  fileName: string;
  /** The terms its blind indexes answer (empty: not searchable by index — look by hand). */
  searchableOn: SearchTerm[];
  /** In `unsearchable` only: why it was not searched. */
  reason?: NotSearchedReason;
}

export interface MatchesView {
  requestId: string;
  number: string;
  matches: MatchView[];
  /** Files open in the vault that the search covers (the request's files, or all). */
  files: SearchedFileView[];
  /**
   * Files no term of the request could be looked up in by index (no searchable identifying field,
   * or only ones the requester gave nothing for): a handler must look through them by hand; and
   * files the caller's terminal does not fit (A29): to be searched from a fitting terminal.
   */
  unsearchable: SearchedFileView[];
  /** Identifying values are shown (handlers) or not (the 監査責任者 reads the list only). */
  valuesShown: boolean;
  can: { search: boolean; decide: boolean };
}
