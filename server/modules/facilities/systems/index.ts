import type { GapView } from '../../../../shared/api/organisation.ts';
import type { Policy } from '../../../platform/authz/index.ts';
import type { App } from '../../../platform/http/types.ts';
import type { Job } from '../../../platform/jobs/index.ts';
import type { FacilitiesDeps } from '../facilities.deps.ts';

/** Facilities — systems (issue 11; A23, A24, A28). Skeleton: the helper who owns this folder fills it. */
export function createSystems(deps: FacilitiesDeps) {
  void deps;
  const gaps = (): Promise<GapView[]> => Promise.resolve([]);
  const jobs: Job[] = [];
  return { gaps, jobs };
}

export type SystemsPart = ReturnType<typeof createSystems>;

export const systemsPolicy: Policy = () => undefined;

export function systemsRoutes(app: App, part: SystemsPart) {
  void app;
  void part;
}
