/**
 * The entry/exit log of a server room over HTTP (issue 11; rule 65 A32-1: 用件の確認, 入退室の記録,
 * 部外者についての識別化, 部外者が入室する場合の教職員等の立会い). 東京 教務係's 保護管理者 (佐藤) keeps
 * the room; 清水 and 鈴木 are its authorised persons. A staff entry must be an authorised person's; a
 * visitor must be escorted by one — without an escort nothing is recorded. A visitor's name and
 * organisation are sealed: never in the ledger, opened only for readers of the log. The clock stands
 * at 2026-11-30 09:30 (Tokyo). SQLite and PostgreSQL. Every person and company is fictional.
 */
import { describe, expect, it } from 'vitest';
import type { NotificationView } from '../../shared/api/approvals.ts';
import type { DoorView, EntryInput, EntryView, RoomView } from '../../shared/api/facility-rooms.ts';
import { databases, type DatabaseKind } from '../support/databases.ts';
import { bodyOf } from '../support/provision-fixture.ts';
import { facilityHarness } from './facility-fixture.ts';
import { expectProblem } from './support/expect-problem.ts';

const base = '/api/facilities/rooms';
const VISITOR = { name: '架空 来訪太郎', organisation: '株式会社テスト保守サービス' };

async function harness(kind: DatabaseKind) {
  const api = await facilityHarness(kind);
  const { o, as } = api;
  const c = {
    manager: await as('tokyoKyomuHead'),
    auditor: await as('auditor'),
    sysadmin: await as('sysadmin'),
    shimizu: await as('tokyoKyomuStaff1'),
    outsider: await as('tokyoToshoHead'),
    stranger: await as('nagaokaStaff'),
  };
  const room = bodyOf<RoomView>(
    await c.manager.post(base, {
      name: '東京高専 サーバ室',
      kind: 'server_room',
      sectionId: o.sections.tokyoKyomu,
      locationNote: null,
      entryAuth: 'card',
    }),
    201,
  );
  for (const p of ['tokyoKyomuStaff1', 'tokyoKyomuStaff2'] as const)
    bodyOf(await c.manager.post(`${base}/${room.id}/authorised`, { personId: o.people[p] }), 201);
  const url = `${base}/${room.id}`;
  const count = async () =>
    (
      await api.services.database.db
        .selectFrom('facility_room_entries')
        .selectAll()
        .where('room_id', '=', room.id)
        .execute()
    ).length;
  const audit = (type: string) => api.services.ledger.list(api.services.database.db, { type });
  return { ...api, o, c, room, url, count, audit };
}

const visitorEntry = (escortPersonId: string | null, over: Partial<EntryInput> = {}): EntryInput => ({
  kind: 'visitor',
  visitor: { ...VISITOR, idKind: 'driver_licence', badgeNumber: '来訪者 3' },
  escortPersonId,
  purpose: 'サーバ保守（ディスク交換）',
  ...over,
});

describe.each(databases)('facilities: the entry log of a room over HTTP on %s (A32-1)', (kind) => {
  it('records only authorised staff, and visitors only with an escort; names stay sealed', async () => {
    const h = await harness(kind);
    const { c, o, url } = h;
    const entries = `${url}/entries`;

    // Who records: authorised persons and keepers; others of the unit 404 or 403.
    const staffEntry = { kind: 'staff', personId: o.people.tokyoKyomuStaff2, purpose: '定期点検' };
    expectProblem(await c.outsider.post(entries, staffEntry), 404, 'facilities.room_not_found');
    expectProblem(await c.stranger.post(entries, staffEntry), 404, 'facilities.room_not_found');
    expectProblem(await c.auditor.post(entries, staffEntry), 403, 'auth.forbidden');

    // A staff entry must be an authorised person's (A32-1 入室する権限を有する者).
    expectProblem(
      await c.shimizu.post(entries, { ...staffEntry, personId: o.people.tokyoToshoHead }),
      409,
      'facilities.room_not_authorised',
    );
    expectProblem(
      await c.shimizu.post(entries, { ...staffEntry, personId: null }),
      400,
      'facilities.room_entrant_invalid',
    );
    expectProblem(await c.shimizu.post(entries, { ...staffEntry, purpose: '' }), 400, 'request.invalid');

    // A visitor without an escort is refused, and nothing is recorded (立会い).
    expectProblem(await c.shimizu.post(entries, visitorEntry(null)), 400, 'facilities.room_escort_required');
    expect(await h.count()).toBe(0);
    expect(await h.audit('facilities.room_entry_recorded')).toEqual([]);
    expectProblem(
      await c.shimizu.post(entries, visitorEntry(o.people.tokyoToshoHead)),
      409,
      'facilities.room_escort_invalid',
    );
    expectProblem(
      await c.shimizu.post(entries, visitorEntry(o.people.tokyoKyomuStaff2, { visitor: null })),
      400,
      'facilities.room_entrant_invalid',
    );
    const noId = visitorEntry(o.people.tokyoKyomuStaff2);
    expectProblem(
      await c.shimizu.post(entries, { ...noId, visitor: { ...noId.visitor, idKind: 'none' } }),
      400,
      'request.invalid',
    );
    expect(await h.count()).toBe(0);

    // 鈴木 enters (recorded by 清水 at 09:10), then escorts a visitor in.
    expectProblem(
      await c.shimizu.post(entries, { ...staffEntry, enteredAt: '2026-11-30T01:00:00Z' }),
      400,
      'facilities.room_time_invalid',
    );
    expectProblem(
      await c.shimizu.post(entries, { ...staffEntry, enteredAt: '2026-11-29T14:00:00Z' }),
      400,
      'facilities.room_time_invalid',
    );
    const suzuki = bodyOf<EntryView>(
      await c.shimizu.post(entries, { ...staffEntry, enteredAt: '2026-11-30T00:10:00+00:00' }),
      201,
    );
    expect(suzuki).toMatchObject({
      kind: 'staff',
      personName: '鈴木 美咲',
      enteredAt: '2026-11-30T00:10:00.000Z',
      inside: true,
      recordedByName: '清水 大輔',
    });
    expectProblem(await c.shimizu.post(entries, staffEntry), 409, 'facilities.room_already_inside');
    const visitor = bodyOf<EntryView>(
      await c.shimizu.post(entries, visitorEntry(o.people.tokyoKyomuStaff2)),
      201,
    );
    // 清水 does not read the log: the visitor's name is not shown back to him.
    expect(visitor.visitor).toEqual({
      name: null,
      organisation: null,
      idKind: 'driver_licence',
      badgeNumber: '来訪者 3',
    });
    expect(visitor).toMatchObject({ escortName: '鈴木 美咲', enteredAt: '2026-11-30T00:30:00.000Z' });

    // Sealed at rest; never in the ledger (audit payloads carry ids and codes only).
    const raw = JSON.stringify(
      await h.services.database.db.selectFrom('facility_room_entries').selectAll().execute(),
    );
    const ledger = JSON.stringify(await h.services.ledger.list(h.services.database.db, {}));
    for (const text of [raw, ledger]) {
      expect(text).not.toContain(VISITOR.name);
      expect(text).not.toContain(VISITOR.organisation);
    }
    expect((await h.audit('facilities.room_entry_recorded')).map((e) => e.payload?.kind).sort()).toEqual([
      'staff',
      'visitor',
    ]);

    // Readers of the log see the visitor opened; door users do not; staff get 403.
    for (const reader of [c.manager, c.auditor]) {
      const log = bodyOf<{ entries: EntryView[] }>(await reader.get(entries)).entries;
      expect(log.find((e) => e.id === visitor.id)?.visitor).toMatchObject(VISITOR);
    }
    expectProblem(await c.shimizu.get(entries), 403, 'auth.forbidden');
    expectProblem(await c.sysadmin.get(entries), 403, 'auth.forbidden');
    expectProblem(await c.manager.get(`${entries}?from=30-11-2026`), 400, 'request.invalid');
    expect(
      bodyOf<{ entries: EntryView[] }>(await c.manager.get(`${entries}?from=2026-11-29&to=2026-11-29`))
        .entries,
    ).toEqual([]);

    // Who is inside now, and the door tablet.
    const inside = bodyOf<{ entries: EntryView[] }>(await c.shimizu.get(`${url}/inside`)).entries;
    expect(inside.map((e) => e.id).sort()).toEqual([suzuki.id, visitor.id].sort());
    expect(inside.find((e) => e.id === visitor.id)?.visitor?.name).toBeNull();
    const door = bodyOf<DoorView>(await c.shimizu.get(`${url}/door`));
    expect(door.authorised.map((p) => p.name).sort()).toEqual(['清水 大輔', '鈴木 美咲'].sort());
    expect(door).toMatchObject({ today: '2026-11-30', can: { keep: false, record: true, readLog: false } });
    expect(door.inside).toHaveLength(2);
    // The door is a semi-public screen: not even the keeper's tablet shows a visitor's name there
    // (only the badge); the keeper reads it in the log.
    const managerDoor = bodyOf<DoorView>(await c.manager.get(`${url}/door`));
    expect(managerDoor.inside.find((e) => e.id === visitor.id)?.visitor).toMatchObject({
      name: null,
      organisation: null,
      badgeNumber: '来訪者 3',
    });
    expectProblem(await c.sysadmin.get(`${url}/door`), 403, 'auth.forbidden');
    expectProblem(await c.stranger.get(`${url}/inside`), 404, 'facilities.room_not_found');
  });

  it('closes entries on exit; an escort leaving a visitor inside tells the keepers', async () => {
    const h = await harness(kind);
    const { c, o, url } = h;
    const entries = `${url}/entries`;
    const suzuki = bodyOf<EntryView>(
      await c.shimizu.post(entries, {
        kind: 'staff',
        personId: o.people.tokyoKyomuStaff2,
        purpose: '定期点検',
        enteredAt: '2026-11-30T00:05:00Z',
      }),
      201,
    );
    const visitor = bodyOf<EntryView>(
      await c.manager.post(entries, visitorEntry(o.people.tokyoKyomuStaff2)),
      201,
    );
    expect(visitor.visitor?.name).toBe(VISITOR.name);

    // Exit: not before the entry, not in the future; once.
    const exit = (id: string, body: unknown = {}) => c.shimizu.post(`${entries}/${id}/exit`, body);
    expectProblem(
      await exit(suzuki.id, { exitedAt: '2026-11-30T00:00:00Z' }),
      400,
      'facilities.room_time_invalid',
    );
    expectProblem(
      await exit(suzuki.id, { exitedAt: '2026-11-30T02:00:00Z' }),
      400,
      'facilities.room_time_invalid',
    );
    expectProblem(await exit('00000000-0000-4000-8000-000000000000'), 404, 'facilities.room_entry_not_found');
    const out = bodyOf<EntryView>(await exit(suzuki.id, { exitedAt: '2026-11-30T00:25:00Z' }));
    expect(out).toMatchObject({
      inside: false,
      exitedAt: '2026-11-30T00:25:00.000Z',
      exitRecordedByName: '清水 大輔',
    });
    expectProblem(await exit(suzuki.id), 409, 'facilities.room_already_exited');

    // The visitor's escort left: the keepers are told (room.visitor_unescorted); only the visitor is inside.
    const told = bodyOf<{ notifications: NotificationView[] }>(
      await c.manager.get('/api/notifications'),
    ).notifications.filter((n) => n.kind === 'room.visitor_unescorted');
    expect(told).toHaveLength(1);
    expect(JSON.stringify(told)).not.toContain(VISITOR.name);
    const inside = bodyOf<{ entries: EntryView[] }>(await c.manager.get(`${url}/inside`)).entries;
    expect(inside.map((e) => e.id)).toEqual([visitor.id]);
    expect(
      bodyOf<{ entries: EntryView[] }>(await c.manager.get(`${entries}?inside=true`)).entries.map(
        (e) => e.id,
      ),
    ).toEqual([visitor.id]);
    bodyOf<EntryView>(await exit(visitor.id));
    expect(bodyOf<{ entries: EntryView[] }>(await c.manager.get(`${url}/inside`)).entries).toEqual([]);
    expect(bodyOf<RoomView>(await c.manager.get(url)).insideCount).toBe(0);
    const log = bodyOf<{ entries: EntryView[] }>(await c.manager.get(entries)).entries;
    expect(log.map((e) => e.id).sort()).toEqual([suzuki.id, visitor.id].sort());
    expect(log.every((e) => !e.inside)).toBe(true);

    // A retired room takes no more entries.
    bodyOf<RoomView>(
      await c.manager.put(url, {
        name: '東京高専 サーバ室',
        kind: 'server_room',
        locationNote: null,
        entryAuth: 'card',
        active: false,
      }),
    );
    expectProblem(
      await c.shimizu.post(entries, {
        kind: 'staff',
        personId: o.people.tokyoKyomuStaff1,
        purpose: '撤去作業',
      }),
      409,
      'facilities.room_inactive',
    );
  });
});
