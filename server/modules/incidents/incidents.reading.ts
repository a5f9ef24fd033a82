import {
  factsInput,
  INCIDENT_STEPS,
  noticeInput,
  publicationInput,
  type DeadlineView,
  type Facts,
  type IncidentActor,
  type IncidentSettings,
  type IncidentStep,
  type PpcDecision,
  type StepOutcome,
} from '../../../shared/api/incidents.ts';
import { nextActions, type ChainState } from './law/chain.ts';
import { internalDue, lawDeadlines } from './law/deadlines.ts';
import { decidePpc } from './law/ppc-decision.ts';
import type { IncidentRow, MeasureRow, StepRow } from './incidents.repo.ts';

export type Notice = ReturnType<typeof noticeInput.parse>;
export type Publication = ReturnType<typeof publicationInput.parse>;

/** An incident as the service reads it: its row, facts, steps and measures. */
export interface Loaded {
  row: IncidentRow;
  facts: Facts;
  notice: Notice | null;
  publication: Publication | null;
  steps: StepRow[];
  measures: MeasureRow[];
}

/** Who holds the chain's seats for an incident now (A5, A6, A4). */
export interface Directory {
  /** The section's 保護管理者 (empty: the seat is vacant). */
  pm: string[];
  /** The unit's 総括保護管理者. */
  cpm: string[];
  /** The 総括管理者. */
  cm: string[];
}

/** The people who act for a role of the chain: a vacant 保護管理者 seat falls to the 総括保護管理者 (A5). */
export function actorsOf(dir: Directory, actor: IncidentActor): string[] {
  if (actor === 'protection_manager') return dir.pm.length ? dir.pm : dir.cpm;
  return actor === 'chief_protection_manager' ? dir.cpm : dir.cm;
}

export function parseLoaded(row: IncidentRow, steps: StepRow[], measures: MeasureRow[]): Loaded {
  return {
    row,
    facts: factsInput.parse(JSON.parse(row.facts)),
    notice: row.notice ? noticeInput.parse(JSON.parse(row.notice)) : null,
    publication: row.publication ? publicationInput.parse(JSON.parse(row.publication)) : null,
    steps,
    measures,
  };
}

/** The chain's state for the law's pure functions. */
export function chainState(l: Loaded, decision: PpcDecision): ChainState {
  const steps: ChainState['steps'] = {};
  for (const s of l.steps) steps[s.step as IncidentStep] = { outcome: s.outcome as StepOutcome, at: s.at };
  return { facts: l.facts, decision, steps, publish: l.publication ? l.publication.publish : null };
}

/** The internal chain's steps (速やかに, internalHours), as against the law's 速報 and 確報. */
const LAW_STEPS: IncidentStep[] = ['ppc_preliminary', 'ppc_final'];

export interface ActionDue {
  action: string;
  actor: IncidentActor;
  article: string;
  due: string | null;
}

/** What the board and the view compute of an incident: the law's decision, the due dates, who acts next. */
export interface Reading {
  decision: PpcDecision;
  state: ChainState;
  deadlines: DeadlineView[];
  nextDeadline: DeadlineView | null;
  actions: ActionDue[];
  openMeasures: number;
}

/**
 * Reads an incident (法68①, A34): the decision from the facts (decidePpc), the law's due dates when
 * the report is mandatory, the internal due date of the next pending step of the chain (internalHours
 * after the previous step, or the report), the measures' due dates, and what must be done next.
 */
export function readIncident(l: Loaded, settings: IncidentSettings, today: string): Reading {
  const decision = decidePpc(l.facts, settings);
  const state = chainState(l, decision);
  const open = l.row.status === 'open';
  const deadlines: DeadlineView[] = [];
  const add = (what: DeadlineView['what'], ref: string | null, due: string, met: boolean) =>
    deadlines.push({ what, ref, due, met, overdue: !met && due < today });
  const law = lawDeadlines(l.row.aware_at, l.facts, settings);
  if (decision.required === true) {
    add('ppc_preliminary', null, law.preliminary, state.steps.ppc_preliminary?.outcome === 'done');
    add('ppc_final', null, law.final, state.steps.ppc_final?.outcome === 'done');
  }
  const openMeasures = l.measures.filter((m) => !m.done_at).length;
  const actions = nextActions(state, {
    openMeasures,
    measures: l.measures.length,
    noticeRecorded: l.notice !== null,
    closed: !open,
  });
  // The internal chain's 速やかに: the next step of the chain that is someone's to take — and while
  // the investigation is still open, the report to the 総括保護管理者 it leads to (A34-3).
  const investigating = !state.steps.chief_protection && actions.some((a) => a.action === 'investigate');
  const internal = open
    ? (INCIDENT_STEPS.find((s) => !LAW_STEPS.includes(s) && actions.some((a) => a.action === s)) ??
      (investigating ? ('chief_protection' as const) : undefined))
    : undefined;
  let internalDay: string | null = null;
  if (internal) {
    const before = INCIDENT_STEPS.slice(0, INCIDENT_STEPS.indexOf(internal));
    const from = l.steps
      .filter((s) => before.includes(s.step as IncidentStep))
      .map((s) => s.at)
      .sort()
      .at(-1);
    internalDay = internalDue(from ?? l.row.reported_at, settings);
    add('internal', internal, internalDay, false);
  }
  for (const m of l.measures) add('measure', m.id, m.due, m.done_at !== null);
  const firstOpenMeasure = l.measures
    .filter((m) => !m.done_at)
    .map((m) => m.due)
    .sort()[0];
  const dueOf = (action: string): string | null => {
    if (action === 'ppc_preliminary') return decision.required ? law.preliminary : null;
    if (action === 'ppc_final') return decision.required ? law.final : null;
    if (action === internal || (action === 'investigate' && internal === 'chief_protection'))
      return internalDay;
    if (action === 'measures') return firstOpenMeasure ?? null;
    return null;
  };
  const unmet = deadlines.filter((d) => !d.met).sort((a, b) => a.due.localeCompare(b.due));
  return {
    decision,
    state,
    deadlines,
    nextDeadline: open ? (unmet[0] ?? null) : null,
    actions: actions.map((a) => ({ ...a, due: dueOf(a.action) })),
    openMeasures,
  };
}

/** The people who must act next on an incident, with the actions each must take. */
export function whoActs(actions: ActionDue[], dir: Directory): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const a of actions)
    for (const p of actorsOf(dir, a.actor)) {
      const set = out.get(p) ?? new Set<string>();
      set.add(a.action);
      out.set(p, set);
    }
  return out;
}
