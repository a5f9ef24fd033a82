import type { GapView } from '../../../shared/api/organisation.ts';
import { gapAt } from '../organisation/index.ts';
import type { IncidentsDeps } from './incidents.deps.ts';

/**
 * Issue 10 (A34): an incident still being handled is an amber gap of its unit (the overview): one
 * per open incident, on the section's 保護管理者 who contains and investigates it (A34-2, -3, -5).
 * Its label is the incident's number only (never what happened).
 */
export function createOpenIncidentGaps(deps: Pick<IncidentsDeps, 'database' | 'clock' | 'names'>) {
  return async (): Promise<GapView[]> => {
    const rows = await deps.database.db
      .selectFrom('incidents')
      .select(['number', 'unit_id', 'section_id'])
      .where('status', '=', 'open')
      .orderBy('number')
      .execute();
    if (rows.length === 0) return [];
    const names = await deps.names();
    return rows.map((r) =>
      gapAt(names, {
        kind: 'incident_open',
        role: 'protection_manager',
        scope: 'section',
        unitId: r.unit_id,
        sectionId: r.section_id,
        article: 'A34',
        path: `/incidents/${r.number}`,
        label: r.number,
      }),
    );
  };
}
