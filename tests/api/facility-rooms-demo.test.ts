/**
 * The demo's rooms (issue 11; A32, A33) on the test organisation: loadDemoRooms, with the demo's
 * sign-ins mapped to the test people (E150007 → 佐藤, 東京 教務係's 保護管理者; E150008 → 鈴木;
 * E000036 → 工藤, the システム管理者), shows a サーバ室 inspected a month ago with a visitor inside
 * (escorted, the name readable by the keeper only) and a storage facility never inspected — the one
 * gap. SQLite and PostgreSQL. Every person is fictional.
 */
import { describe, expect, it } from 'vitest';
import { loadDemoRooms } from '../../server/modules/facilities/rooms/demo-rooms.ts';
import type { DoorView, EntryView, RoomListView } from '../../shared/api/facility-rooms.ts';
import { databases } from '../support/databases.ts';
import { buildOrg, type PersonKey } from '../support/org-fixture.ts';
import { bodyOf } from '../support/provision-fixture.ts';
import { apiHarness, sessionClient } from './support/http-client.ts';

const DEMO: Record<string, PersonKey> = {
  E150007: 'tokyoKyomuHead',
  E150008: 'tokyoKyomuStaff2',
  E000036: 'sysadmin',
};

describe.each(databases)('facilities: the demo rooms on %s (A32, A33)', (kind) => {
  it('loads a room with today’s log and a visitor inside, and a storage facility never inspected', async () => {
    const api = await apiHarness(kind, { org: false });
    const o = await buildOrg(api.services);
    await loadDemoRooms(api.services.facilities.rooms, {
      ctxOf: (n) => o.as(DEMO[n]!),
      personId: (n) => o.people[DEMO[n]!],
      unitId: () => o.units.tokyo,
      sectionId: () => o.sections.tokyoKyomu,
      clock: api.services.clock,
    });
    const manager = await sessionClient(api.app, api.services, o.people.tokyoKyomuHead);
    const sysadmin = await sessionClient(api.app, api.services, o.people.sysadmin);
    const { rooms } = bodyOf<RoomListView>(await manager.get('/api/facilities/rooms'));
    expect(rooms.map((r) => [r.kind, r.inspectionOverdue, r.insideCount]).sort()).toEqual([
      ['server_room', false, 2],
      ['storage', true, 0],
    ]);
    const room = rooms.find((r) => r.kind === 'server_room')!;
    expect(room.authorisedCount).toBe(3);
    const log = bodyOf<{ entries: EntryView[] }>(
      await manager.get(`/api/facilities/rooms/${room.id}/entries`),
    );
    expect(log.entries).toHaveLength(3);
    const visitor = log.entries.find((e) => e.kind === 'visitor')!;
    expect(visitor).toMatchObject({ inside: true, escortName: '佐藤 花子' });
    expect(visitor.visitor?.name).toBeTruthy();
    // The システム管理者 is an authorised person: the door, without the visitor's name.
    const door = bodyOf<DoorView>(await sysadmin.get(`/api/facilities/rooms/${room.id}/door`));
    expect(door.can.record).toBe(true);
    expect(door.inside.find((e) => e.kind === 'visitor')?.visitor?.name).toBeNull();
    const gaps = await api.services.facilities.rooms.gaps();
    expect(gaps.map((g) => g.path)).toEqual([
      `/facilities/rooms/${rooms.find((r) => r.kind === 'storage')!.id}`,
    ]);
  });
});
