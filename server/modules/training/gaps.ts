import type { GapView } from '../../../shared/api/organisation.ts';
import { gapAt } from '../organisation/index.ts';
import type { TrainingDeps } from './training.deps.ts';
import type { TrainingCore } from './training.core.ts';
import { trainingRepo } from './training.repo.ts';
import { overdueLines } from './status.service.ts';

/**
 * Overdue training is a compliance gap (A10): one per section whose staff are overdue, on its
 * 保護管理者 (A10-4: the section's participation), and one per unit for its staff outside any section,
 * on its 総括保護管理者 (A10) — each with the overdue list as its page.
 */
export function createTrainingGaps(deps: TrainingDeps, core: TrainingCore) {
  return async function gaps(): Promise<GapView[]> {
    const courses = await trainingRepo.activeCourses(deps.database.db);
    if (courses.length === 0) return [];
    const dir = await core.directory();
    const groups = new Map<string, { unitId: string; sectionId: string | null; people: Set<string> }>();
    for (const l of overdueLines(core, dir, courses)) {
      const k = `${l.unitId} ${l.sectionId ?? ''}`;
      const g = groups.get(k) ?? { unitId: l.unitId, sectionId: l.sectionId, people: new Set<string>() };
      g.people.add(l.personId);
      groups.set(k, g);
    }
    return [...groups.values()].map((g) => {
      const section = g.sectionId !== null;
      return gapAt(dir, {
        kind: 'training_overdue',
        role: section ? 'protection_manager' : 'chief_protection_manager',
        scope: section ? 'section' : 'unit',
        unitId: g.unitId,
        sectionId: g.sectionId,
        article: section ? 'A10-4' : 'A10',
        path: section ? `/training/overdue?sectionId=${g.sectionId}` : `/training/overdue?unitId=${g.unitId}`,
        label: `研修の受講期限切れ ${g.people.size}名`,
      });
    });
  };
}
