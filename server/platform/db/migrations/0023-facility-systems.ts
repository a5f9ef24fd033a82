import type { Kysely, Migration } from 'kysely';

/**
 * Facilities (issue 11): information systems (A23, A24, A28). Skeleton — the owning helper writes the tables.
 * Never edit once landed.
 */
export const m0023: Migration = {
  up(db: Kysely<unknown>) {
    void db;
    return Promise.resolve();
  },
};
