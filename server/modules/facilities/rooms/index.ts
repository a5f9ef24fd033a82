import type { GapView } from '../../../../shared/api/organisation.ts';
import type { Policy } from '../../../platform/authz/index.ts';
import type { App } from '../../../platform/http/types.ts';
import type { Job } from '../../../platform/jobs/index.ts';
import type { FacilitiesDeps } from '../facilities.deps.ts';
import { createEntriesService } from './entries.service.ts';
import { createInspectionsService } from './inspections.service.ts';
import { createRoomsCore } from './rooms.core.ts';
import { createRoomGaps, createRoomReminders } from './rooms.jobs.ts';
import { roomsPolicy as policy } from './rooms.policy.ts';
import { roomsHttp } from './rooms.routes.ts';
import { createRoomsService } from './rooms.service.ts';

/**
 * Facilities — server rooms and storage facilities (issue 11; A32, A33): rooms with their authorised
 * persons, the entry/exit log with visitors identified and escorted, the door tablet's API, the
 * safeguards checklist and its inspections; the gap room_inspection_overdue and the daily reminder.
 */
export function createRooms(deps: FacilitiesDeps) {
  const core = createRoomsCore(deps);
  const entries = createEntriesService(core);
  const inspections = createInspectionsService(core);
  const reminders = createRoomReminders(core, entries.keepersOf);
  const gaps: () => Promise<GapView[]> = createRoomGaps(core);
  const jobs: Job[] = [reminders.job];
  return {
    ...createRoomsService(core),
    entries,
    inspections,
    remindInspections: reminders.remind,
    gaps,
    jobs,
  };
}

export type RoomsPart = ReturnType<typeof createRooms>;

export const roomsPolicy: Policy = policy;

export function roomsRoutes(app: App, part: RoomsPart) {
  roomsHttp(app, part);
}
