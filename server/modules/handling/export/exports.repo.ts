import type { Insertable, Selectable, Updateable } from 'kysely';
import type { DB, Executor } from '../../../platform/db/index.ts';

export type ExportRow = Selectable<DB['handling_exports']>;

/** Queries of copies (issue 7, A24の2); every method takes the database or a transaction. */
export const exportsRepo = {
  insert: (db: Executor, row: Insertable<DB['handling_exports']>) =>
    db.insertInto('handling_exports').values(row).execute(),

  get: (db: Executor, id: string) =>
    db.selectFrom('handling_exports').selectAll().where('id', '=', id).executeTakeFirst(),

  update: (db: Executor, id: string, patch: Updateable<DB['handling_exports']>) =>
    db.updateTable('handling_exports').set(patch).where('id', '=', id).execute(),

  /** Marks a copy deleted if it was not already (false when another run got there first). */
  async markDeleted(db: Executor, id: string, at: string, why: string): Promise<boolean> {
    const r = await db
      .updateTable('handling_exports')
      .set({ deleted_at: at, deleted_why: why, stored_name: null })
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  ofPerson: (db: Executor, personId: string, limit = 200) =>
    db
      .selectFrom('handling_exports')
      .selectAll()
      .where('person_id', '=', personId)
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute(),

  /** Copies still on the server, or downloaded and not yet confirmed deleted (A24の2). */
  outstanding: (db: Executor, limit = 1000) =>
    db
      .selectFrom('handling_exports')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb('deleted_at', 'is', null),
          eb.and([eb('downloaded_at', 'is not', null), eb('local_deleted_at', 'is', null)]),
        ]),
      )
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute(),

  /** Copies past their expiry still on the server. */
  due: (db: Executor, now: string) =>
    db
      .selectFrom('handling_exports')
      .selectAll()
      .where('deleted_at', 'is', null)
      .where('expires_at', '<=', now)
      .execute(),

  /** Downloaded copies whose local deletion is not confirmed and whose copy on the server is gone. */
  unconfirmed: (db: Executor) =>
    db
      .selectFrom('handling_exports')
      .selectAll()
      .where('downloaded_at', 'is not', null)
      .where('local_deleted_at', 'is', null)
      .where('deleted_at', 'is not', null)
      .execute(),

  storedNames: async (db: Executor): Promise<Set<string>> =>
    new Set(
      (
        await db
          .selectFrom('handling_exports')
          .select('stored_name')
          .where('stored_name', 'is not', null)
          .execute()
      ).map((r) => r.stored_name!),
    ),
};
