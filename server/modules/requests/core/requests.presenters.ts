import type {
  Channel,
  DeliveryMethod,
  FeeMethod,
  IdentityMethod,
  PeriodsView,
  RequesterKind,
  RequestKind,
  RequestStatus,
  RequestSummaryView,
  RequestView,
} from '../../../../shared/api/requests.ts';
import { daysBetween, pauseDays } from './periods.ts';
import { isUndecided } from './requests.periods.ts';
import type { PauseRow, RequestRow } from './requests.repo.ts';

export interface Names {
  units: Map<string, string>;
  sections: Map<string, string>;
}

/**
 * The next date that matters on the board: the deadline before the decision; for a disclosure
 * decided and noticed, the last day to choose the method (法87-3) until it is carried out.
 */
export function nextDateOf(row: RequestRow, periods: PeriodsView): string | null {
  if (isUndecided(row.status)) return periods.dueOn;
  if (row.status === 'decided') return periods.methodChoiceUntil ?? periods.restDueOn;
  return null;
}

/** One line of the board; the requester's name only when `requesterName` is given (handlers). */
export function presentSummary(
  row: RequestRow,
  o: { names: Names; periods: PeriodsView; today: string; requesterName: string | null },
): RequestSummaryView {
  const { periods } = o;
  const undecided = isUndecided(row.status);
  return {
    id: row.id,
    number: row.number,
    kind: row.kind as RequestKind,
    status: row.status as RequestStatus,
    unitId: row.unit_id,
    unitName: o.names.units.get(row.unit_id) ?? '',
    sectionId: row.section_id,
    sectionName: row.section_id ? (o.names.sections.get(row.section_id) ?? '') : '',
    receivedOn: row.received_on,
    dueOn: periods.dueOn,
    daysLeft: periods.daysLeft,
    paused: row.status === 'correcting',
    extended: (row.extended_days ?? 0) > 0,
    large: row.large === 1,
    nextDate: nextDateOf(row, periods),
    overdue: undecided && periods.dueOn !== null && daysBetween(o.today, periods.dueOn) < 0,
    requesterName: o.requesterName,
  };
}

export interface ViewFacts {
  names: Names;
  periods: PeriodsView;
  today: string;
  pauses: PauseRow[];
  /** Opened from their seals (every reader of a request is a handler or the 監査責任者). */
  requester: RequestView['requester'];
  content: string | null;
  files: { id: string; name: string }[];
  checkedByName: string;
  parentNumber: string | null;
  children: RequestView['children'];
  can: RequestView['can'];
}

/** The request as its reader sees it (the overview page). */
export function presentRequest(row: RequestRow, f: ViewFacts): RequestView {
  return {
    ...presentSummary(row, {
      names: f.names,
      periods: f.periods,
      today: f.today,
      requesterName: f.requester?.name ?? null,
    }),
    parentId: row.parent_id,
    parentNumber: f.parentNumber,
    channel: row.channel as Channel,
    requesterKind: row.requester_kind as RequesterKind,
    requester: f.requester,
    content: f.content,
    files: f.files,
    identityMethod: row.identity_method as IdentityMethod,
    identityCheckedBy: f.checkedByName,
    identityCheckedAt: row.identity_checked_at,
    feeYen: row.fee_yen,
    feeMethod: row.fee_method as FeeMethod,
    feePaidOn: row.fee_paid_on,
    preferredMethod: row.preferred_method as DeliveryMethod | null,
    pauses: f.pauses.map((p) => ({
      id: p.id,
      askedOn: p.asked_on,
      reason: p.reason,
      answeredOn: p.answered_on,
      days: pauseDays({ askedOn: p.asked_on, answeredOn: p.answered_on }, f.today),
    })),
    extension:
      row.extended_days && row.extension_reason && row.extension_notified_on
        ? { days: row.extended_days, reason: row.extension_reason, notifiedOn: row.extension_notified_on }
        : null,
    largeCase:
      row.large === 1 && row.large_reason && row.large_rest_due_on
        ? { reason: row.large_reason, restDueOn: row.large_rest_due_on }
        : null,
    decision: row.decision,
    decidedOn: row.decided_on,
    noticeSentOn: row.notice_sent_on,
    methodChosen: row.method_chosen as DeliveryMethod | null,
    methodChosenOn: row.method_chosen_on,
    carriedOutOn: row.carried_out_on,
    closedOn: row.closed_on,
    withdrawnReason: row.withdrawn_reason,
    periods: f.periods,
    children: f.children,
    can: f.can,
  };
}
