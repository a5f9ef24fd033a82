import {
  INCIDENT_STEPS,
  type Facts,
  type IncidentActor,
  type IncidentStep,
  type PpcDecision,
  type StepOutcome,
  type StepView,
} from '../../../../shared/api/incidents.ts';
import type { ErrorCode } from '../../../../shared/errors.ts';

/**
 * The rule's chain (A34) as data: who takes each step, what must come first, which steps may be
 * judged not needed. Pure: the service loads the incident, asks here, then writes.
 * - chief_protection (A34-3): after the investigation (cause, damage, items and number of persons
 *   recorded); 直ちに — before the investigation ends — only when the incident is 特に重大.
 *   Never optional.
 * - chief_manager (A34-4): after chief_protection; optional (事案の内容等に応じて).
 * - ministries (A34-6): after chief_manager is done; optional (事案の内容等に応じて); not applicable
 *   when chief_manager was judged not needed.
 * - ppc_my_number (A34-7): only for My Number incidents; after chief_manager is done, or — 直ちに,
 *   特に重大 — right after chief_protection. Never optional when it applies.
 * - ppc_preliminary, ppc_final (法68①): only when the report is mandatory (decision.required);
 *   the 確報 after the 速報; never optional when they apply.
 * - mic_informed (A35-2): only when the incident is published; never optional then.
 */
export interface ChainState {
  facts: Facts;
  decision: PpcDecision;
  /** Steps recorded so far. */
  steps: Partial<Record<IncidentStep, { outcome: StepOutcome; at: string }>>;
  /** The A35 decision: true published / to publish, false not, null undecided. */
  publish: boolean | null;
}

export const STEP_ACTOR: Record<IncidentStep, IncidentActor> = {
  chief_protection: 'protection_manager',
  chief_manager: 'chief_protection_manager',
  ministries: 'chief_manager',
  ppc_my_number: 'chief_manager',
  ppc_preliminary: 'chief_manager',
  ppc_final: 'chief_manager',
  mic_informed: 'chief_manager',
};

/** The article each step carries out (shown beside it). */
export const STEP_ARTICLE: Record<IncidentStep, string> = {
  chief_protection: 'A34-3',
  chief_manager: 'A34-4',
  ministries: 'A34-6',
  ppc_my_number: 'A34-7',
  ppc_preliminary: '法68①',
  ppc_final: '法68①',
  mic_informed: 'A35-2',
};

/** The investigation is complete enough to report (A34-3): cause, damage, items and the count known. */
export function investigationComplete(facts: Facts): boolean {
  const given = (t: string | null) => t !== null && t.trim() !== '';
  return given(facts.cause) && given(facts.damage) && given(facts.items) && facts.personsCount !== null;
}

/**
 * Whether the step applies to the incident: true, false, or null while the facts or decisions that
 * settle it are still open (the PPC's decision while the count is unknown; A35 while undecided).
 */
function applies(step: IncidentStep, state: ChainState): boolean | null {
  switch (step) {
    case 'ministries':
      // A34-6 follows A34-4: nothing goes to the ministries when the 総括管理者 was not told.
      return state.steps.chief_manager?.outcome !== 'not_needed';
    case 'ppc_my_number':
      return state.facts.myNumber || state.decision.myNumber; // A34-7: My Number cases only
    case 'ppc_preliminary':
    case 'ppc_final':
      return state.decision.required; // 法68①: the mandatory cases of 規則43
    case 'mic_informed':
      return state.publish; // A35-2: published incidents only
    default:
      return true;
  }
}

const isDone = (step: IncidentStep, state: ChainState) => state.steps[step]?.outcome === 'done';

/** Whether the steps that must come first are recorded (the order of A34; 直ちに where allowed). */
function ready(step: IncidentStep, state: ChainState): boolean {
  const { facts } = state;
  switch (step) {
    case 'chief_protection':
      // A34-3: after the investigation; ただし 特に重大 — 直ちに, before it ends.
      return facts.serious || investigationComplete(facts);
    case 'chief_manager':
    case 'ministries':
      return isDone(step === 'chief_manager' ? 'chief_protection' : 'chief_manager', state);
    case 'ppc_my_number':
      // A34-7: the 総括管理者 reports once told (A34-4); ただし 特に重大 — 直ちに, right after A34-3.
      // A chief_manager judged not needed (the facts changed after) does not hold it back for ever.
      return state.steps.chief_manager !== undefined || (facts.serious && isDone('chief_protection', state));
    case 'ppc_final':
      return isDone('ppc_preliminary', state); // 規則44: the 確報 after the 速報
    default:
      // 法68① 速報 and A35-2 run alongside the chain, with their own clocks.
      return true;
  }
}

/** Where a step stands: done / not_needed (recorded), pending (may be taken now), waiting, not_applicable. */
export function stepStatus(step: IncidentStep, state: ChainState): StepView['status'] {
  const recorded = state.steps[step];
  if (recorded) return recorded.outcome;
  const a = applies(step, state);
  if (a === false) return 'not_applicable';
  // Still open whether it applies (count unknown, A35 undecided): it waits for those facts.
  if (a === null) return 'waiting';
  return ready(step, state) ? 'pending' : 'waiting';
}

/** Whether the step may be recorded as not needed. */
export function stepOptional(step: IncidentStep, state: ChainState): boolean {
  if (applies(step, state) !== true) return false;
  // A34-4 and A34-6: 事案の内容等に応じて. But in a My Number case the 総括管理者 must be told, since
  // it is the 総括管理者 who reports to the 個人情報保護委員会 (A34-7).
  if (step === 'chief_manager') return !applies('ppc_my_number', state);
  return step === 'ministries';
}

/**
 * Why the step cannot be recorded with this outcome now, or null when it can:
 * incidents.step_done, incidents.step_not_applicable, incidents.step_out_of_order,
 * incidents.investigation_incomplete (chief_protection of a not serious incident before the
 * investigation is complete), incidents.step_not_optional.
 */
export function refuseStep(step: IncidentStep, outcome: StepOutcome, state: ChainState): ErrorCode | null {
  if (state.steps[step]) return 'incidents.step_done';
  if (applies(step, state) !== true) return 'incidents.step_not_applicable';
  if (outcome === 'not_needed' && !stepOptional(step, state)) return 'incidents.step_not_optional';
  if (!ready(step, state))
    return step === 'chief_protection' ? 'incidents.investigation_incomplete' : 'incidents.step_out_of_order';
  return null;
}

/** The steps whose record is required before closing: A34-3 always, the law's and A34-7, A35-2 where they apply. */
const MUST_BE_DONE: IncidentStep[] = [
  'chief_protection',
  'ppc_my_number',
  'ppc_preliminary',
  'ppc_final',
  'mic_informed',
];

/**
 * Why the incident cannot close, or null: incidents.measures_open when a measure is open;
 * incidents.close_blocked when chief_protection is not done, a required law step (速報, 確報,
 * ppc_my_number, mic_informed) is not done, the mandatory notice (法68②: decision.required) is not
 * recorded, or the publication decision (A35) is not made. Also close_blocked while the
 * investigation is not complete (A34-3, A34-5: a serious incident may go up before it ends, but not
 * close before it) — which also settles whether the PPC report is mandatory.
 */
export function refuseClose(
  state: ChainState,
  opts: { openMeasures: number; noticeRecorded: boolean },
): ErrorCode | null {
  if (opts.openMeasures > 0) return 'incidents.measures_open'; // A34-5
  const blocked =
    !investigationComplete(state.facts) ||
    state.decision.required === null ||
    MUST_BE_DONE.some((s) => applies(s, state) !== false && !isDone(s, state)) ||
    (state.decision.required === true && !opts.noticeRecorded) || // 法68②
    state.publish === null; // A35-1
  return blocked ? 'incidents.close_blocked' : null;
}

/**
 * What must be done next, in order, by whom (the board's 「次に対応する人」): the pending steps,
 * and — while open — 'investigate' (protection_manager) until investigationComplete,
 * 'notice' (chief_protection_manager) when decision.required and no notice is recorded,
 * 'publication' (chief_protection_manager) while undecided, 'measures' (protection_manager) while
 * none exist or some are open, 'close' (chief_protection_manager) when refuseClose is null.
 * `due` is filled by the caller (the service knows the dates); here it is null.
 */
export function nextActions(
  state: ChainState,
  opts: { openMeasures: number; measures: number; noticeRecorded: boolean; closed: boolean },
): { action: string; actor: IncidentActor; article: string }[] {
  if (opts.closed) return [];
  const out: { action: string; actor: IncidentActor; article: string }[] = INCIDENT_STEPS.filter(
    (s) => stepStatus(s, state) === 'pending',
  ).map((s) => ({ action: s, actor: STEP_ACTOR[s], article: STEP_ARTICLE[s] }));
  if (!investigationComplete(state.facts))
    out.push({ action: 'investigate', actor: 'protection_manager', article: 'A34-3' });
  if (state.decision.required === true && !opts.noticeRecorded)
    out.push({ action: 'notice', actor: 'chief_protection_manager', article: '法68②' });
  if (state.publish === null)
    out.push({ action: 'publication', actor: 'chief_protection_manager', article: 'A35-1' });
  if (opts.measures === 0 || opts.openMeasures > 0)
    out.push({ action: 'measures', actor: 'protection_manager', article: 'A34-5' });
  if (refuseClose(state, opts) === null)
    out.push({ action: 'close', actor: 'chief_protection_manager', article: 'A34-5' });
  return out;
}
