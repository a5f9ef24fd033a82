/**
 * Server rooms and storage facilities over HTTP (issue 11; rule 65 A32, A33): 東京 教務係's
 * 保護管理者 (佐藤) keeps a room — its authorised persons (A32-1), its safeguards checklist and
 * inspections (A33-1, A33-2); a room never inspected, or inspected longer ago than its interval, is
 * the gap room_inspection_overdue and its keepers are told once. Another unit does not see the room
 * (404); staff of the section read it but keep nothing (403). The clock stands at 2026-11-30 09:30
 * (Tokyo). SQLite and PostgreSQL. Every person is fictional.
 */
import { describe, expect, it } from 'vitest';
import {
  SAFEGUARD_ITEMS,
  type CandidateView,
  type InspectionInput,
  type InspectionView,
  type RoomInput,
  type RoomListView,
  type RoomView,
  type SafeguardStatus,
} from '../../shared/api/facility-rooms.ts';
import { databases, type DatabaseKind } from '../support/databases.ts';
import { bodyOf } from '../support/provision-fixture.ts';
import { MISSING_ID } from './authz-matrix.kit.ts';
import { facilityHarness, inbox } from './facility-fixture.ts';
import { expectProblem } from './support/expect-problem.ts';

const base = '/api/facilities/rooms';

/** The organisation with the 総括管理者 and 監査責任者, and a client per person the articles name. */
async function harness(kind: DatabaseKind) {
  const api = await facilityHarness(kind);
  const { o, as } = api;
  const c = {
    manager: await as('tokyoKyomuHead'),
    chief: await as('tokyoPrincipal'),
    chiefManager: await as('director1'),
    auditor: await as('auditor'),
    sysadmin: await as('sysadmin'),
    staff: await as('tokyoKyomuStaff1'),
    outsider: await as('tokyoToshoHead'),
    stranger: await as('nagaokaStaff'),
  };
  const roomBody = (over: Partial<RoomInput> = {}): RoomInput => ({
    name: '東京高専 サーバ室',
    kind: 'server_room',
    sectionId: o.sections.tokyoKyomu,
    locationNote: '管理棟2階 東側（表示なし）',
    entryAuth: 'card',
    ...over,
  });
  const room = async (over: Partial<RoomInput> = {}) =>
    bodyOf<RoomView>(await c.manager.post(base, roomBody(over)), 201);
  const audit = (type: string, subjectId?: string) =>
    api.services.ledger.list(api.services.database.db, { type, ...(subjectId ? { subjectId } : {}) });
  return { ...api, o, c, roomBody, room, audit };
}

const inspection = (
  status: SafeguardStatus = 'in_place',
  over: Partial<InspectionInput> = {},
): InspectionInput => ({
  inspectedOn: '2026-11-27',
  items: Object.fromEntries(
    SAFEGUARD_ITEMS.map((i) => [i, { status, note: null }]),
  ) as InspectionInput['items'],
  notes: null,
  ...over,
});

describe.each(databases)('facilities: rooms and their safeguards over HTTP on %s (A32, A33)', (kind) => {
  it('lets the keeper set up a room and its authorised persons; others read or get 404 (A32-1, A32-2)', async () => {
    const h = await harness(kind);
    const { c, o } = h;

    // Only keepers create rooms (403 for staff, the 総括管理者, the システム管理者); a bad section is 400.
    for (const other of [c.staff, c.chiefManager, c.sysadmin, c.outsider])
      expectProblem(await other.post(base, h.roomBody()), 403, 'auth.forbidden');
    expectProblem(
      await c.manager.post(base, h.roomBody({ sectionId: MISSING_ID })),
      400,
      'facilities.room_section_invalid',
    );
    expectProblem(
      await c.manager.post(base, h.roomBody({ kind: 'basement' as never })),
      400,
      'request.invalid',
    );
    expectProblem(await c.manager.post(base, h.roomBody({ name: ' ' })), 400, 'request.invalid');
    expectProblem(
      await c.manager.post(base, h.roomBody({ inspectionIntervalDays: 0 })),
      400,
      'request.invalid',
    );
    const room = await h.room();
    expect(room).toMatchObject({
      kind: 'server_room',
      unitId: o.units.tokyo,
      entryAuth: 'card',
      inspectionIntervalDays: 365,
      lastInspectedOn: null,
      inspectionOverdue: true,
      authorised: [],
      can: { keep: true, record: true, readLog: true },
    });
    expect(room.safeguards.map((s) => s.item)).toEqual([...SAFEGUARD_ITEMS]);
    expect((await h.audit('facilities.room_created', room.id)).length).toBe(1);
    const url = `${base}/${room.id}`;

    // Readers: the section's staff (no keeping), the 総括保護管理者, 総括管理者, 監査責任者, システム管理者.
    const staffView = bodyOf<RoomView>(await c.staff.get(url));
    expect(staffView.locationNote).toBe('管理棟2階 東側（表示なし）');
    expect(staffView.can).toEqual({ keep: false, record: false, readLog: false });
    expect(bodyOf<RoomView>(await c.chief.get(url)).can).toEqual({ keep: true, record: true, readLog: true });
    expect(bodyOf<RoomView>(await c.auditor.get(url)).can).toEqual({
      keep: false,
      record: false,
      readLog: true,
    });
    expect(bodyOf<RoomView>(await c.sysadmin.get(url)).can.keep).toBe(false);
    // Another section of the unit and another unit: not found; the list leaves it out (A32-2).
    for (const other of [c.outsider, c.stranger]) {
      expectProblem(await other.get(url), 404, 'facilities.room_not_found');
      expect(bodyOf<RoomListView>(await other.get(base)).rooms.map((r) => r.id)).not.toContain(room.id);
      expectProblem(
        await other.put(url, { ...h.roomBody(), sectionId: undefined }),
        404,
        'facilities.room_not_found',
      );
    }
    expect(bodyOf<RoomListView>(await c.staff.get(base)).keepableSections).toEqual([]);
    expect(bodyOf<RoomListView>(await c.manager.get(base)).keepableSections.map((s) => s.id)).toEqual([
      o.sections.tokyoKyomu,
    ]);

    // Staff: 403 on every keeping action (audited as denials).
    const { sectionId: _s, ...update } = h.roomBody({ name: '東京高専 サーバ室（改）' });
    void _s;
    expectProblem(await c.staff.put(url, update), 403, 'auth.forbidden');
    expectProblem(
      await c.staff.post(`${url}/authorised`, { personId: o.people.tokyoKyomuStaff1 }),
      403,
      'auth.forbidden',
    );
    expectProblem(await c.staff.get(`${url}/candidates`), 403, 'auth.forbidden');
    expectProblem(await c.staff.post(`${url}/inspections`, inspection()), 403, 'auth.forbidden');
    expectProblem(await c.staff.get(`${url}/entries`), 403, 'auth.forbidden');
    expect(bodyOf<RoomView>(await c.manager.put(url, update)).name).toBe('東京高専 サーバ室（改）');

    // Authorised persons (A32-1): active staff, picked among the unit's people; each change audited.
    const candidates = bodyOf<{ people: CandidateView[] }>(await c.manager.get(`${url}/candidates?q=清水`));
    expect(candidates.people.map((p) => p.personId)).toEqual([o.people.tokyoKyomuStaff1]);
    expectProblem(
      await c.manager.post(`${url}/authorised`, { personId: o.people.tokyoRetired }),
      400,
      'facilities.room_person_invalid',
    );
    expectProblem(
      await c.manager.post(`${url}/authorised`, { personId: MISSING_ID }),
      400,
      'facilities.room_person_invalid',
    );
    expectProblem(await c.manager.post(`${url}/authorised`, { personId: 7 }), 400, 'request.invalid');
    const added = bodyOf<RoomView>(
      await c.manager.post(`${url}/authorised`, { personId: o.people.tokyoKyomuStaff1 }),
      201,
    );
    expect(added.authorised).toMatchObject([
      { personId: o.people.tokyoKyomuStaff1, name: '清水 大輔', addedByName: '佐藤 花子' },
    ]);
    expectProblem(
      await c.manager.post(`${url}/authorised`, { personId: o.people.tokyoKyomuStaff1 }),
      409,
      'facilities.room_already_authorised',
    );
    expect((await c.manager.get(`${url}/candidates?q=清水`)).json<{ people: unknown[] }>().people).toEqual(
      [],
    );
    // An authorised person now records at the door, but still keeps nothing.
    expect(bodyOf<RoomView>(await c.staff.get(url)).can).toEqual({
      keep: false,
      record: true,
      readLog: false,
    });
    const removed = bodyOf<RoomView>(
      await c.manager.request('DELETE', `${url}/authorised/${o.people.tokyoKyomuStaff1}`),
    );
    expect(removed.authorised).toEqual([]);
    expectProblem(
      await c.manager.request('DELETE', `${url}/authorised/${o.people.tokyoKyomuStaff1}`),
      404,
      'facilities.room_person_not_found',
    );
    const events = [
      ...(await h.audit('facilities.room_person_added', room.id)),
      ...(await h.audit('facilities.room_person_removed', room.id)),
    ];
    expect(events.map((e) => e.payload?.personId)).toEqual([
      o.people.tokyoKyomuStaff1,
      o.people.tokyoKyomuStaff1,
    ]);
    expect(events).toHaveLength(2);
    expect(JSON.stringify(await h.audit('authz.denied'))).not.toContain('管理棟');
  });

  it('records inspections of the safeguards; a room never or too long ago inspected is a gap, told once (A33)', async () => {
    const h = await harness(kind);
    const { c, o } = h;
    const serverRoom = await h.room({ inspectionIntervalDays: 180 });
    const storage = await h.room({ name: '東京高専 書庫（媒体保管）', kind: 'storage', entryAuth: 'none' });
    const gaps = async () =>
      (await h.services.facilities.rooms.gaps()).filter((g) => g.kind === 'room_inspection_overdue');

    // Both never inspected: two gaps on 東京 教務係's 保護管理者, with the rooms' pages (A33).
    expect(await gaps()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          role: 'protection_manager',
          unitId: o.units.tokyo,
          sectionId: o.sections.tokyoKyomu,
          article: 'A33',
          path: `/facilities/rooms/${serverRoom.id}`,
        }),
        expect.objectContaining({ path: `/facilities/rooms/${storage.id}` }),
      ]),
    );
    expect(await gaps()).toHaveLength(2);

    // Bad inspections: a future day, an item missing, a status unknown.
    const url = `${base}/${serverRoom.id}/inspections`;
    expectProblem(
      await c.manager.post(url, inspection('in_place', { inspectedOn: '2026-12-01' })),
      400,
      'facilities.room_inspection_date_invalid',
    );
    const { locks: _l, ...withoutLocks } = inspection().items;
    void _l;
    expectProblem(
      await c.manager.post(url, { ...inspection(), items: withoutLocks }),
      400,
      'request.invalid',
    );
    expectProblem(await c.manager.post(url, inspection('broken' as SafeguardStatus)), 400, 'request.invalid');

    // An old inspection (older than 180 days) keeps the gap; a recent one clears it.
    const old = bodyOf<InspectionView>(
      await c.manager.post(url, inspection('partial', { inspectedOn: '2026-04-01' })),
      201,
    );
    expect(old).toMatchObject({ inspectedOn: '2026-04-01', inspectorName: '佐藤 花子' });
    expect((await gaps()).map((g) => g.path)).toContain(`/facilities/rooms/${serverRoom.id}`);
    const recent = inspection('in_place');
    recent.items.backup_power = { status: 'missing', note: 'UPS未設置' };
    bodyOf<InspectionView>(await c.chief.post(url, recent), 201);
    // A late record of an older inspection does not move the last day back.
    bodyOf<InspectionView>(
      await c.manager.post(url, inspection('partial', { inspectedOn: '2026-06-01' })),
      201,
    );
    expect((await gaps()).map((g) => g.path)).toEqual([`/facilities/rooms/${storage.id}`]);
    const view = bodyOf<RoomView>(await c.staff.get(`${base}/${serverRoom.id}`));
    expect(view).toMatchObject({
      lastInspectedOn: '2026-11-27',
      nextInspectionDueOn: '2027-05-26',
      inspectionOverdue: false,
    });
    expect(view.safeguards.find((s) => s.item === 'backup_power')).toEqual({
      item: 'backup_power',
      status: 'missing',
      note: 'UPS未設置',
    });
    const history = bodyOf<{ inspections: InspectionView[] }>(await c.staff.get(url)).inspections;
    expect(history.map((i) => i.inspectedOn)).toEqual(['2026-11-27', '2026-06-01', '2026-04-01']);
    expect((await h.audit('facilities.room_inspected', serverRoom.id)).map((e) => e.payload)).toContainEqual(
      expect.objectContaining({ inspectedOn: '2026-11-27', inPlace: 8, missing: 1 }),
    );

    // The daily job tells the storage's keepers once (room.inspection_due).
    expect(await h.services.facilities.rooms.remindInspections()).toBe(1);
    expect(await h.services.facilities.rooms.remindInspections()).toBe(0);
    for (const keeper of [c.manager, c.chief]) {
      const told = await inbox(keeper, 'room.inspection_due');
      expect(told).toHaveLength(1);
      expect(JSON.stringify(told[0])).toContain(`/facilities/rooms/${storage.id}`);
    }
    expect(await inbox(c.staff, 'room.inspection_due')).toEqual([]);

    // A retired room is no gap.
    const { sectionId: _s, ...body } = h.roomBody({ name: storage.name, kind: 'storage', entryAuth: 'none' });
    void _s;
    bodyOf<RoomView>(await c.manager.put(`${base}/${storage.id}`, { ...body, active: false }));
    expect(await gaps()).toEqual([]);
  });
});
