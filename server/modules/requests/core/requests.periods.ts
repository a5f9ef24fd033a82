import type { PeriodsView, RequestKind } from '../../../../shared/api/requests.ts';
import type { RequestsConfig } from '../../../platform/config.ts';
import { daysBetween, dueDate, methodChoiceUntil, pauseDays, remedyUntil } from './periods.ts';
import type { PauseRow, RequestRow } from './requests.repo.ts';

/** Statuses before the decision: the deadline of 法83 (法94, 法102) runs. */
export const UNDECIDED = ['received', 'correcting', 'deciding'] as const;
export const isUndecided = (status: string) => (UNDECIDED as readonly string[]).includes(status);

type PeriodFacts = Pick<
  RequestRow,
  | 'kind'
  | 'status'
  | 'received_on'
  | 'base_days'
  | 'extended_days'
  | 'large'
  | 'large_rest_due_on'
  | 'notice_sent_on'
  | 'carried_out_on'
>;
type PauseFacts = Pick<PauseRow, 'asked_on' | 'answered_on'>;

const toPauses = (pauses: readonly PauseFacts[]) =>
  pauses.map((p) => ({ askedOn: p.asked_on, answeredOn: p.answered_on }));

/** The due date of a request from its row and its pauses (法83, 法84, 法94, 法102); null while paused. */
export function computeDue(config: RequestsConfig, row: PeriodFacts, pauses: readonly PauseFacts[]) {
  return dueDate({
    receivedOn: row.received_on,
    baseDays: row.base_days,
    pauses: toPauses(pauses),
    extendedDays: row.extended_days ?? 0,
    largeDays: row.large === 1 ? config.largeDays : null,
    firstDayCounted: config.firstDayCounted,
    rollToBusinessDay: config.rollToBusinessDay,
  });
}

/** The periods of a request as shown, step by step (PeriodsView), on `today`. */
export function periodsOf(
  config: RequestsConfig,
  row: PeriodFacts,
  pauses: readonly PauseFacts[],
  today: string,
): PeriodsView {
  const rules = { firstDayCounted: config.firstDayCounted, rollToBusinessDay: config.rollToBusinessDay };
  const due = computeDue(config, row, pauses);
  const steps = [...due.steps];
  const kind = row.kind as RequestKind;
  const large = row.large === 1;
  if (large && row.large_rest_due_on)
    steps.push({ label: '残りの部分の決定期限（法84）', date: row.large_rest_due_on });
  const methodUntil =
    kind === 'disclosure' && row.notice_sent_on
      ? methodChoiceUntil(row.notice_sent_on, config.methodChoiceDays, rules)
      : null;
  if (row.notice_sent_on && methodUntil) {
    steps.push({ label: '決定通知', date: row.notice_sent_on });
    steps.push({
      label: `開示の実施方法の申出期限（法87-3） ${config.methodChoiceDays}日`,
      date: methodUntil,
    });
  }
  const remedy =
    kind === 'disclosure' && row.carried_out_on
      ? remedyUntil(row.carried_out_on, config.remedyWindowDays, rules)
      : null;
  if (row.carried_out_on && remedy) {
    steps.push({ label: '開示の実施', date: row.carried_out_on });
    steps.push({ label: `訂正・利用停止請求の期限（法90-3） ${config.remedyWindowDays}日`, date: remedy });
  }
  return {
    receivedOn: row.received_on,
    firstDayCounted: config.firstDayCounted,
    rollToBusinessDay: config.rollToBusinessDay,
    baseDays: large ? config.largeDays : row.base_days,
    pausedDays: pauses.reduce(
      (sum, p) => sum + pauseDays({ askedOn: p.asked_on, answeredOn: p.answered_on }, today),
      0,
    ),
    extendedDays: large ? 0 : (row.extended_days ?? 0),
    dueOn: due.dueOn,
    restDueOn: large ? row.large_rest_due_on : null,
    daysLeft: due.dueOn && isUndecided(row.status) ? daysBetween(today, due.dueOn) : null,
    remedyUntil: remedy,
    methodChoiceUntil: methodUntil,
    steps,
  };
}
