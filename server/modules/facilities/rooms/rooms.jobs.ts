import type { GapView } from '../../../../shared/api/organisation.ts';
import { gapAt } from '../../organisation/index.ts';
import { dailyJob, sendOnce } from '../common/reminders.ts';
import type { RoomsCore } from './rooms.core.ts';
import { schedule } from './rooms.presenters.ts';
import { roomsRepo, type RoomRow } from './rooms.repo.ts';

/** Active rooms whose safeguards are overdue for inspection (A33): never inspected, or past the interval. */
async function overdueRooms(core: RoomsCore): Promise<{ row: RoomRow; dueKey: string }[]> {
  const today = core.deps.clock.today();
  return (await roomsRepo.all(core.db))
    .filter((r) => r.active === 1)
    .map((row) => ({ row, s: schedule(row, today) }))
    .filter((r) => r.s.inspectionOverdue)
    .map((r) => ({ row: r.row, dueKey: r.s.nextInspectionDueOn ?? 'never' }));
}

/**
 * A33 (with A32-1: the 保護管理者's measures): a room overdue for inspection is a gap on its keeping
 * section's 保護管理者 (room_inspection_overdue), with the room's page; the label is the room's name.
 */
export function createRoomGaps(core: RoomsCore) {
  return async (): Promise<GapView[]> => {
    const overdue = await overdueRooms(core);
    if (overdue.length === 0) return [];
    const names = await core.deps.names();
    return overdue.map(({ row }) =>
      gapAt(names, {
        kind: 'room_inspection_overdue',
        role: 'protection_manager',
        scope: 'section',
        unitId: row.unit_id,
        sectionId: row.section_id,
        article: 'A33',
        path: `/facilities/rooms/${row.id}`,
        label: row.name,
      }),
    );
  };
}

/**
 * Every morning at 08:10 (Tokyo): the keepers of each room overdue for inspection are told
 * (room.inspection_due), once per room and due day ('never' before any inspection).
 */
export function createRoomReminders(
  core: RoomsCore,
  keepersOf: (unitId: string, sectionId: string) => Promise<string[]>,
) {
  const { deps } = core;
  async function remind(): Promise<number> {
    let sent = 0;
    for (const { row, dueKey } of await overdueRooms(core)) {
      if (await roomsRepo.reminded(core.db, row.id, dueKey)) continue;
      const keepers = await keepersOf(row.unit_id, row.section_id);
      // Once per room and due day (the primary key), even with several servers.
      const wrote = await sendOnce(deps, async (tx) => {
        await roomsRepo.insertReminder(tx, { room_id: row.id, due_on: dueKey, sent_at: core.now() });
        await deps.notifications.notify(tx, keepers, 'room.inspection_due', {
          data: { number: row.name, path: `/facilities/rooms/${row.id}` },
        });
      });
      if (wrote) sent++;
    }
    if (sent) deps.notifications.flushSoon();
    return sent;
  }
  return { remind, job: dailyJob('facilities-rooms-inspection-due', '10 8 * * *', remind) };
}
