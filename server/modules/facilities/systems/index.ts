import type { GapView } from '../../../../shared/api/organisation.ts';
import type { Policy } from '../../../platform/authz/index.ts';
import type { App } from '../../../platform/http/types.ts';
import type { Job } from '../../../platform/jobs/index.ts';
import type { FacilitiesDeps } from '../facilities.deps.ts';
import { createDocuments } from './documents.ts';
import { createSystemGaps, createSystemReminders } from './systems.gaps.ts';
import { systemsPolicy as policy } from './systems.policy.ts';
import { systemsRoutes as routes } from './systems.routes.ts';
import { createSystemsCore } from './systems.core.ts';
import { createSystemsService } from './systems.service.ts';

/**
 * Facilities — information systems (issue 11; A23, A24, A28): systems that process personal
 * information, linked to the register's files; their safeguards with the history of checks (A23
 * network controls, A24 patching and malware) — overdue ones are gaps (system_check_overdue) and the
 * keepers are told daily (system.check_due); their design documents with restricted access and every
 * download audited (A28).
 */
export function createSystems(deps: FacilitiesDeps) {
  const core = createSystemsCore(deps);
  const service = createSystemsService(core);
  const documents = createDocuments(core);
  const reminders = createSystemReminders(deps);
  const gaps: () => Promise<GapView[]> = createSystemGaps(deps);
  const jobs: Job[] = [reminders.job];
  return { ...service, documents, remind: reminders.remind, gaps, jobs };
}

export type SystemsPart = ReturnType<typeof createSystems>;

export const systemsPolicy: Policy = policy;

export function systemsRoutes(app: App, part: SystemsPart) {
  routes(app, part);
}
