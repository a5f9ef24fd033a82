import type { GapView } from '../../../../shared/api/organisation.ts';
import type { Policy } from '../../../platform/authz/index.ts';
import type { App } from '../../../platform/http/types.ts';
import type { Job } from '../../../platform/jobs/index.ts';
import type { FacilitiesDeps } from '../facilities.deps.ts';

/** Facilities — devices (issue 11; A14, A30). Skeleton: the helper who owns this folder fills it. */
export function createDevices(deps: FacilitiesDeps) {
  void deps;
  const gaps = (): Promise<GapView[]> => Promise.resolve([]);
  const jobs: Job[] = [];
  return { gaps, jobs };
}

export type DevicesPart = ReturnType<typeof createDevices>;

export const devicesPolicy: Policy = () => undefined;

export function devicesRoutes(app: App, part: DevicesPart) {
  void app;
  void part;
}
