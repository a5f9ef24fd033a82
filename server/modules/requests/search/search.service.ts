import type { RequestStatus } from '../../../../shared/api/requests.ts';
import {
  confirmInput,
  rejectInput,
  searchInput,
  SEARCH_TERMS,
  type IdentifyingView,
  type MatchesView,
  type SearchTerm,
} from '../../../../shared/api/requests-search.ts';
import { actorPersonId, type Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { newTimeOrderedId } from '../../../platform/ids.ts';
import type { SubjectTerms } from '../../vault/subjects/index.ts';
import type { RequestsCore, SubjectRequestRow } from '../core/index.ts';
import type { ConfirmedMatch } from './search.types.ts';
import { searchRepo, type MatchRow } from './search.repo.ts';
import { matchesView, parseTerms } from './search.views.ts';

/**
 * Search, confirmation and rejection change the matches only while the request is received or in
 * 補正: once the decision goes to approval the set is frozen (the approver approves what was found).
 */
const MATCHABLE: readonly RequestStatus[] = ['received', 'correcting'];

/**
 * Finding the person's information (issue 12; 法76, 法77-1-2): a handler searches every vault file
 * the requester may appear in through the blind indexes and confirms or rejects each candidate.
 * Every look at a record is an access logged by the vault with the request's purpose (A11-3,
 * A22-1); the audit events here carry ids and counts only, never a term's value.
 */
export function createSearchService(core: RequestsCore) {
  const { deps } = core;
  const { database } = deps;
  const vault = () => deps.vaultSubjects;

  /** The requester's particulars as search terms (opened from their seal; never logged). */
  function termsOf(row: SubjectRequestRow): SubjectTerms {
    const p = core.requester(row);
    const out: SubjectTerms = {};
    for (const t of SEARCH_TERMS) {
      const v = p[t];
      if (typeof v === 'string' && v.trim() !== '') out[t] = v;
    }
    return out;
  }

  async function names(ids: Iterable<string>) {
    const out = new Map<string, string>();
    for (const id of new Set(ids)) out.set(id, (await deps.person(id))?.name ?? '');
    return out;
  }

  /**
   * The view, built from lookups made before: identifying values re-read through the vault for a
   * handler (logged, A22-1), except those a search just returned (`known`). The 監査責任者 reads the
   * list without values: they audit how the request was handled (who found, confirmed, rejected
   * what, when), which needs no look at the person's records — and every look would be an access.
   */
  async function view(
    ctx: Ctx,
    row: SubjectRequestRow,
    known = new Map<string, IdentifyingView>(),
  ): Promise<MatchesView> {
    const handler = core.canHandle(ctx, row);
    const matches = await searchRepo.list(database.db, row.id);
    const erased = new Set<string>();
    let identifying: Map<string, IdentifyingView> | null = null;
    if (handler) {
      identifying = new Map(known);
      const unread = matches.filter((m) => !known.has(m.record_id));
      // A29: the records of a file the handler's terminal does not fit are not read here.
      const unreadFiles = [...new Set(unread.map((m) => m.file_id))];
      const fits = unreadFiles.length > 0 ? await vault().searchability(unreadFiles, ctx) : [];
      const fitting = new Set(fits.filter((x) => x.terminalFits).map((x) => x.fileId));
      const refs = unread
        .filter((m) => fitting.has(m.file_id))
        .map((m) => ({ fileId: m.file_id, recordId: m.record_id }));
      if (refs.length > 0)
        for (const r of await vault().identify(ctx, {
          purpose: core.purposeOf(row),
          requestId: row.id,
          refs,
        })) {
          if (r.identifying) identifying.set(r.recordId, r.identifying);
          if (r.status === 'erased') erased.add(r.recordId);
        }
    }
    const requestFiles = core.fileIds(row);
    const files = await vault().searchability(requestFiles.length > 0 ? requestFiles : undefined, ctx);
    const registered = await deps.registerFiles();
    return matchesView({
      row,
      matches,
      fileNames: new Map(registered.map((f) => [f.id, f.name])),
      personNames: await names(
        matches.flatMap((m) => (m.decided_by ? [m.found_by, m.decided_by] : [m.found_by])),
      ),
      identifying,
      erased,
      files: files.map((f) => ({
        fileId: f.fileId,
        searchableOn: f.searchableOn,
        terminalFits: f.terminalFits,
      })),
      terms: Object.keys(termsOf(row)) as SearchTerm[],
      handler,
      open: MATCHABLE.includes(row.status as RequestStatus),
    });
  }

  const openFor = (row: SubjectRequestRow) => {
    if (!MATCHABLE.includes(row.status as RequestStatus)) throw new AppError('requests.search_closed');
  };

  /**
   * Runs the search with the requester's particulars (and the handler's extra terms over them) in
   * the files the request names, or every file; keeps the decisions already made on matches found
   * again. The vault logs each file searched before anything is returned.
   */
  async function search(ctx: Ctx, id: string, raw: unknown): Promise<MatchesView> {
    const input = searchInput.parse(raw);
    const row = await core.handled(ctx, id);
    openFor(row);
    const extra = Object.fromEntries(Object.entries(input.terms).filter(([, v]) => v !== undefined));
    const terms: SubjectTerms = { ...termsOf(row), ...extra };
    const requestFiles = core.fileIds(row);
    const fileIds = input.fileIds ?? (requestFiles.length > 0 ? requestFiles : undefined);
    const found = await vault().find(ctx, {
      purpose: core.purposeOf(row),
      requestId: row.id,
      terms,
      fileIds,
    });
    const before = new Map((await searchRepo.list(database.db, row.id)).map((m) => [m.record_id, m]));
    const now = deps.clock.now().toISOString();
    const by = actorPersonId(ctx)!;
    let added = 0;
    await database.transaction(async (tx) => {
      for (const c of found.candidates) {
        const matchedOn = JSON.stringify(c.matchedOn);
        const held = before.get(c.recordId);
        if (held) {
          await searchRepo.refound(tx, held.id, matchedOn);
          continue;
        }
        added += 1;
        await searchRepo.insert(tx, {
          id: newTimeOrderedId(),
          request_id: row.id,
          file_id: c.fileId,
          record_id: c.recordId,
          matched_on: matchedOn,
          status: 'candidate',
          reason: null,
          found_at: now,
          found_by: by,
          decided_at: null,
          decided_by: null,
        });
      }
      await core.audit(tx, ctx, row, 'requests.searched', {
        terms: Object.keys(terms),
        files: found.searched.length,
        unsearchable: found.unsearchable.length,
        candidates: found.candidates.length,
        added,
        truncated: found.truncated.length,
      });
    });
    const known = new Map(found.candidates.map((c) => [c.recordId, c.identifying]));
    return view(ctx, row, known);
  }

  async function matches(ctx: Ctx, id: string): Promise<MatchesView> {
    return view(ctx, await core.readable(ctx, id));
  }

  /** A handler's decision on a match (法77-1-2: the information the request is about). */
  async function decide(
    ctx: Ctx,
    id: string,
    matchId: string,
    status: 'confirmed' | 'rejected',
    reason: string | null,
  ): Promise<MatchesView> {
    const row = await core.handled(ctx, id);
    openFor(row);
    const match = await searchRepo.get(database.db, row.id, matchId);
    if (!match) throw new AppError('requests.match_not_found');
    await database.transaction(async (tx) => {
      await searchRepo.decide(tx, match.id, {
        status,
        reason,
        decided_at: deps.clock.now().toISOString(),
        decided_by: actorPersonId(ctx),
      });
      await core.audit(tx, ctx, row, `requests.match_${status}`, {
        matchId: match.id,
        fileId: match.file_id,
        recordId: match.record_id,
        before: match.status,
      });
    });
    return view(ctx, row);
  }

  const confirm = (ctx: Ctx, id: string, matchId: string, raw: unknown) =>
    decide(ctx, id, matchId, 'confirmed', confirmInput.parse(raw ?? {}).reason || null);
  const reject = (ctx: Ctx, id: string, matchId: string, raw: unknown) =>
    decide(ctx, id, matchId, 'rejected', rejectInput.parse(raw).reason);

  /** The records a handler confirmed as the requester's (the decision, history and remedies parts). */
  async function confirmed(requestId: string): Promise<ConfirmedMatch[]> {
    const rows: MatchRow[] = await searchRepo.confirmed(database.db, requestId);
    if (rows.length === 0) return [];
    const fileNames = new Map((await deps.registerFiles()).map((f) => [f.id, f.name]));
    return rows.map((m) => ({
      matchId: m.id,
      fileId: m.file_id,
      fileName: fileNames.get(m.file_id) ?? m.file_id,
      recordId: m.record_id,
    }));
  }

  return { search, matches, confirm, reject, confirmed, parseTerms };
}

export type SearchService = ReturnType<typeof createSearchService>;
