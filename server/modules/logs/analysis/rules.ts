import type { AnalysisRule, AnalysisSettings } from '../../../../shared/api/log-analysis.ts';
import { outsideWorkingTime, tokyoTime } from './working-time.ts';

/**
 * The analysis rules of A22-1 as pure functions over log entries: each answers findings per person,
 * holding only identifiers and figures (never personal data). The service reads the entries and
 * baselines, calls `analyse`, and stores what it answers.
 */

/** What the rules read of a log entry (a subset of LedgerEntry). */
export interface EntryFacts {
  id: string;
  kind: 'audit' | 'access';
  occurredAt: string;
  actorId: string | null;
  outcome: 'ok' | 'denied' | 'error';
  terminalId: string | null;
  sectionId: string | null;
  /** How many records the access read (payload.records). */
  recordCount: number;
  /** The access read My Numbers (payload.myNumber). */
  myNumber: boolean;
}

export interface Finding {
  rule: AnalysisRule;
  actorId: string | null;
  count: number;
  entryIds: string[];
  detail: Record<string, number>;
  firstAt: string | null;
  lastAt: string | null;
}

export interface AnalysisInput {
  settings: AnalysisSettings;
  /** Entries of the period in scope: access entries, and refusals of any kind. */
  entries: EntryFacts[];
  /** Each person's volume in the period and their weekly average over the baseline weeks before it. */
  volumes: Map<string, { current: number; baselinePerWeek: number }>;
  /** The number of weeks in the period (for scaling a weekly baseline; may be fractional). */
  periodWeeks: number;
  /** Whether a person held a current 特定個人情報取扱担当者 appointment (A7の2) on a Tokyo day for a section. */
  isHandler: (personId: string, day: string, sectionId: string | null) => boolean;
}

/** Entry ids kept per finding: enough to open them in the explorer; the count says how many there were. */
export const MAX_ENTRY_IDS = 500;

function groupByActor(entries: EntryFacts[]): Map<string | null, EntryFacts[]> {
  const byActor = new Map<string | null, EntryFacts[]>();
  for (const e of entries) {
    const mine = byActor.get(e.actorId);
    if (mine) mine.push(e);
    else byActor.set(e.actorId, [e]);
  }
  return byActor;
}

function perActor(
  rule: AnalysisRule,
  entries: EntryFacts[],
  detail?: (mine: EntryFacts[]) => Record<string, number>,
) {
  const byActor = groupByActor(entries);
  return [...byActor].map(([actorId, mine]): Finding => {
    const sorted = [...mine].sort((a, b) => (a.occurredAt < b.occurredAt ? -1 : 1));
    return {
      rule,
      actorId,
      count: mine.length,
      entryIds: sorted.slice(0, MAX_ENTRY_IDS).map((e) => e.id),
      detail: detail ? detail(sorted) : {},
      firstAt: sorted[0]?.occurredAt ?? null,
      lastAt: sorted.at(-1)?.occurredAt ?? null,
    };
  });
}

const isRead = (e: EntryFacts) => e.kind === 'access' && e.outcome !== 'denied';

/** Reads at night, on weekends, national holidays and the days closed every year. */
export function offHours(input: AnalysisInput): Finding[] {
  const hits = input.entries.filter((e) => isRead(e) && outsideWorkingTime(e.occurredAt, input.settings));
  return perActor('off_hours', hits, (mine) => {
    const why = mine.map((e) => outsideWorkingTime(e.occurredAt, input.settings));
    return {
      night: why.filter((w) => w === 'night').length,
      weekend: why.filter((w) => w === 'weekend').length,
      holiday: why.filter((w) => w === 'holiday' || w === 'closed_day').length,
    };
  });
}

/** Single accesses that read at least `bulkRecords` records. */
export function bulkReads(input: AnalysisInput): Finding[] {
  const hits = input.entries.filter((e) => isRead(e) && e.recordCount >= input.settings.bulkRecords);
  return perActor('bulk_read', hits, (mine) => ({
    maxRecords: Math.max(...mine.map((e) => e.recordCount)),
    records: mine.reduce((n, e) => n + e.recordCount, 0),
  }));
}

/**
 * A person's volume above `volumeFactor` times their own weekly baseline (scaled to the period) and at
 * least `volumeMinimum`. Someone with no history has a baseline of 0, so any volume over the minimum
 * shows: a newcomer reading much is worth a look too.
 */
export function volumeSpikes(input: AnalysisInput): Finding[] {
  const { volumeFactor, volumeMinimum } = input.settings;
  const findings: Finding[] = [];
  for (const [actorId, v] of input.volumes) {
    const expected = v.baselinePerWeek * input.periodWeeks;
    if (v.current < volumeMinimum || v.current <= volumeFactor * expected) continue;
    const [finding] = perActor(
      'volume_spike',
      input.entries.filter((e) => e.actorId === actorId && isRead(e)),
    );
    findings.push({
      ...(finding ?? {
        rule: 'volume_spike',
        actorId,
        entryIds: [],
        firstAt: null,
        lastAt: null,
        detail: {},
      }),
      actorId,
      count: v.current,
      detail: { volume: v.current, baseline: Math.round(expected * 10) / 10 },
    });
  }
  return findings;
}

/** At least `denialCount` refusals of one person within any window of `denialWindowMinutes`. */
export function repeatedDenials(input: AnalysisInput): Finding[] {
  const { denialCount, denialWindowMinutes } = input.settings;
  const windowMs = denialWindowMinutes * 60_000;
  const byActor = groupByActor(input.entries.filter((x) => x.outcome === 'denied'));
  const hits: EntryFacts[] = [];
  const worst = new Map<string | null, number>();
  for (const [actorId, mine] of byActor) {
    const sorted = [...mine].sort((a, b) => (a.occurredAt < b.occurredAt ? -1 : 1));
    const flagged = new Set<EntryFacts>();
    let start = 0;
    for (let end = 0; end < sorted.length; end++) {
      const endAt = Date.parse(sorted[end]!.occurredAt);
      while (endAt - Date.parse(sorted[start]!.occurredAt) >= windowMs) start++;
      const size = end - start + 1;
      if (size >= denialCount) {
        for (let i = start; i <= end; i++) flagged.add(sorted[i]!);
        worst.set(actorId, Math.max(worst.get(actorId) ?? 0, size));
      }
    }
    hits.push(...flagged);
  }
  return perActor('repeated_denials', hits).map((f) => ({
    ...f,
    detail: { maxInWindow: worst.get(f.actorId) ?? 0 },
  }));
}

/** Reads from a browser that is not a registered terminal (A29 端末の限定). */
export function unregisteredTerminals(input: AnalysisInput): Finding[] {
  return perActor(
    'unregistered_terminal',
    input.entries.filter((e) => isRead(e) && e.actorId !== null && e.terminalId === null),
  );
}

/** My Numbers read by someone without a current 特定個人情報取扱担当者 appointment that day (A7の2, A11の2). */
export function myNumberByNonHandlers(input: AnalysisInput): Finding[] {
  return perActor(
    'my_number_non_handler',
    input.entries.filter(
      (e) =>
        e.kind === 'access' &&
        e.myNumber &&
        e.outcome !== 'denied' &&
        (e.actorId === null || !input.isHandler(e.actorId, tokyoTime(e.occurredAt).day, e.sectionId)),
    ),
  );
}

const RULES: Record<AnalysisRule, (input: AnalysisInput) => Finding[]> = {
  off_hours: offHours,
  bulk_read: bulkReads,
  volume_spike: volumeSpikes,
  repeated_denials: repeatedDenials,
  unregistered_terminal: unregisteredTerminals,
  my_number_non_handler: myNumberByNonHandlers,
};

/** Every enabled rule over the input, in the order of ANALYSIS_RULES. */
export function analyse(input: AnalysisInput): Finding[] {
  return (Object.keys(RULES) as AnalysisRule[])
    .filter((rule) => !input.settings.disabled.includes(rule))
    .flatMap((rule) => RULES[rule](input));
}
