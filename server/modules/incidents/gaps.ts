import type { GapView } from '../../../shared/api/organisation.ts';
import { gapAt } from '../organisation/index.ts';
import type { IncidentActor, IncidentStep } from '../../../shared/api/incidents.ts';
import { STEP_ACTOR, STEP_ARTICLE } from './law/chain.ts';
import type { IncidentsDeps } from './incidents.deps.ts';
import { readIncident } from './incidents.reading.ts';
import { loadOpenIncidents } from './open-incidents.ts';
import type { IncidentSettingsService } from './settings.service.ts';

export type IncidentGap = Omit<GapView, 'kind'> & { kind: 'incident_deadline_overdue' };

const SCOPE: Record<IncidentActor, GapView['scopeKind']> = {
  protection_manager: 'section',
  chief_protection_manager: 'unit',
  chief_manager: 'organisation',
};

/**
 * An open incident past a due date is a compliance gap (issue 8; A34, 法68①): one per incident and
 * due date passed (a role's late measures count once), on the role that must meet it — the
 * 総括管理者 for the 速報 and 確報, the chain's role for an internal step, the section's 保護管理者 for
 * a measure (A34-5).
 */
export function createIncidentGaps(deps: IncidentsDeps, settings: IncidentSettingsService) {
  const { database, clock } = deps;
  return async function gaps(): Promise<IncidentGap[]> {
    const today = clock.today();
    const s = await settings.current();
    const open = await loadOpenIncidents(database.db);
    if (open.length === 0) return [];
    const names = await deps.names();
    const found: IncidentGap[] = [];
    for (const l of open) {
      const row = l.row;
      const seen = new Set<string>();
      for (const late of readIncident(l, s, today).deadlines.filter((d) => !d.met && d.due < today)) {
        const step = (late.what === 'internal' ? late.ref : late.what) as IncidentStep;
        const role: IncidentActor = late.what === 'measure' ? 'protection_manager' : STEP_ACTOR[step];
        const article = late.what === 'measure' ? 'A34-5' : (STEP_ARTICLE[step] ?? 'A34');
        if (seen.has(`${role} ${article}`)) continue;
        seen.add(`${role} ${article}`);
        const scope = SCOPE[role];
        found.push(
          gapAt(names, {
            kind: 'incident_deadline_overdue',
            role,
            scope,
            unitId: scope === 'organisation' ? null : row.unit_id,
            sectionId: scope === 'section' ? row.section_id : null,
            article,
          }),
        );
      }
    }
    return found;
  };
}
