import {
  authorisedInput,
  candidateQuery,
  roomInput,
  roomUpdateInput,
  type CandidateView,
  type RoomListView,
  type RoomView,
} from '../../../../shared/api/facility-rooms.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { SUBJECT, type RoomsCore } from './rooms.core.ts';
import { presentRoom, presentSummary } from './rooms.presenters.ts';
import { roomsRepo } from './rooms.repo.ts';

/**
 * Rooms and storage facilities (A32-1 情報システム室等 and 媒体の保管施設) and their authorised persons
 * (A32-1 入室する権限を有する者). Every change lands with its audit event (ids and codes only).
 */
export function createRoomsService(core: RoomsCore) {
  const { deps, db } = core;
  const { database, authz, clock } = deps;

  async function view(ctx: Ctx, id: string): Promise<RoomView> {
    const { row, access } = await core.readable(ctx, id);
    const [authorised, inside, inspections, names] = await Promise.all([
      roomsRepo.people(db, [id]),
      roomsRepo.inside(db, [id]),
      roomsRepo.inspections(db, id),
      deps.names(),
    ]);
    const people = await core.people(authorised.flatMap((p) => [p.person_id, p.added_by]));
    return presentRoom(row, {
      names,
      today: clock.today(),
      access,
      insideCount: inside.length,
      authorised,
      people,
      latest: inspections[0] ?? null,
    });
  }

  /** The rooms the caller reads, with the sections where they may create one. */
  async function list(ctx: Ctx): Promise<RoomListView> {
    const me = core.personOf(ctx);
    const [rows, mine, names, structure] = await Promise.all([
      roomsRepo.all(db),
      roomsRepo.roomsOfPerson(db, me),
      deps.names(),
      deps.structure(),
    ]);
    const visible = rows
      .map((row) => ({ row, access: core.permissions(ctx, row, mine.includes(row.id)) }))
      .filter((r) => r.access.read);
    const ids = visible.map((r) => r.row.id);
    const [inside, people] = await Promise.all([roomsRepo.inside(db, ids), roomsRepo.people(db, ids)]);
    const today = clock.today();
    const count = <T extends { room_id: string }>(list: T[], id: string) =>
      list.filter((x) => x.room_id === id).length;
    const unitNames = new Map(structure.units.map((u) => [u.id, u.name]));
    return {
      rooms: visible.map(({ row, access }) =>
        presentSummary(row, {
          names,
          today,
          access,
          insideCount: count(inside, row.id),
          authorisedCount: count(people, row.id),
        }),
      ),
      keepableSections: structure.sections
        .filter((s) => authz.can(ctx, 'keep', SUBJECT, { unitId: s.unitId, sectionId: s.id }))
        .map((s) => ({ id: s.id, name: s.name, unitId: s.unitId, unitName: unitNames.get(s.unitId) ?? '' })),
    };
  }

  const fields = (input: ReturnType<typeof roomUpdateInput.parse>) => ({
    name: input.name,
    kind: input.kind,
    location_note: input.locationNote,
    entry_auth: input.entryAuth,
    inspection_interval_days: input.inspectionIntervalDays,
    notes: input.notes,
  });
  const auditData = (input: ReturnType<typeof roomUpdateInput.parse>) => ({
    kind: input.kind,
    entryAuth: input.entryAuth,
    inspectionIntervalDays: input.inspectionIntervalDays,
  });

  /** A32-1: the keeping section's 保護管理者 (or the unit's 総括保護管理者) sets up a room. */
  async function create(ctx: Ctx, raw: unknown): Promise<RoomView> {
    const me = core.personOf(ctx);
    const input = roomInput.parse(raw);
    const section = (await deps.structure()).sections.find((s) => s.id === input.sectionId);
    if (!section) throw new AppError('facilities.room_section_invalid');
    await authz.assertCan(ctx, 'keep', SUBJECT, { unitId: section.unitId, sectionId: section.id });
    const id = newId();
    const at = core.now();
    const row = {
      id,
      ...fields({ ...input, active: true }),
      unit_id: section.unitId,
      section_id: section.id,
      last_inspected_on: null,
      active: 1,
      created_at: at,
      created_by: me,
      updated_at: at,
      updated_by: me,
    };
    await database.transaction(async (tx) => {
      await roomsRepo.insert(tx, row);
      await core.audit(tx, ctx, row, 'facilities.room_created', auditData({ ...input, active: true }));
    });
    return view(ctx, id);
  }

  /** The whole record again (the keeping section stays); active: false retires the room. */
  async function update(ctx: Ctx, id: string, raw: unknown): Promise<RoomView> {
    const me = core.personOf(ctx);
    const { row, access } = await core.readable(ctx, id);
    await core.require(ctx, row, access, 'keep');
    const input = roomUpdateInput.parse(raw);
    await database.transaction(async (tx) => {
      await roomsRepo.update(tx, id, {
        ...fields(input),
        active: input.active ? 1 : 0,
        updated_at: core.now(),
        updated_by: me,
      });
      await core.audit(tx, ctx, row, 'facilities.room_updated', {
        ...auditData(input),
        active: input.active,
        retired: row.active === 1 && !input.active,
      });
    });
    return view(ctx, id);
  }

  /** Active staff of the room's unit to authorise (not yet authorised), by name or number. */
  async function candidates(ctx: Ctx, id: string, raw: unknown = {}): Promise<{ people: CandidateView[] }> {
    const { row, access } = await core.readable(ctx, id);
    await core.require(ctx, row, access, 'keep');
    const { q } = candidateQuery.parse(raw ?? {});
    const already = (await roomsRepo.people(db, [id])).map((p) => p.person_id);
    let query = db
      .selectFrom('people')
      .select(['id', 'employee_number', 'family_name', 'given_name', 'section_id'])
      .where('active', '=', 1)
      .where('unit_id', '=', row.unit_id);
    if (q) {
      // Wildcards are taken out (LIKE's escape differs between SQLite and PostgreSQL).
      const like = `%${q.replace(/[\\%_\s]/g, '')}%`;
      query = query.where((eb) =>
        eb.or([
          eb('employee_number', 'like', like),
          eb('family_name', 'like', like),
          eb('given_name', 'like', like),
          eb('family_name_kana', 'like', like),
          eb('given_name_kana', 'like', like),
        ]),
      );
    }
    const rows = await query
      .orderBy('employee_number')
      .limit(50 + already.length)
      .execute();
    const { sections } = await deps.names();
    return {
      people: rows
        .filter((p) => !already.includes(p.id))
        .slice(0, 50)
        .map((p) => ({
          personId: p.id,
          name: `${p.family_name} ${p.given_name}`,
          employeeNumber: p.employee_number,
          sectionName: p.section_id ? (sections.get(p.section_id) ?? null) : null,
        })),
    };
  }

  /** A32-1: adds an authorised person (active staff); audit facilities.room_person_added. */
  async function authorise(ctx: Ctx, id: string, raw: unknown): Promise<RoomView> {
    const me = core.personOf(ctx);
    const { row, access } = await core.readable(ctx, id);
    await core.require(ctx, row, access, 'keep');
    const { personId } = authorisedInput.parse(raw);
    const person = (await core.people([personId])).get(personId);
    if (!person?.active) throw new AppError('facilities.room_person_invalid');
    await database.transaction(async (tx) => {
      if (await roomsRepo.person(tx, id, personId)) throw new AppError('facilities.room_already_authorised');
      await roomsRepo.addPerson(tx, { room_id: id, person_id: personId, added_at: core.now(), added_by: me });
      await core.audit(tx, ctx, row, 'facilities.room_person_added', { personId });
    });
    return view(ctx, id);
  }

  /** A32-1: ends a person's authorisation; audit facilities.room_person_removed. */
  async function unauthorise(ctx: Ctx, id: string, personId: string): Promise<RoomView> {
    const { row, access } = await core.readable(ctx, id);
    await core.require(ctx, row, access, 'keep');
    await database.transaction(async (tx) => {
      if (!(await roomsRepo.person(tx, id, personId))) throw new AppError('facilities.room_person_not_found');
      await roomsRepo.removePerson(tx, id, personId);
      await core.audit(tx, ctx, row, 'facilities.room_person_removed', { personId });
    });
    return view(ctx, id);
  }

  return { list, get: view, create, update, candidates, authorise, unauthorise };
}
