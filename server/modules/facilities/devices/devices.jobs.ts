import type { GapView } from '../../../../shared/api/organisation.ts';
import { systemCtx } from '../../../platform/context.ts';
import { gapAt } from '../../organisation/index.ts';
import { dailyJob } from '../common/reminders.ts';
import type { FacilitiesDeps } from '../facilities.deps.ts';
import { devicePath, type DevicesCore } from './devices.core.ts';
import { devicesRepo, type DeviceRow, type TakeOutWithRequest } from './devices.repo.ts';

export const OVERDUE_NOTIFICATION = 'device.return_overdue';

/**
 * A30-2: a device taken out and not back by its day. Each is a gap on its section's 保護管理者
 * (device_return_overdue, with the device's page; the label is its number), and every morning at
 * 08:00 (Tokyo) its holder and the section's keepers are told once (device.return_overdue).
 */
export function createDeviceOverdue(deps: FacilitiesDeps, core: DevicesCore) {
  const { database, clock, notifications } = deps;
  const db = database.db;

  /** Take-outs out past their day, with their device (still taken out). */
  async function overdue(): Promise<{ t: TakeOutWithRequest; d: DeviceRow }[]> {
    const out = await devicesRepo.takeOuts(db, { outOverdueBefore: clock.today() });
    const found = await Promise.all(out.map(async (t) => ({ t, d: await devicesRepo.get(db, t.device_id) })));
    return found.filter((x): x is { t: TakeOutWithRequest; d: DeviceRow } => x.d?.status === 'taken_out');
  }

  async function gaps(): Promise<GapView[]> {
    const due = await overdue();
    if (due.length === 0) return [];
    const names = await deps.names();
    return due
      .sort((a, b) => a.d.number.localeCompare(b.d.number))
      .map(({ d }) =>
        gapAt(names, {
          kind: 'device_return_overdue',
          role: 'protection_manager',
          scope: 'section',
          unitId: d.unit_id,
          sectionId: d.section_id,
          article: 'A30',
          path: devicePath(d.id),
          label: d.number,
        }),
      );
  }

  /** Tells the holder and the keepers of each overdue take-out, once; answers how many were told. */
  async function remind(): Promise<number> {
    const ctx = systemCtx('devices-overdue');
    let told = 0;
    for (const { t, d } of await overdue()) {
      if (t.overdue_told_at) continue;
      const people = [...new Set([t.requested_by, ...(await core.keepers(d))])];
      await database.transaction(async (tx) => {
        const now = clock.now().toISOString();
        if (!(await devicesRepo.markTakeOut(tx, t.id, 'overdue_told_at', { overdue_told_at: now }))) return;
        await notifications.notify(tx, people, OVERDUE_NOTIFICATION, {
          data: { number: d.number, path: devicePath(d.id) },
        });
        await core.audit(tx, ctx, d, 'facilities.device_return_overdue', {
          number: d.number,
          takeOutId: t.id,
          requestNumber: t.number,
          dueBack: t.due_back,
        });
        told++;
      });
    }
    if (told) notifications.flushSoon();
    return told;
  }

  return { gaps, remind, job: dailyJob('facilities.devices-overdue', '0 8 * * *', remind) };
}
