import type { Kysely, Migration } from 'kysely';

/**
 * Facilities (issue 11): server rooms and storage facilities (A32, A33). Skeleton — the owning helper writes the tables.
 * Never edit once landed.
 */
export const m0024: Migration = {
  up(db: Kysely<unknown>) {
    void db;
    return Promise.resolve();
  },
};
