import type { Insertable, Selectable, Updateable } from 'kysely';
import type { DB, Executor } from '../../../platform/db/index.ts';

export type RequestRow = Selectable<DB['subject_requests']>;
export type PauseRow = Selectable<DB['subject_request_pauses']>;
export type ReminderRow = Selectable<DB['subject_request_reminders']>;

/** All SQL of the core of individuals' requests; every method takes the database or a transaction. */
export const requestsRepo = {
  insert: (db: Executor, row: Insertable<DB['subject_requests']>) =>
    db.insertInto('subject_requests').values(row).execute(),

  get: (db: Executor, id: string) =>
    db.selectFrom('subject_requests').selectAll().where('id', '=', id).executeTakeFirst(),

  /** Updates the request when its status is one of `from`; false when it was not (nothing changed). */
  move: async (
    db: Executor,
    id: string,
    from: readonly string[],
    patch: Updateable<DB['subject_requests']>,
  ) => {
    if (from.length === 0) return false;
    const r = await db
      .updateTable('subject_requests')
      .set(patch)
      .where('id', '=', id)
      .where('status', 'in', [...from])
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  update: (db: Executor, id: string, patch: Updateable<DB['subject_requests']>) =>
    db.updateTable('subject_requests').set(patch).where('id', '=', id).execute(),

  all: (db: Executor) =>
    db.selectFrom('subject_requests').selectAll().orderBy('received_on', 'desc').orderBy('id').execute(),

  byStatus: (db: Executor, statuses: readonly string[]) =>
    db
      .selectFrom('subject_requests')
      .selectAll()
      .where('status', 'in', [...statuses])
      .orderBy('id')
      .execute(),

  children: (db: Executor, parentId: string) =>
    db
      .selectFrom('subject_requests')
      .select(['id', 'number', 'kind', 'status'])
      .where('parent_id', '=', parentId)
      .orderBy('number')
      .execute(),

  numbers: (db: Executor, ids: string[]) =>
    ids.length
      ? db.selectFrom('subject_requests').select(['id', 'number']).where('id', 'in', ids).execute()
      : Promise.resolve([] as { id: string; number: string }[]),

  pauses: (db: Executor, requestIds: string[]) =>
    requestIds.length
      ? db
          .selectFrom('subject_request_pauses')
          .selectAll()
          .where('request_id', 'in', requestIds)
          .orderBy('asked_on')
          .orderBy('created_at')
          .orderBy('id')
          .execute()
      : Promise.resolve([] as PauseRow[]),

  insertPause: (db: Executor, row: Insertable<DB['subject_request_pauses']>) =>
    db.insertInto('subject_request_pauses').values(row).execute(),

  /** Answers an open pause; false when it was answered first by someone else. */
  answerPause: async (db: Executor, pauseId: string, answeredOn: string) => {
    const r = await db
      .updateTable('subject_request_pauses')
      .set({ answered_on: answeredOn })
      .where('id', '=', pauseId)
      .where('answered_on', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  reminders: (db: Executor, requestIds: string[]) =>
    requestIds.length
      ? db.selectFrom('subject_request_reminders').selectAll().where('request_id', 'in', requestIds).execute()
      : Promise.resolve([] as ReminderRow[]),

  insertReminder: (db: Executor, row: Insertable<DB['subject_request_reminders']>) =>
    db.insertInto('subject_request_reminders').values(row).execute(),
};
