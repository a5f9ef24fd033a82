import type {
  Facts,
  IncidentActor,
  IncidentStep,
  PpcDecision,
  StepOutcome,
  StepView,
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
  throw new Error(`not yet: ${JSON.stringify(facts)}`);
}

/** Where a step stands: done / not_needed (recorded), pending (may be taken now), waiting, not_applicable. */
export function stepStatus(step: IncidentStep, state: ChainState): StepView['status'] {
  throw new Error(`not yet: ${step} ${JSON.stringify(state)}`);
}

/** Whether the step may be recorded as not needed. */
export function stepOptional(step: IncidentStep, state: ChainState): boolean {
  throw new Error(`not yet: ${step} ${JSON.stringify(state)}`);
}

/**
 * Why the step cannot be recorded with this outcome now, or null when it can:
 * incidents.step_done, incidents.step_not_applicable, incidents.step_out_of_order,
 * incidents.investigation_incomplete (chief_protection of a not serious incident before the
 * investigation is complete), incidents.step_not_optional.
 */
export function refuseStep(step: IncidentStep, outcome: StepOutcome, state: ChainState): ErrorCode | null {
  throw new Error(`not yet: ${step} ${outcome} ${JSON.stringify(state)}`);
}

/**
 * Why the incident cannot close, or null: incidents.measures_open when a measure is open;
 * incidents.close_blocked when chief_protection is not done, a required law step (速報, 確報,
 * ppc_my_number, mic_informed) is not done, the mandatory notice (法68②: decision.required) is not
 * recorded, or the publication decision (A35) is not made.
 */
export function refuseClose(
  state: ChainState,
  opts: { openMeasures: number; noticeRecorded: boolean },
): ErrorCode | null {
  throw new Error(`not yet: ${JSON.stringify(state)} ${JSON.stringify(opts)}`);
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
  throw new Error(`not yet: ${JSON.stringify(state)} ${JSON.stringify(opts)}`);
}
