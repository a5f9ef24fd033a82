import {
  HISTORY_ACTION_LABELS,
  HISTORY_BUNDLE_FORMAT,
  historyActionOf,
  verifyHistoryCommand,
  type HistoryBundle,
  type HistoryBundleEntry,
  type HistoryRowView,
  type HistoryView,
} from '../../../../shared/api/requests-history.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { verifyHistoryBundle } from '../../../platform/ledger/history-bundle.ts';
import type { LedgerEntry } from '../../../platform/ledger/index.ts';
import { storedEntry } from '../../../platform/ledger/stored-entry.ts';
import type { RequestsCore, SubjectRequestRow } from '../core/index.ts';
import type { ConfirmedMatch, RequestsSearchApi } from '../search/index.ts';
import { renderHistoryPdf } from './history.pdf.ts';
import { shownOf, whoResolver } from './history.who.ts';

/** Entries read per page of the record index (ledger.list caps a page at 5000). */
const PAGE = 1000;

const b64 = (b: Buffer) => b.toString('base64');

/**
 * The access history of a request (issue 12; A22-1, A22-2, A11-3): every access entry of the log that
 * names one of the records a handler confirmed as the requester's (search.confirmed), newest first,
 * each with its inclusion proof against the latest signed checkpoint — and checked by the server
 * with the very verifier the person runs (history-bundle.ts) before anything is issued.
 *
 * Pruned entries (payload emptied after the retention period, A22-1): pruning also drops them from
 * the record index (prune.ts), so an entry pruned before the history is made is no longer found by
 * record; one pruned between the lookup and the read is still listed with payload null, and then
 * which records it named rests on the server's index, not on the bundle (the verifier says so).
 */
export function createHistoryService(core: RequestsCore, search: RequestsSearchApi) {
  const { database, ledger, clock } = core.deps;

  /** Access entries naming any of the records; the records each one named (from the index). */
  async function accessesOf(recordIds: string[]) {
    const found = new Map<string, { entry: LedgerEntry; records: Set<string> }>();
    for (const recordId of recordIds)
      for (let beforeSeq: number | undefined; ;) {
        const page = await ledger.list(database.db, { recordId, kind: 'access', limit: PAGE, beforeSeq });
        for (const entry of page) {
          const seen = found.get(entry.id) ?? { entry, records: new Set<string>() };
          seen.records.add(recordId);
          found.set(entry.id, seen);
        }
        if (page.length < PAGE) break;
        beforeSeq = page[page.length - 1]!.seq;
      }
    return [...found.values()];
  }

  /** The rows and the bundle, checked; lookups first (no transaction is open here). */
  async function assemble(row: SubjectRequestRow, matches: ConfirmedMatch[]) {
    const recordIds = [...new Set(matches.map((m) => m.recordId))].sort();
    const fileNames = new Map(matches.map((m) => [m.fileId, m.fileName]));
    // Every entry written so far goes into the tree and under a signed checkpoint.
    await ledger.sequence();
    const cp = await ledger.latestCheckpoint(database.db);
    if (!cp) throw new AppError('requests.history_no_checkpoint');
    const [roster, names] = await Promise.all([core.deps.roster(), core.deps.names()]);
    const who = whoResolver(roster, names);

    // An entry placed after the checkpoint was read (an access a moment ago) waits for the next one.
    const accesses = (await accessesOf(recordIds))
      .filter((a) => a.entry.leafIndex !== null && a.entry.leafIndex < cp.treeSize)
      .sort(
        (a, b) =>
          b.entry.occurredAt.localeCompare(a.entry.occurredAt) || b.entry.leafIndex! - a.entry.leafIndex!,
      );

    const rows: Omit<HistoryRowView, 'verified' | 'problems'>[] = [];
    const entries: HistoryBundleEntry[] = [];
    for (const a of accesses) {
      const stored = await storedEntry(database.db, a.entry.id);
      if (!stored) continue;
      const e = stored.entry;
      const proof = await ledger.proveInclusion(database.db, e.leafIndex!, cp.treeSize);
      const actionCode = historyActionOf(e.type);
      const fileId = e.subjectType === 'vault_file' ? e.subjectId : null;
      const fileName = fileId ? (fileNames.get(fileId) ?? null) : null;
      const w = who(e.actorId);
      const shown = shownOf(w, e, HISTORY_ACTION_LABELS[actionCode].ja, fileName);
      rows.push({
        ...shown,
        entryId: e.id,
        leafIndex: e.leafIndex!,
        type: e.type,
        actionCode,
        actorRoleCode: w.roleCode,
        who: w.line,
        fileId,
        records: a.records.size,
        forThisRequest: e.payload?.requestId === row.id,
        pruned: stored.payload === null,
      });
      entries.push({
        shown,
        leafIndex: e.leafIndex!,
        treeSize: proof.treeSize,
        entryBytes: b64(stored.bytes),
        payload: stored.payload,
        leafHash: b64(proof.leafHash),
        proof: proof.proof.map(b64),
      });
    }

    const generatedAt = clock.now().toISOString();
    const bundle: HistoryBundle = {
      format: HISTORY_BUNDLE_FORMAT,
      number: row.number,
      generatedAt,
      subjectRecordIds: recordIds,
      verifierKey: ledger.verifierKey,
      checkpoint: cp.note,
      entries,
    };
    // The server runs the person's verifier on what it is about to issue (as proofs.ts checks its
    // own proofs): an entry edited in the database no longer hashes to its leaf.
    const check = verifyHistoryBundle(bundle, { verifierKey: ledger.verifierKey });
    const view: HistoryView = {
      requestId: row.id,
      number: row.number,
      generatedAt,
      files: [...fileNames].map(([fileId, fileName]) => ({
        fileId,
        fileName,
        records: new Set(matches.filter((m) => m.fileId === fileId).map((m) => m.recordId)).size,
      })),
      rows: rows.map((r, i) => ({
        ...r,
        verified: check.entries[i]!.ok,
        problems: check.entries[i]!.problems,
      })),
      counts: {
        entries: rows.length,
        forThisRequest: rows.filter((r) => r.forThisRequest).length,
        pruned: rows.filter((r) => r.pruned).length,
        failed: check.entries.filter((c) => !c.ok).length,
      },
      checkpoint: {
        origin: cp.origin,
        treeSize: cp.treeSize,
        rootHash: b64(cp.rootHash),
        signedAt: cp.issuedAt,
        note: cp.note,
        verifierKey: ledger.verifierKey,
      },
      verifyCommand: verifyHistoryCommand(`access-history-${row.number}.json`),
      can: { issue: false },
    };
    return { view, bundle, ok: check.ok };
  }

  /** The request's confirmed records, or 409 before any is confirmed. */
  async function confirmedOf(row: SubjectRequestRow) {
    const matches = await search.confirmed(row.id);
    if (matches.length === 0) throw new AppError('requests.history_no_records');
    return matches;
  }

  /** The history as handlers and the 監査責任者 read it (rows that failed the check are marked). */
  async function view(ctx: Ctx, id: string): Promise<HistoryView> {
    const row = await core.readable(ctx, id);
    const { view } = await assemble(row, await confirmedOf(row));
    return { ...view, can: { issue: core.canHandle(ctx, row) } };
  }

  /**
   * Issuing to the requester is handling the request (法76, 法87: the handlers, not the auditor):
   * checked first, refused with log.integrity_failure if any entry fails, recorded as an audit event
   * with counts only ('requests.history_issued').
   */
  async function issue(ctx: Ctx, id: string, format: 'json' | 'pdf') {
    const row = await core.handled(ctx, id);
    const matches = await confirmedOf(row);
    const out = await assemble(row, matches);
    if (!out.ok) {
      await database.transaction((tx) =>
        core.audit(tx, ctx, row, 'requests.history_refused', {
          failed: out.view.rows.filter((r) => !r.verified).map((r) => r.leafIndex),
          treeSize: out.view.checkpoint.treeSize,
        }),
      );
      throw new AppError('log.integrity_failure');
    }
    const body =
      format === 'json'
        ? Buffer.from(JSON.stringify(out.bundle, null, 2), 'utf8')
        : await renderHistoryPdf(out.view);
    await database.transaction((tx) =>
      core.audit(tx, ctx, row, 'requests.history_issued', {
        format,
        entries: out.view.counts.entries,
        records: out.bundle.subjectRecordIds.length,
        files: out.view.files.length,
        treeSize: out.view.checkpoint.treeSize,
      }),
    );
    return { filename: `access-history-${row.number}.${format}`, body };
  }

  return { view, issue };
}

export type HistoryService = ReturnType<typeof createHistoryService>;
