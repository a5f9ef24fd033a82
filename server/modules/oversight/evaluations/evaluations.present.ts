import type { ActionView, EvaluationSummary } from '../../../../shared/api/oversight.ts';
import type {
  OversightEvaluationActionTable,
  OversightEvaluationTable,
} from '../../../platform/db/schema-oversight.ts';
import type { Directory } from '../common.ts';

export type EvaluationRow = OversightEvaluationTable;
export type ActionRow = OversightEvaluationActionTable;

/** The days of fiscal year `fy` (年度): 1 April to 31 March. */
export const fiscalPeriod = (fy: number) => ({ from: `${fy}-04-01`, to: `${fy + 1}-03-31` });

export const isOverdue = (a: ActionRow, today: string) => a.status === 'open' && a.due_on < today;

export function presentEvaluationSummary(
  r: EvaluationRow,
  actions: ActionRow[],
  units: Map<string, string>,
  today: string,
): EvaluationSummary {
  return {
    id: r.id,
    fiscalYear: r.fiscal_year,
    unitId: r.unit_id,
    unitName: r.unit_id ? (units.get(r.unit_id) ?? null) : null,
    status: r.status as EvaluationSummary['status'],
    decidedAt: r.decided_at,
    actions: actions.length,
    openActions: actions.filter((a) => a.status === 'open').length,
    overdueActions: actions.filter((a) => isOverdue(a, today)).length,
  };
}

export async function presentAction(
  a: ActionRow,
  people: Directory,
  today: string,
  canComplete: boolean,
): Promise<ActionView> {
  return {
    id: a.id,
    description: a.description,
    featureId: a.feature_id,
    owner: await people(a.owner_id),
    due: a.due_on,
    status: a.status as ActionView['status'],
    overdue: isOverdue(a, today),
    note: a.note,
    doneAt: a.done_at,
    canComplete,
  };
}
