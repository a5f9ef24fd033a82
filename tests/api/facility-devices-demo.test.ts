/**
 * The demo's devices and media (issue 11; A14, A30) load on the test organisation, with its people
 * standing in for the demo's sign-ins, and show what they promise: 東京 教務係's laptop with full-disk
 * encryption and two USB memories, one taken out under an approved request, due back next week.
 * SQLite only.
 */
import { describe, expect, it } from 'vitest';
import { loadDemoDevices } from '../../server/modules/facilities/devices/demo-devices.ts';
import type { PersonKey } from '../support/org-fixture.ts';
import { provisionHarness } from '../support/provision-fixture.ts';

const STAND_INS: Record<string, PersonKey> = {
  E150007: 'tokyoKyomuHead',
  E150008: 'tokyoKyomuStaff1',
};

describe('facilities: the demo’s devices', () => {
  it('loads a register of 教務係 with an active take-out', async () => {
    const h = await provisionHarness('sqlite');
    const { o, services } = h;
    const part = services.facilities.devices;
    await loadDemoDevices(part, {
      ctxOf: (n) => Promise.resolve(o.as(STAND_INS[n]!)),
      personId: (n) => o.people[STAND_INS[n]!],
      unitId: () => o.units.tokyo,
      sectionId: () => o.sections.tokyoKyomu,
      clock: services.clock,
    });
    const { devices } = await part.list(await o.as('tokyoKyomuStaff1'), {});
    expect(devices.map((d) => [d.number, d.kind, d.encryption, d.status])).toEqual([
      ['K2026-0001', 'laptop_pc', 'full_disk', 'in_store'],
      ['K2026-0002', 'usb_memory', 'full_disk', 'in_store'],
      ['K2026-0003', 'usb_memory', 'file', 'taken_out'],
    ]);
    expect(devices[0]!.files.map((f) => f.name)).toEqual(['学籍ファイル']);
    expect(devices[2]).toMatchObject({ holder: { id: o.people.tokyoKyomuStaff1 }, dueDate: '2026-12-07' });
    expect(await part.gaps()).toEqual([]);
  });
});
