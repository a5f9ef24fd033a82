import type { Policy } from '../../platform/authz/index.ts';
import type { IncidentsDeps } from './incidents.deps.ts';
import { createIncidentsCore } from './incidents.core.ts';
import { incidentsPolicy } from './incidents.policy.ts';
import { createIncidentsService } from './incidents.service.ts';
import { createIncidentGaps } from './gaps.ts';
import { createIncidentReminders } from './reminders.job.ts';
import { createIncidentSettings } from './settings.service.ts';

export { incidentsRoutes } from './incidents.routes.ts';
export type { IncidentsDeps, RegisterFileChoice } from './incidents.deps.ts';
export type { IncidentsService } from './incidents.service.ts';
export type { IncidentGap } from './gaps.ts';

/**
 * Incidents (issue 8; A34–A35, 法68): report at once, contain, investigate, escalate along the
 * rule's chain, meet the law's deadlines, publish, prevent recurrence. The job reminds those who
 * must act as due dates approach and pass.
 */
export function createIncidentsModule(deps: IncidentsDeps) {
  const settings = createIncidentSettings(deps);
  const incidents = createIncidentsService(deps, settings);
  const reminders = createIncidentReminders(deps, createIncidentsCore(deps, settings), settings);
  // An incident past a due date is a compliance gap (the organisation's gap report).
  const gaps = createIncidentGaps(deps, settings);
  return { incidents, settings, reminders, gaps, jobs: [reminders.job] };
}

export type IncidentsModule = ReturnType<typeof createIncidentsModule>;
export const incidentsPolicies: Policy[] = [incidentsPolicy];
