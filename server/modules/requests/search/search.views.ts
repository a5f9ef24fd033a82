import type {
  IdentifyingView,
  NotSearchedReason,
  MatchesView,
  MatchStatus,
  MatchView,
  SearchedFileView,
  SearchTerm,
} from '../../../../shared/api/requests-search.ts';
import type { SubjectRequestRow } from '../core/index.ts';
import type { MatchRow } from './search.repo.ts';

/** What a view of the matches is built from (read before, nothing here touches the database). */
export interface MatchesFacts {
  row: SubjectRequestRow;
  matches: MatchRow[];
  fileNames: Map<string, string>;
  personNames: Map<string, string>;
  /** Identifying values by record id (handlers only); absent: not shown. */
  identifying: Map<string, IdentifyingView> | null;
  erased: Set<string>;
  /** terminalFits: the caller's terminal fits the file's terminal requirement (A29). */
  files: { fileId: string; searchableOn: SearchTerm[]; terminalFits: boolean }[];
  /** The terms the request can be looked up by (the requester's particulars given). */
  terms: SearchTerm[];
  handler: boolean;
  open: boolean;
}

export const parseTerms = (text: string): SearchTerm[] => JSON.parse(text) as SearchTerm[];

const fileName = (f: MatchesFacts, id: string) => f.fileNames.get(id) ?? id;

export function matchView(f: MatchesFacts, m: MatchRow): MatchView {
  return {
    id: m.id,
    fileId: m.file_id,
    fileName: fileName(f, m.file_id),
    recordId: m.record_id,
    matchedOn: parseTerms(m.matched_on),
    status: m.status as MatchStatus,
    reason: m.reason,
    foundAt: m.found_at,
    foundBy: m.found_by,
    foundByName: f.personNames.get(m.found_by) ?? '',
    decidedAt: m.decided_at,
    decidedBy: m.decided_by,
    decidedByName: m.decided_by ? (f.personNames.get(m.decided_by) ?? '') : null,
    identifying: f.identifying?.get(m.record_id) ?? null,
    erased: f.erased.has(m.record_id),
  };
}

/**
 * The matches of a request: surer matches (more agreeing terms) first, then by file. A file none of
 * the request's terms can be looked up in is listed as unsearchable: to be looked through by hand;
 * so is a file the caller's terminal does not fit (A29): to be searched from a fitting terminal.
 */
export function matchesView(f: MatchesFacts): MatchesView {
  const reasons = new Map<string, NotSearchedReason>();
  for (const x of f.files) {
    if (!x.terminalFits) reasons.set(x.fileId, 'terminal');
    else if (x.searchableOn.length === 0) reasons.set(x.fileId, 'no_index');
    else if (!x.searchableOn.some((t) => f.terms.includes(t))) reasons.set(x.fileId, 'no_terms');
  }
  const files: SearchedFileView[] = f.files
    .map((x) => ({ fileId: x.fileId, fileName: fileName(f, x.fileId), searchableOn: x.searchableOn }))
    .sort((a, b) => a.fileName.localeCompare(b.fileName, 'ja') || a.fileId.localeCompare(b.fileId));
  const matches = f.matches
    .map((m) => matchView(f, m))
    .sort(
      (a, b) =>
        b.matchedOn.length - a.matchedOn.length ||
        a.fileName.localeCompare(b.fileName, 'ja') ||
        a.id.localeCompare(b.id),
    );
  return {
    requestId: f.row.id,
    number: f.row.number,
    matches,
    files,
    unsearchable: files.flatMap((x) => {
      const reason = reasons.get(x.fileId);
      return reason ? [{ ...x, reason }] : [];
    }),
    valuesShown: f.identifying !== null,
    can: { search: f.handler && f.open, decide: f.handler && f.open },
  };
}
