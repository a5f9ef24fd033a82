import type { RoomPermissions } from '../../../../shared/api/facility-rooms.ts';
import { actorPersonId, type Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { auditOf, personOf, subjectOf } from '../common/core.ts';
import type { FacilitiesDeps } from '../facilities.deps.ts';
import { roomsRepo, type RoomRow } from './rooms.repo.ts';

/** A person as the room's views show them (no personal data beyond the staff name and number). */
export interface PersonFacts {
  id: string;
  name: string;
  employeeNumber: string;
  unitId: string;
  active: boolean;
}

/** What the caller may do with one room: by role (rooms.policy.ts) or as its authorised person. */
export interface Access extends RoomPermissions {
  read: boolean;
  /** The caller is an authorised person of the room (A32-1). */
  authorised: boolean;
}

export const SUBJECT = 'FacilityRoom';
export { subjectOf };

/**
 * The shared core of rooms (A32, A33): reading a room as the caller may, permissions, names, audit.
 * A room outside the caller's view answers facilities.room_not_found (404), never 403.
 */
export function createRoomsCore(deps: FacilitiesDeps) {
  const { database, authz, ledger, clock } = deps;
  const db = database.db;
  const now = () => clock.now().toISOString();

  /** The caller's permissions on a room, knowing whether they are one of its authorised persons. */
  function permissions(ctx: Ctx, row: RoomRow, authorised: boolean): Access {
    const can = (action: string) => authz.can(ctx, action, SUBJECT, subjectOf(row));
    const keep = can('keep');
    return {
      read: can('read') || authorised,
      keep,
      record: keep || can('record') || authorised,
      readLog: can('read_log'),
      authorised,
    };
  }

  async function access(ctx: Ctx, row: RoomRow): Promise<Access> {
    const me = actorPersonId(ctx);
    return permissions(ctx, row, me ? Boolean(await roomsRepo.person(db, row.id, me)) : false);
  }

  /** The room and what the caller may do with it; 404 when unknown or not theirs to see. */
  async function readable(ctx: Ctx, id: string): Promise<{ row: RoomRow; access: Access }> {
    personOf(ctx);
    const row = await roomsRepo.get(db, id);
    if (!row) throw new AppError('facilities.room_not_found');
    const a = await access(ctx, row);
    if (!a.read) throw new AppError('facilities.room_not_found');
    return { row, access: a };
  }

  /** 403 auth.forbidden (audited) unless the caller may `action` on the room. */
  async function require(ctx: Ctx, row: RoomRow, a: Access, action: 'keep' | 'record' | 'read_log') {
    const allowed = action === 'keep' ? a.keep : action === 'record' ? a.record : a.readLog;
    if (!allowed) await authz.assertCan(ctx, action, SUBJECT, subjectOf(row));
  }

  /** Staff names and numbers by id, in one query (also the retired, for history). */
  async function people(ids: (string | null)[]): Promise<Map<string, PersonFacts>> {
    const wanted = [...new Set(ids.filter((i): i is string => Boolean(i)))];
    if (wanted.length === 0) return new Map();
    const rows = await db
      .selectFrom('people')
      .select(['id', 'employee_number', 'family_name', 'given_name', 'unit_id', 'active'])
      .where('id', 'in', wanted)
      .execute();
    return new Map(
      rows.map((p) => [
        p.id,
        {
          id: p.id,
          name: `${p.family_name} ${p.given_name}`,
          employeeNumber: p.employee_number,
          unitId: p.unit_id,
          active: p.active === 1,
        },
      ]),
    );
  }

  /** An audit event about a room: ids, numbers and codes only (never a visitor's name). */
  const audit = auditOf(ledger, SUBJECT);

  return { deps, db, now, personOf, permissions, access, readable, require, people, audit };
}
export type RoomsCore = ReturnType<typeof createRoomsCore>;
