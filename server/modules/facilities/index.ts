import type { GapView } from '../../../shared/api/organisation.ts';
import type { Policy } from '../../platform/authz/index.ts';
import type { App } from '../../platform/http/types.ts';
import { backupsPolicy, backupsRoutes, createBackups } from './backups/index.ts';
import { createDevices, devicesPolicy, devicesRoutes } from './devices/index.ts';
import type { FacilitiesDeps } from './facilities.deps.ts';
import { createRooms, roomsPolicy, roomsRoutes } from './rooms/index.ts';
import { createSystems, systemsPolicy, systemsRoutes } from './systems/index.ts';

export type { FacilitiesDeps } from './facilities.deps.ts';

/**
 * Facilities and continuity (issue 11): the register of devices and media (A14, A30), information
 * systems with their safeguards and design documents (A23, A24, A28), server rooms and storage
 * facilities with their entry log and safeguards (A32, A33), and backups that restore (A27).
 */
export function createFacilitiesModule(deps: FacilitiesDeps) {
  const devices = createDevices(deps);
  const systems = createSystems(deps);
  const rooms = createRooms(deps);
  const backups = createBackups(deps);
  const parts = [devices, systems, rooms, backups];
  const gaps = async (): Promise<GapView[]> => (await Promise.all(parts.map((p) => p.gaps()))).flat();
  return { devices, systems, rooms, backups, gaps, jobs: parts.flatMap((p) => p.jobs) };
}

export type FacilitiesModule = ReturnType<typeof createFacilitiesModule>;
export const facilitiesPolicies: Policy[] = [devicesPolicy, systemsPolicy, roomsPolicy, backupsPolicy];

export function facilitiesRoutes(app: App, m: FacilitiesModule) {
  devicesRoutes(app, m.devices);
  systemsRoutes(app, m.systems);
  roomsRoutes(app, m.rooms);
  backupsRoutes(app, m.backups);
}
