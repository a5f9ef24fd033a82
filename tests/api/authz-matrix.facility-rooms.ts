/**
 * Routes of facilities — server rooms and storage facilities (issue 11; A32, A33) in the authorisation
 * matrix (see authz-matrix.kit.ts for the letters). Scopes [東京 教務係, 東京 図書係, 長岡 教務係,
 * missing]: a room kept by each section, built once by its 保護管理者.
 * - Keeping (edit, authorised persons, inspections): the section's 保護管理者 and the unit's
 *   総括保護管理者 (A32-1, A33); every other reader D.
 * - Reading the room: also the section's members (staff and 保護担当者), the 総括管理者, 監査責任者
 *   and システム管理者; anyone else 404 (the 理事長 included).
 * - The entry log (visitors' names): keepers, 総括管理者, 監査責任者.
 * - Recording at the door, the door view and who is inside: keepers and the room's authorised persons —
 *   東京 教務係's 保護担当者 (鈴木) is one in 東京 教務係's room; log readers also see the door.
 * Allowed writes that find the object in another state answer 409, which still counts as allowed.
 */
import type { EntryView, RoomView } from '../../shared/api/facility-rooms.ts';
import { seatsFilled, sectionIn } from '../support/provision-scene.ts';
import type { PersonKey } from '../support/org-fixture.ts';
import { keeperIn, ok, onceMemo } from './authz-matrix.facility-kit.ts';
import {
  everyone,
  MISSING_ID,
  only,
  type Fixture,
  type Method,
  type Req,
  type RouteEntry,
  type Scope,
  type SignedInActor,
} from './authz-matrix.kit.ts';

const once = onceMemo();

/** The room's authorised person who enters (東京 教務係: the 保護担当者 actor, 鈴木). */
const ENTRANT: Partial<Record<Scope, PersonKey>> = {
  tokyoKyomu: 'tokyoKyomuStaff2',
  tokyoTosho: 'tokyoToshoHead',
  nagaoka: 'nagaokaKyomuHead',
};
const roomBody = (sectionId: string) => ({
  name: '行列テスト サーバ室',
  kind: 'server_room',
  sectionId,
  locationNote: null,
  entryAuth: 'card',
});
const { sectionId: _omit, ...updateBody } = { ...roomBody(''), active: true };
void _omit;
const inspectionBody = {
  inspectedOn: '2026-11-27',
  items: Object.fromEntries(
    ['locks', 'alarms', 'monitoring', 'earthquake', 'fire', 'smoke', 'water', 'backup_power', 'wiring'].map(
      (i) => [i, { status: 'in_place', note: null }],
    ),
  ),
  notes: null,
};

/** The scope's room with its entrant authorised and inside (one open entry): ids. */
async function roomIn(fx: Fixture, scope: Scope): Promise<{ id: string; entryId: string }> {
  if (scope === 'missing') return { id: MISSING_ID, entryId: MISSING_ID };
  return once(fx, `room:${scope}`, async () => {
    const by = await keeperIn(fx, scope);
    const room = ok<RoomView>(await by.post('/api/facilities/rooms', roomBody(sectionIn(fx, scope))), 'room');
    const url = `/api/facilities/rooms/${room.id}`;
    const personId = fx.org.people[ENTRANT[scope]!];
    ok(await by.post(`${url}/authorised`, { personId }), 'authorised');
    const entry = ok<EntryView>(
      await by.post(`${url}/entries`, { kind: 'staff', personId, purpose: '行列テスト' }),
      'entry',
    );
    return { id: room.id, entryId: entry.id };
  });
}

type Build = (fx: Fixture, scope: Scope) => Promise<Req>;
const SCOPES: Scope[] = ['tokyoKyomu', 'tokyoTosho', 'nagaoka', 'missing'];
const entry = (
  method: Method,
  path: string,
  expect: Record<SignedInActor, string>,
  request: Build,
): RouteEntry => ({
  method,
  path,
  access: 'protected',
  cases: [{ scopes: SCOPES, expect, request }],
});
const req = (method: Method, url: string, body?: unknown): Req => ({
  method,
  url,
  ...(body !== undefined ? { body } : {}),
});
const at = async (fx: Fixture, scope: Scope, tail = '') =>
  `/api/facilities/rooms/${(await roomIn(fx, scope)).id}${tail}`;

// ── letters over [東京 教務係, 東京 図書係, 長岡, missing] ──
const TOP = (letters: string) => ({ chiefManager: letters, auditOfficer: letters, sysadmin: letters });
const KEEPERS = { tokyoChief: 'AANN', tokyoKyomuManager: 'ANNN' };
const READ = only('NNNN', {
  ...TOP('AAAN'),
  ...KEEPERS,
  staff: 'ANNN',
  tokyoKyomuOfficer: 'ANNN',
});
const KEEP = only('NNNN', { ...TOP('DDDN'), ...KEEPERS, staff: 'DNNN', tokyoKyomuOfficer: 'DNNN' });
const LOG = only('NNNN', {
  ...TOP('AAAN'),
  sysadmin: 'DDDN',
  ...KEEPERS,
  staff: 'DNNN',
  tokyoKyomuOfficer: 'DNNN',
});
/** The door (view and who is inside): authorised persons and keepers, and log readers. */
const DOOR = { ...LOG, tokyoKyomuOfficer: 'ANNN' };
/** Recording entries and exits: authorised persons and keepers only. */
const RECORD = { ...KEEP, tokyoKyomuOfficer: 'ANNN' };
const CREATE = only('DDD', { tokyoChief: 'AAD', tokyoKyomuManager: 'ADD' });

export const FACILITY_ROOMS_ROUTES: RouteEntry[] = [
  {
    method: 'GET',
    path: '/api/facilities/rooms',
    access: 'protected',
    cases: [
      {
        scopes: ['none'],
        expect: everyone('A'),
        request: () => Promise.resolve(req('GET', '/api/facilities/rooms')),
      },
    ],
  },
  {
    method: 'POST',
    path: '/api/facilities/rooms',
    access: 'protected',
    cases: [
      {
        scopes: ['tokyoKyomu', 'tokyoTosho', 'nagaoka'],
        expect: CREATE,
        request: async (fx, scope) => {
          await seatsFilled(fx);
          return req('POST', '/api/facilities/rooms', roomBody(sectionIn(fx, scope)));
        },
      },
    ],
  },
  entry('GET', '/api/facilities/rooms/:roomId', READ, async (fx, s) => req('GET', await at(fx, s))),
  entry('PUT', '/api/facilities/rooms/:roomId', KEEP, async (fx, s) =>
    req('PUT', await at(fx, s), updateBody),
  ),
  entry('GET', '/api/facilities/rooms/:roomId/candidates', KEEP, async (fx, s) =>
    req('GET', await at(fx, s, '/candidates?q=E')),
  ),
  entry('POST', '/api/facilities/rooms/:roomId/authorised', KEEP, async (fx, s) =>
    req('POST', await at(fx, s, '/authorised'), { personId: fx.org.people.kyuyoStaff }),
  ),
  entry('DELETE', '/api/facilities/rooms/:roomId/authorised/:personId', KEEP, async (fx, s) => {
    // The target is authorised again before each cell, by the keeper (409 when already is fine).
    const url = await at(fx, s, '/authorised');
    if (s !== 'missing') await (await keeperIn(fx, s)).post(url, { personId: fx.org.people.kyuyoStaff });
    return req('DELETE', `${url}/${fx.org.people.kyuyoStaff}`);
  }),
  entry('GET', '/api/facilities/rooms/:roomId/entries', LOG, async (fx, s) =>
    req('GET', await at(fx, s, '/entries')),
  ),
  entry('POST', '/api/facilities/rooms/:roomId/entries', RECORD, async (fx, s) =>
    req('POST', await at(fx, s, '/entries'), {
      kind: 'staff',
      personId: fx.org.people[ENTRANT[s] ?? 'tokyoKyomuStaff2'],
      purpose: '行列テスト',
    }),
  ),
  entry('POST', '/api/facilities/rooms/:roomId/entries/:entryId/exit', RECORD, async (fx, s) =>
    req('POST', await at(fx, s, `/entries/${(await roomIn(fx, s)).entryId}/exit`), {}),
  ),
  entry('GET', '/api/facilities/rooms/:roomId/inside', DOOR, async (fx, s) =>
    req('GET', await at(fx, s, '/inside')),
  ),
  entry('GET', '/api/facilities/rooms/:roomId/door', DOOR, async (fx, s) =>
    req('GET', await at(fx, s, '/door')),
  ),
  entry('GET', '/api/facilities/rooms/:roomId/inspections', READ, async (fx, s) =>
    req('GET', await at(fx, s, '/inspections')),
  ),
  entry('POST', '/api/facilities/rooms/:roomId/inspections', KEEP, async (fx, s) =>
    req('POST', await at(fx, s, '/inspections'), inspectionBody),
  ),
];
