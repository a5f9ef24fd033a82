import type { AppointmentView } from '../../../../shared/api/organisation.ts';
import { systemCtx } from '../../../platform/context.ts';
import type { Executor } from '../../../platform/db/index.ts';
import type { EntryFilter, LedgerEntry } from '../../../platform/ledger/index.ts';
import type { LogAnalysisDeps } from './analysis.deps.ts';
import type { AnalysisInput, EntryFacts } from './rules.ts';
import type { AnalysisSettings } from '../../../../shared/api/log-analysis.ts';

const WEEK_MS = 7 * 86_400_000;
/** Entries one analysis reads at most (a week of a section is far below). */
const MAX_ENTRIES = 200_000;

/** A unit or a section, and the period [from, to) as ISO instants. */
export interface AnalysisScope {
  unitId: string;
  sectionId: string | null;
  from: string;
  to: string;
}

export const scopeFilter = (s: AnalysisScope): Pick<EntryFilter, 'unitIds' | 'sectionIds'> =>
  s.sectionId ? { sectionIds: [s.sectionId] } : { unitIds: [s.unitId] };

/** Every entry matching the filter, newest first, by keyset pages of 5,000. */
export async function listAll(deps: LogAnalysisDeps, db: Executor, filter: EntryFilter, max = MAX_ENTRIES) {
  const out: LedgerEntry[] = [];
  let beforeSeq: number | undefined;
  for (;;) {
    const page = await deps.ledger.list(db, { ...filter, limit: 5000, ...(beforeSeq ? { beforeSeq } : {}) });
    out.push(...page);
    if (page.length < 5000 || out.length >= max) return out;
    beforeSeq = page.at(-1)!.seq;
  }
}

/** What the rules read of an entry: the records and the My Number flag live in the payload. */
export function factsOf(e: LedgerEntry): EntryFacts {
  const records = e.payload?.records;
  return {
    id: e.id,
    kind: e.kind,
    occurredAt: e.occurredAt,
    actorId: e.actorId,
    outcome: e.outcome,
    terminalId: e.terminalId,
    sectionId: e.sectionId,
    recordCount: Array.isArray(records) ? records.length : 0,
    myNumber: e.payload?.myNumber === true,
  };
}

/** Whether an appointment covered a Tokyo day (starts_on/ends_on inclusive; terminated_on the first day off). */
const covers = (a: AppointmentView, day: string) =>
  a.startsOn <= day &&
  (a.endsOn === null || day <= a.endsOn) &&
  (a.terminatedOn === null || day < a.terminatedOn);

/**
 * Gathers what the rules need for a scope and period: the access entries and the refusals, each
 * person's volume against their own baseline of the weeks before, and the 特定個人情報取扱担当者
 * appointments (A7の2) through the organisation service.
 */
export async function collect(
  deps: LogAnalysisDeps,
  scope: AnalysisScope,
  settings: AnalysisSettings,
): Promise<{ input: AnalysisInput; entryCount: number }> {
  const db = deps.database.db;
  const where = { ...scopeFilter(scope), from: scope.from, to: scope.to };
  const baselineFrom = new Date(Date.parse(scope.from) - settings.baselineWeeks * WEEK_MS).toISOString();
  const [accesses, refusals, current, baseline, handlers] = await Promise.all([
    listAll(deps, db, { ...where, kind: 'access' }),
    listAll(deps, db, { ...where, kind: 'audit', outcome: 'denied' }),
    deps.ledger.volumeByActor(db, { ...where, kind: 'access' }),
    deps.ledger.volumeByActor(db, {
      ...scopeFilter(scope),
      kind: 'access',
      from: baselineFrom,
      to: scope.from,
    }),
    deps.organisation.appointments.list(systemCtx('log analysis'), { role: 'mynumber_handler' }),
  ]);
  // Volume: records read, or accesses where an access names no records.
  const volume = (v: { entries: number; records: number } | undefined) =>
    v ? Math.max(v.entries, v.records) : 0;
  const volumes = new Map(
    [...current.keys()].map((actor) => [
      actor,
      {
        current: volume(current.get(actor)),
        baselinePerWeek: volume(baseline.get(actor)) / settings.baselineWeeks,
      },
    ]),
  );
  const entries = [...accesses, ...refusals].map(factsOf);
  return {
    entryCount: entries.length,
    input: {
      settings,
      entries,
      volumes,
      periodWeeks: (Date.parse(scope.to) - Date.parse(scope.from)) / WEEK_MS,
      isHandler: (personId, day, sectionId) =>
        handlers.some(
          (a) =>
            a.personId === personId && (sectionId === null || a.sectionId === sectionId) && covers(a, day),
        ),
    },
  };
}
