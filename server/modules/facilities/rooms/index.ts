import type { GapView } from '../../../../shared/api/organisation.ts';
import type { Policy } from '../../../platform/authz/index.ts';
import type { App } from '../../../platform/http/types.ts';
import type { Job } from '../../../platform/jobs/index.ts';
import type { FacilitiesDeps } from '../facilities.deps.ts';

/** Facilities — rooms (issue 11; A32, A33). Skeleton: the helper who owns this folder fills it. */
export function createRooms(deps: FacilitiesDeps) {
  void deps;
  const gaps = (): Promise<GapView[]> => Promise.resolve([]);
  const jobs: Job[] = [];
  return { gaps, jobs };
}

export type RoomsPart = ReturnType<typeof createRooms>;

export const roomsPolicy: Policy = () => undefined;

export function roomsRoutes(app: App, part: RoomsPart) {
  void app;
  void part;
}
