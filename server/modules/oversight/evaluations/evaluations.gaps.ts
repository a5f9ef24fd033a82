import { EVALUATION_DUE_MONTH_DAY } from '../../../../shared/api/oversight.ts';
import type { GapView } from '../../../../shared/api/organisation.ts';
import { fiscalYearOf } from '../common.ts';
import { gapAt } from '../../organisation/index.ts';
import type { OversightDeps } from '../oversight.deps.ts';
import { isOverdue } from './evaluations.present.ts';

/**
 * A38 gaps (evaluation_overdue): the organisation's evaluation of the previous fiscal year not decided
 * by 6月30日 of the current one (on the 総括管理者; only when the organisation existed that year), and each decided change past its due date and
 * still open (on the 総括管理者, or on the unit's 総括保護管理者 for a unit's evaluation).
 */
export function createEvaluationGaps(deps: OversightDeps) {
  return async (): Promise<GapView[]> => {
    const db = deps.database.db;
    const today = deps.clock.today();
    const current = fiscalYearOf(today);
    const gaps: GapView[] = [];
    const base = { kind: 'evaluation_overdue' as const, article: 'A38' };
    const names = await deps.names();
    // Only a year the organisation lived through is owed: one set up this year (its first staff
    // recorded after the previous year ended) has no previous year to evaluate.
    const firstJoined = (await deps.roster()).reduce<string | null>(
      (min, p) => (min === null || p.joinedOn < min ? p.joinedOn : min),
      null,
    );
    const livedThrough = firstJoined !== null && firstJoined < `${current}-04-01`;
    if (livedThrough && today > `${current}-${EVALUATION_DUE_MONTH_DAY}`) {
      const decided = await db
        .selectFrom('oversight_evaluations')
        .select('id')
        .where('fiscal_year', '=', current - 1)
        .where('scope_key', '=', 'org')
        .where('status', '=', 'decided')
        .executeTakeFirst();
      if (!decided)
        gaps.push(
          gapAt(names, {
            ...base,
            role: 'chief_manager',
            scope: 'organisation',
            unitId: null,
            sectionId: null,
            path: '/oversight/evaluations',
            label: `${current - 1}年度`,
          }),
        );
    }
    const open = await db
      .selectFrom('oversight_evaluation_actions as a')
      .innerJoin('oversight_evaluations as e', 'e.id', 'a.evaluation_id')
      .selectAll('a')
      .select(['e.unit_id', 'e.fiscal_year'])
      .where('a.status', '=', 'open')
      .where('a.due_on', '<', today)
      .where('e.status', '=', 'decided')
      .orderBy('a.due_on')
      .orderBy('a.id')
      .execute();
    for (const a of open.filter((x) => isOverdue(x, today)))
      gaps.push(
        gapAt(names, {
          ...base,
          role: a.unit_id ? 'chief_protection_manager' : 'chief_manager',
          scope: a.unit_id ? 'unit' : 'organisation',
          unitId: a.unit_id,
          sectionId: null,
          path: `/oversight/evaluations/${a.evaluation_id}`,
          label: `${a.fiscal_year}年度 ${a.feature_id} (${a.due_on})`,
        }),
      );
    return gaps;
  };
}
