import {
  accessQuery,
  type AccessAnswerView,
  type AccessRowView,
} from '../../../../shared/api/log-analysis.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import type { LedgerEntry } from '../../../platform/ledger/index.ts';
import { MAX_PERIOD_DAYS, type LogAnalysisDeps } from './analysis.deps.ts';
import { analysisRepo } from './analysis.repo.ts';
import { factsOf } from './collect.ts';
import { toCsv, toXlsx } from './export.ts';
import { nextDay, tokyoMidnight } from './working-time.ts';

/** Rows one answer holds at most; more means the period should be narrowed. */
export const MAX_ROWS = 5000;
const DAY_MS = 86_400_000;

/**
 * The auditor's questions (A22-1): who accessed this record, what did this person access, over a
 * period. The answer holds the entries the caller may see (a 保護管理者 their section, a 総括保護管理者
 * their unit, the 監査責任者 and 総括管理者 everything); exporting it is itself audited.
 */
export function createAccessQueryService(deps: LogAnalysisDeps) {
  const { database, ledger, authz } = deps;
  const db = database.db;

  const sees = (ctx: Ctx, e: LedgerEntry) =>
    authz.can(ctx, 'query', 'AccessLog', { unitId: e.unitId, sectionId: e.sectionId });

  /** The entries answering the question, newest first. Throws auth.forbidden for someone who may ask nothing. */
  async function ask(ctx: Ctx, raw: unknown): Promise<AccessAnswerView> {
    const q = accessQuery.parse(raw);
    await authz.assertCan(ctx, 'query', 'AccessLog');
    const from = tokyoMidnight(q.fromDay);
    const to = tokyoMidnight(nextDay(q.toDay));
    if (Date.parse(to) - Date.parse(from) > MAX_PERIOD_DAYS * DAY_MS)
      throw new AppError('log_analysis.period_too_long');
    const filter = {
      kind: 'access' as const,
      from,
      to,
      ...(q.recordId ? { recordId: q.recordId } : {}),
      ...(q.personId ? { actorId: q.personId } : {}),
    };
    const visible: LedgerEntry[] = [];
    let beforeSeq: number | undefined;
    let more = false;
    // Keyset pages, keeping what the caller may see, until the answer is full or the log is read.
    for (let page = 0; page < 40; page++) {
      const entries = await ledger.list(db, { ...filter, limit: 5000, ...(beforeSeq ? { beforeSeq } : {}) });
      for (const e of entries) if (sees(ctx, e)) visible.push(e);
      if (visible.length > MAX_ROWS) {
        more = true;
        break;
      }
      if (entries.length < 5000) break;
      beforeSeq = entries.at(-1)!.seq;
      more = page === 39;
    }
    // Newest first by when it happened (the log's order is when it was written; they differ by moments).
    visible.sort((a, b) =>
      a.occurredAt < b.occurredAt ? 1 : a.occurredAt > b.occurredAt ? -1 : b.seq - a.seq,
    );
    return { rows: await present(visible.slice(0, MAX_ROWS)), truncated: more };
  }

  async function present(entries: LedgerEntry[]): Promise<AccessRowView[]> {
    const [names, people] = await Promise.all([
      analysisRepo.scopeNames(
        db,
        entries.flatMap((e) => (e.unitId ? [e.unitId] : [])),
        entries.flatMap((e) => (e.sectionId ? [e.sectionId] : [])),
      ),
      analysisRepo.people(
        db,
        entries.flatMap((e) => (e.actorId ? [e.actorId] : [])),
      ),
    ]);
    return entries.map((e) => {
      const facts = factsOf(e);
      return {
        entryId: e.id,
        seq: e.seq,
        occurredAt: e.occurredAt,
        actor: e.actorId ? (people.get(e.actorId) ?? null) : null,
        actorLabel: e.actorLabel,
        type: e.type,
        unitName: e.unitId ? (names.units.get(e.unitId) ?? null) : null,
        sectionName: e.sectionId ? (names.sections.get(e.sectionId) ?? null) : null,
        subjectType: e.subjectType,
        subjectId: e.subjectId,
        purpose: e.purpose,
        outcome: e.outcome,
        terminalId: e.terminalId,
        recordCount: facts.recordCount,
        myNumber: facts.myNumber,
      };
    });
  }

  /**
   * The answer as a file (CSV, UTF-8 with BOM, or XLSX). The export is audited before the file leaves
   * the server (the question, the period, the format and the number of rows; never the rows).
   */
  async function exportAnswer(
    ctx: Ctx,
    raw: unknown,
    format: 'csv' | 'xlsx',
  ): Promise<{ filename: string; contentType: string; body: Buffer }> {
    const q = accessQuery.parse(raw);
    const answer = await ask(ctx, q);
    await ledger.audit(db, ctx, {
      type: 'log_analysis.exported',
      subjectType: q.recordId ? 'Record' : 'Person',
      subjectId: q.recordId ?? q.personId ?? null,
      data: {
        fromDay: q.fromDay,
        toDay: q.toDay,
        format,
        rows: answer.rows.length,
        truncated: answer.truncated,
      },
    });
    const stem = `access-${q.recordId ? 'record' : 'person'}-${q.fromDay}-${q.toDay}`;
    if (format === 'csv')
      return { filename: `${stem}.csv`, contentType: 'text/csv; charset=utf-8', body: toCsv(answer.rows) };
    return {
      filename: `${stem}.xlsx`,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      body: await toXlsx(answer.rows, stem),
    };
  }

  return { ask, exportAnswer };
}

export type AccessQueryService = ReturnType<typeof createAccessQueryService>;
