import type { Selectable } from 'kysely';
import type { Executor } from '../../platform/db/index.ts';
import type { PasswordPolicyTable, SignInThrottleTable } from '../../platform/db/schema-password.ts';

export type PasswordPolicyRow = Selectable<PasswordPolicyTable>;
export type ThrottleRow = Selectable<SignInThrottleTable>;
export const POLICY_ID = 'organisation';

/** All SQL of the password policy (A21-2), password history and the sign-in throttle. */
export const passwordRepo = {
  policy: (db: Executor) =>
    db.selectFrom('password_policy').selectAll().where('id', '=', POLICY_ID).executeTakeFirst(),
  insertPolicyIfMissing: (db: Executor, row: PasswordPolicyRow) =>
    db
      .insertInto('password_policy')
      .values(row)
      .onConflict((oc) => oc.column('id').doNothing())
      .execute(),
  updatePolicy: (db: Executor, values: Partial<PasswordPolicyRow>) =>
    db.updateTable('password_policy').set(values).where('id', '=', POLICY_ID).execute(),

  /** The person's passwords, newest first. */
  history: (db: Executor, personId: string, limit: number) =>
    db
      .selectFrom('password_history')
      .selectAll()
      .where('person_id', '=', personId)
      .orderBy('seq', 'desc')
      .limit(limit)
      .execute(),
  addHistory: (
    db: Executor,
    row: {
      id: string;
      person_id: string;
      seq: number;
      password_hash: string;
      set_at: string;
      must_change: number;
      set_by: string | null;
    },
  ) => db.insertInto('password_history').values(row).execute(),
  /** The newest password row of every person that has one (for the administrators' list). */
  latestOfEveryone: (db: Executor) =>
    db
      .selectFrom('password_history as h')
      .select(['h.person_id', 'h.set_at', 'h.must_change'])
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('password_history as n')
              .select('n.id')
              .whereRef('n.person_id', '=', 'h.person_id')
              .whereRef('n.seq', '>', 'h.seq'),
          ),
        ),
      )
      .execute(),

  throttle: (db: Executor, id: string) =>
    db.selectFrom('sign_in_throttle').selectAll().where('id', '=', id).executeTakeFirst(),
  async putThrottle(db: Executor, row: ThrottleRow) {
    await db.deleteFrom('sign_in_throttle').where('id', '=', row.id).execute();
    await db.insertInto('sign_in_throttle').values(row).execute();
  },
  clearThrottle: (db: Executor, id: string) =>
    db.deleteFrom('sign_in_throttle').where('id', '=', id).execute(),
  /** Rows that refuse sign-ins at `now` (locked or slowed). */
  activeThrottles: (db: Executor, now: string) =>
    db
      .selectFrom('sign_in_throttle')
      .selectAll()
      .where((eb) => eb.or([eb('locked_until', '>', now), eb('next_attempt_at', '>', now)]))
      .execute(),
};
