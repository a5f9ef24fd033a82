import type { GapView } from '../../../../shared/api/organisation.ts';
import type { ProvisionDeps } from '../provision.deps.ts';
import { provisionsRepo } from './provisions.repo.ts';
import { gapAt } from '../../organisation/index.ts';

export type ProvisionGap = Omit<GapView, 'kind'> & { kind: 'provision_check_overdue' };

/**
 * A18-2: a provision whose scheduled check or improvement request is past due is a compliance gap of
 * its section's 保護管理者 (one per section).
 */
export function createProvisionGaps(h: ProvisionDeps) {
  return async function gaps(): Promise<ProvisionGap[]> {
    const late = await provisionsRepo.overdue(h.database.db, h.clock.today());
    if (late.length === 0) return [];
    const names = await h.names();
    const seen = new Set<string>();
    const found: ProvisionGap[] = [];
    for (const r of late) {
      if (seen.has(r.section_id)) continue;
      seen.add(r.section_id);
      found.push(
        gapAt(names, {
          kind: 'provision_check_overdue',
          role: 'protection_manager',
          scope: 'section',
          unitId: r.unit_id,
          sectionId: r.section_id,
          article: 'A18-2',
        }),
      );
    }
    return found;
  };
}
