import {
  entryInput,
  entryListQuery,
  exitInput,
  type DoorView,
  type EntryView,
} from '../../../../shared/api/facility-rooms.ts';
import { toTokyoDate } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { RoomsCore } from './rooms.core.ts';
import { presentEntry, type SealedVisitor } from './rooms.presenters.ts';
import { roomsRepo, type EntryRow } from './rooms.repo.ts';

/** The purpose visitors' names and organisations are sealed for (keys.seal). */
const VISITOR_SEAL = 'facility-visitor';

/**
 * The entry/exit log of a room (A32-1: 用件の確認, 入退室の記録, 部外者についての識別化, 部外者が入室
 * する場合の教職員等の立会い). A staff entry is an authorised person's; a visitor is identified (the
 * kind of ID shown, a badge) and escorted by an authorised person — without an escort nothing is
 * recorded. Visitors' names and organisations are personal data: sealed at rest, opened only for
 * readers of the log, never in the ledger, logs or errors.
 */
export function createEntriesService(core: RoomsCore) {
  const { deps, db } = core;
  const { database, clock, keys } = deps;

  const open = (sealed: string): SealedVisitor =>
    JSON.parse(keys.open(VISITOR_SEAL, sealed)) as SealedVisitor;

  /** An instant the caller gave (or now): within today (Tokyo), not in the future, not before `after`. */
  function instant(given: string | null, after: string | null = null): string {
    const now = clock.now();
    if (given === null) return now.toISOString();
    const at = new Date(given);
    if (at.getTime() > now.getTime() || toTokyoDate(at) !== clock.today())
      throw new AppError('facilities.room_time_invalid');
    if (after && at.getTime() < new Date(after).getTime()) throw new AppError('facilities.room_time_invalid');
    return at.toISOString();
  }

  async function present(rows: EntryRow[], unseal: boolean): Promise<EntryView[]> {
    const people = await core.people(
      rows.flatMap((r) => [r.person_id, r.escort_id, r.recorded_by, r.exit_recorded_by]),
    );
    return rows.map((r) => presentEntry(r, people, unseal ? open : null));
  }

  /** The log (readers of the log: keepers, 総括保護管理者, 総括管理者, 監査責任者), visitors opened. */
  async function list(ctx: Ctx, id: string, raw: unknown = {}): Promise<{ entries: EntryView[] }> {
    const { row, access } = await core.readable(ctx, id);
    await core.require(ctx, row, access, 'read_log');
    const q = entryListQuery.parse(raw ?? {});
    const today = clock.today();
    const from = q.from ?? q.to ?? today;
    const to = q.to ?? (q.from && q.from > today ? q.from : today);
    const rows = await roomsRepo.entries(db, id, { from, to, insideOnly: q.inside === 'true' }, q.limit);
    return { entries: await present(rows, true) };
  }

  /** Who is inside now (door users and log readers; visitors' names for log readers only). */
  async function inside(ctx: Ctx, id: string): Promise<{ entries: EntryView[] }> {
    const { row, access } = await core.readable(ctx, id);
    if (!access.readLog) await core.require(ctx, row, access, 'record');
    return { entries: await present(await roomsRepo.inside(db, [id]), access.readLog) };
  }

  /**
   * The tablet at the door: the room, whom to pick, who is inside. A door is a semi-public place: its
   * screen never shows a visitor's name or organisation, only the badge handed out (識別化, A32-1),
   * whoever signed the tablet in; the names stay for readers of the log.
   */
  async function door(ctx: Ctx, id: string): Promise<DoorView> {
    const { row, access } = await core.readable(ctx, id);
    if (!access.readLog) await core.require(ctx, row, access, 'record');
    const [authorised, insideRows] = await Promise.all([
      roomsRepo.people(db, [id]),
      roomsRepo.inside(db, [id]),
    ]);
    const people = await core.people(authorised.map((p) => p.person_id));
    return {
      room: {
        id: row.id,
        name: row.name,
        kind: row.kind as DoorView['room']['kind'],
        entryAuth: row.entry_auth as DoorView['room']['entryAuth'],
        active: row.active === 1,
      },
      authorised: authorised
        .map((p) => people.get(p.person_id))
        .filter((p) => p?.active === true)
        .map((p) => ({ personId: p!.id, name: p!.name, employeeNumber: p!.employeeNumber }))
        .sort((a, b) => a.employeeNumber.localeCompare(b.employeeNumber)),
      inside: await present(insideRows, false),
      can: { keep: access.keep, record: access.record, readLog: access.readLog },
      now: clock.now().toISOString(),
      today: clock.today(),
    };
  }

  /** An active authorised person of the room, or null (for the entrant and the escort). */
  async function authorisedActive(roomId: string, personId: string) {
    if (!(await roomsRepo.person(db, roomId, personId))) return null;
    return (await core.people([personId])).get(personId)?.active ? personId : null;
  }

  /** Records an entry (A32-1); audit facilities.room_entry_recorded (ids and codes only). */
  async function enter(ctx: Ctx, id: string, raw: unknown): Promise<EntryView> {
    const me = core.personOf(ctx);
    const { row, access } = await core.readable(ctx, id);
    await core.require(ctx, row, access, 'record');
    if (row.active !== 1) throw new AppError('facilities.room_inactive');
    const input = entryInput.parse(raw);
    let sealed: string | null = null;
    if (input.kind === 'staff') {
      if (!input.personId || input.visitor) throw new AppError('facilities.room_entrant_invalid');
      if (!(await authorisedActive(id, input.personId))) throw new AppError('facilities.room_not_authorised');
    } else {
      if (!input.visitor || input.personId) throw new AppError('facilities.room_entrant_invalid');
      // 部外者が入室する場合の教職員等の立会い: no escort, no entry.
      if (!input.escortPersonId) throw new AppError('facilities.room_escort_required');
      if (!(await authorisedActive(id, input.escortPersonId)))
        throw new AppError('facilities.room_escort_invalid');
      sealed = keys.seal(
        VISITOR_SEAL,
        JSON.stringify({ name: input.visitor.name, organisation: input.visitor.organisation }),
      );
    }
    const enteredAt = instant(input.enteredAt);
    const entryId = newId();
    await database.transaction(async (tx) => {
      if (input.kind === 'staff') {
        const open = await roomsRepo.inside(tx, [id]);
        if (open.some((e) => e.person_id === input.personId))
          throw new AppError('facilities.room_already_inside');
      }
      await roomsRepo.insertEntry(tx, {
        id: entryId,
        room_id: id,
        kind: input.kind,
        person_id: input.kind === 'staff' ? input.personId : null,
        visitor_sealed: sealed,
        visitor_id_kind: input.visitor?.idKind ?? null,
        visitor_badge: input.visitor?.badgeNumber ?? null,
        escort_id: input.kind === 'visitor' ? input.escortPersonId : null,
        purpose: input.purpose,
        entered_at: enteredAt,
        entered_on: toTokyoDate(new Date(enteredAt)),
        exited_at: null,
        recorded_by: me,
        recorded_at: core.now(),
        exit_recorded_by: null,
        exit_recorded_at: null,
      });
      await core.audit(tx, ctx, row, 'facilities.room_entry_recorded', {
        entryId,
        kind: input.kind,
        personId: input.kind === 'staff' ? input.personId : null,
        escortPersonId: input.kind === 'visitor' ? input.escortPersonId : null,
        idKind: input.visitor?.idKind ?? null,
        corrected: input.enteredAt !== null,
      });
    });
    const [entry] = await present([(await roomsRepo.entry(db, id, entryId))!], access.readLog);
    return entry!;
  }

  /**
   * Closes an entry (A32-1 退室の記録); audit facilities.room_exit_recorded. When an escort leaves a
   * visitor inside, the keepers are told (room.visitor_unescorted).
   */
  async function exit(ctx: Ctx, id: string, entryId: string, raw: unknown): Promise<EntryView> {
    const me = core.personOf(ctx);
    const { row, access } = await core.readable(ctx, id);
    await core.require(ctx, row, access, 'record');
    const input = exitInput.parse(raw ?? {});
    const entry = await roomsRepo.entry(db, id, entryId);
    if (!entry) throw new AppError('facilities.room_entry_not_found');
    if (entry.exited_at) throw new AppError('facilities.room_already_exited');
    const exitedAt = instant(input.exitedAt, entry.entered_at);
    const left = (await roomsRepo.inside(db, [id])).filter(
      (e) => e.kind === 'visitor' && entry.person_id !== null && e.escort_id === entry.person_id,
    );
    const keepers = left.length ? await keepersOf(row.unit_id, row.section_id) : [];
    await database.transaction(async (tx) => {
      if (!(await roomsRepo.exit(tx, entryId, exitedAt, me, core.now())))
        throw new AppError('facilities.room_already_exited');
      await core.audit(tx, ctx, row, 'facilities.room_exit_recorded', {
        entryId,
        kind: entry.kind,
        corrected: input.exitedAt !== null,
        visitorsLeftInside: left.length,
      });
      if (left.length)
        await deps.notifications.notify(tx, keepers, 'room.visitor_unescorted', {
          data: { number: row.name, path: `/facilities/rooms/${id}` },
        });
    });
    if (left.length) deps.notifications.flushSoon();
    const [view] = await present([(await roomsRepo.entry(db, id, entryId))!], access.readLog);
    return view!;
  }

  /** The room's keepers today: the section's 保護管理者 and the unit's 総括保護管理者. */
  async function keepersOf(unitId: string, sectionId: string): Promise<string[]> {
    const [managers, chiefs] = await Promise.all([
      deps.appointed('protection_manager', unitId, sectionId),
      deps.appointed('chief_protection_manager', unitId, null),
    ]);
    return [...new Set([...managers, ...chiefs])];
  }

  return { list, inside, door, enter, exit, keepersOf };
}
