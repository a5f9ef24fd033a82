import type { EvidenceItem, EvidenceScope, EvidenceSource } from '../../../shared/api/evidence.ts';
import type { TrainingDeps } from './training.deps.ts';
import { sessionPath } from './training.core.ts';
import { trainingRepo } from './training.repo.ts';
import { fiscalYear } from './training.rules.ts';

/**
 * Training as evidence of an audit (A36 over A10): the sessions held in the period, each with the
 * number of completions by staff of the scope's units (a unit's course counts when its unit is in
 * scope). Labels carry the course's title, fiscal year, day and count — never a name.
 */
export function createTrainingEvidence(deps: TrainingDeps): EvidenceSource {
  const { database } = deps;
  return async (scope: EvidenceScope): Promise<EvidenceItem[]> => {
    const sessions = (await trainingRepo.sessionsBetween(database.db, scope.from, scope.to)).filter(
      (s) => s.held_on <= scope.to,
    );
    if (sessions.length === 0) return [];
    const [courses, roster] = await Promise.all([trainingRepo.courses(database.db), deps.roster()]);
    const courseOf = new Map(courses.map((c) => [c.id, c]));
    const unitOf = new Map(roster.map((p) => [p.id, p.unitId]));
    const inScope = (unitId: string | null | undefined) =>
      scope.unitIds === null || (!!unitId && scope.unitIds.includes(unitId));
    const items: EvidenceItem[] = [];
    for (const s of sessions) {
      const c = courseOf.get(s.course_id);
      if (!c) continue;
      if (c.owner_unit_id && !inScope(c.owner_unit_id)) continue;
      const done = await trainingRepo.completionsOfSession(database.db, s.id);
      const counted = new Set(done.filter((d) => inScope(unitOf.get(d.person_id))).map((d) => d.person_id));
      if (!c.owner_unit_id && scope.unitIds !== null && counted.size === 0) continue;
      items.push({
        kind: 'training',
        ref: s.id,
        label: `${c.title}（${fiscalYear(s.held_on)}年度） ${s.held_on} 修了 ${counted.size}名`.slice(0, 300),
        path: sessionPath(s.id),
        at: s.held_on,
        unitId: c.owner_unit_id,
      });
    }
    return items;
  };
}
