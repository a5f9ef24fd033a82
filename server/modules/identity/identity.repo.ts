import type { Selectable } from 'kysely';
import type { Executor } from '../../platform/db/index.ts';
import type { SessionTable } from '../../platform/db/schema.ts';

export type SessionRow = Selectable<SessionTable>;

/** All SQL of sign-in: credentials, sessions, preferences and the setup token. */
export const identityRepo = {
  credential: (db: Executor, personId: string) =>
    db.selectFrom('credentials').selectAll().where('person_id', '=', personId).executeTakeFirst(),
  async setCredential(db: Executor, personId: string, passwordHash: string, now: string) {
    await db.deleteFrom('credentials').where('person_id', '=', personId).execute();
    await db
      .insertInto('credentials')
      .values({
        person_id: personId,
        password_hash: passwordHash,
        failed_count: 0,
        locked_until: null,
        updated_at: now,
      })
      .execute();
  },
  recordFailure: (
    db: Executor,
    personId: string,
    failedCount: number,
    lockedUntil: string | null,
    now: string,
  ) =>
    db
      .updateTable('credentials')
      .set({ failed_count: failedCount, locked_until: lockedUntil, updated_at: now })
      .where('person_id', '=', personId)
      .execute(),
  clearFailures: (db: Executor, personId: string, now: string) =>
    db
      .updateTable('credentials')
      .set({ failed_count: 0, locked_until: null, updated_at: now })
      .where('person_id', '=', personId)
      .execute(),

  insertSession: (db: Executor, row: SessionRow) => db.insertInto('sessions').values(row).execute(),
  session: (db: Executor, id: string) =>
    db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst(),
  touchSession: (db: Executor, id: string, lastSeenAt: string) =>
    db.updateTable('sessions').set({ last_seen_at: lastSeenAt }).where('id', '=', id).execute(),
  markReplaced: (db: Executor, id: string, at: string) =>
    db.updateTable('sessions').set({ replaced_at: at }).where('id', '=', id).execute(),
  /** Sessions of a person not ended, not replaced, not past their absolute end nor their idle limit. */
  activeSessions: (db: Executor, personId: string, now: string, idleLimit: string) =>
    db
      .selectFrom('sessions')
      .selectAll()
      .where('person_id', '=', personId)
      .where('ended_at', 'is', null)
      .where('replaced_at', 'is', null)
      .where('expires_at', '>', now)
      .where('last_seen_at', '>=', idleLimit)
      .orderBy('last_seen_at', 'desc')
      .execute(),
  /** Sign-in successes and failures recorded against a person (never unknown-account failures). */
  signIns: (db: Executor, personId: string, limit: number) =>
    db
      .selectFrom('ledger_entries')
      .select(['type', 'occurred_at', 'ip', 'payload'])
      .where('subject_type', '=', 'Person')
      .where('subject_id', '=', personId)
      .where('type', 'in', ['identity.signed_in', 'identity.sign_in_failed'])
      .orderBy('seq', 'desc')
      .limit(limit)
      .execute(),
  endSession: (db: Executor, id: string, at: string) =>
    db
      .updateTable('sessions')
      .set({ ended_at: at })
      .where('id', '=', id)
      .where('ended_at', 'is', null)
      .execute(),

  preferences: (db: Executor, personId: string) =>
    db.selectFrom('preferences').selectAll().where('person_id', '=', personId).executeTakeFirst(),
  async setPreferences(db: Executor, personId: string, locale: string, calendar: string, now: string) {
    await db.deleteFrom('preferences').where('person_id', '=', personId).execute();
    await db
      .insertInto('preferences')
      .values({ person_id: personId, locale, calendar, updated_at: now })
      .execute();
  },

  setting: async (db: Executor, key: string) =>
    (await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst())?.value,
  async putSetting(db: Executor, key: string, value: string, now: string) {
    await db.deleteFrom('settings').where('key', '=', key).execute();
    await db.insertInto('settings').values({ key, value, updated_at: now }).execute();
  },
  deleteSetting: (db: Executor, key: string) => db.deleteFrom('settings').where('key', '=', key).execute(),
};
