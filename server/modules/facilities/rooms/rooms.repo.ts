import type { Insertable, Selectable, Updateable } from 'kysely';
import type { DB, Executor } from '../../../platform/db/index.ts';

export type RoomRow = Selectable<DB['facility_rooms']>;
export type RoomPersonRow = Selectable<DB['facility_room_people']>;
export type EntryRow = Selectable<DB['facility_room_entries']>;
export type InspectionRow = Selectable<DB['facility_room_inspections']>;

/** All SQL of rooms (A32, A33); every method takes the database or a transaction. */
export const roomsRepo = {
  insert: (db: Executor, row: Insertable<DB['facility_rooms']>) =>
    db.insertInto('facility_rooms').values(row).execute(),

  get: (db: Executor, id: string) =>
    db.selectFrom('facility_rooms').selectAll().where('id', '=', id).executeTakeFirst(),

  update: (db: Executor, id: string, patch: Updateable<DB['facility_rooms']>) =>
    db.updateTable('facility_rooms').set(patch).where('id', '=', id).execute(),

  all: (db: Executor) => db.selectFrom('facility_rooms').selectAll().orderBy('name').orderBy('id').execute(),

  /** Rooms where the person is authorised (their ids). */
  roomsOfPerson: async (db: Executor, personId: string) =>
    (
      await db
        .selectFrom('facility_room_people')
        .select('room_id')
        .where('person_id', '=', personId)
        .execute()
    ).map((r) => r.room_id),

  people: (db: Executor, roomIds: string[]) =>
    roomIds.length
      ? db.selectFrom('facility_room_people').selectAll().where('room_id', 'in', roomIds).execute()
      : Promise.resolve([] as RoomPersonRow[]),

  person: (db: Executor, roomId: string, personId: string) =>
    db
      .selectFrom('facility_room_people')
      .selectAll()
      .where('room_id', '=', roomId)
      .where('person_id', '=', personId)
      .executeTakeFirst(),

  addPerson: (db: Executor, row: Insertable<DB['facility_room_people']>) =>
    db.insertInto('facility_room_people').values(row).execute(),

  removePerson: (db: Executor, roomId: string, personId: string) =>
    db
      .deleteFrom('facility_room_people')
      .where('room_id', '=', roomId)
      .where('person_id', '=', personId)
      .execute(),

  insertEntry: (db: Executor, row: Insertable<DB['facility_room_entries']>) =>
    db.insertInto('facility_room_entries').values(row).execute(),

  entry: (db: Executor, roomId: string, entryId: string) =>
    db
      .selectFrom('facility_room_entries')
      .selectAll()
      .where('id', '=', entryId)
      .where('room_id', '=', roomId)
      .executeTakeFirst(),

  /** Closes an entry still open; false when another exit came first. */
  exit: async (db: Executor, entryId: string, at: string, by: string, recordedAt: string) => {
    const r = await db
      .updateTable('facility_room_entries')
      .set({ exited_at: at, exit_recorded_by: by, exit_recorded_at: recordedAt })
      .where('id', '=', entryId)
      .where('exited_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  /** Entries of rooms still open (who is inside now). */
  inside: (db: Executor, roomIds: string[]) =>
    roomIds.length
      ? db
          .selectFrom('facility_room_entries')
          .selectAll()
          .where('room_id', 'in', roomIds)
          .where('exited_at', 'is', null)
          .orderBy('entered_at')
          .orderBy('id')
          .execute()
      : Promise.resolve([] as EntryRow[]),

  /** The log of a room over Tokyo days from–to, newest first. */
  entries: (
    db: Executor,
    roomId: string,
    f: { from: string; to: string; insideOnly: boolean },
    limit: number,
  ) => {
    let q = db
      .selectFrom('facility_room_entries')
      .selectAll()
      .where('room_id', '=', roomId)
      .where('entered_on', '>=', f.from)
      .where('entered_on', '<=', f.to);
    if (f.insideOnly) q = q.where('exited_at', 'is', null);
    return q.orderBy('entered_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  },

  insertInspection: (db: Executor, row: Insertable<DB['facility_room_inspections']>) =>
    db.insertInto('facility_room_inspections').values(row).execute(),

  inspections: (db: Executor, roomId: string) =>
    db
      .selectFrom('facility_room_inspections')
      .selectAll()
      .where('room_id', '=', roomId)
      .orderBy('inspected_on', 'desc')
      .orderBy('recorded_at', 'desc')
      .orderBy('id', 'desc')
      .execute(),

  reminded: (db: Executor, roomId: string, dueOn: string) =>
    db
      .selectFrom('facility_room_reminders')
      .select('room_id')
      .where('room_id', '=', roomId)
      .where('due_on', '=', dueOn)
      .executeTakeFirst(),

  insertReminder: (db: Executor, row: Insertable<DB['facility_room_reminders']>) =>
    db.insertInto('facility_room_reminders').values(row).execute(),
};
