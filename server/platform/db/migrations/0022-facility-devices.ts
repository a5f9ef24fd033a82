import type { Kysely, Migration } from 'kysely';

/**
 * Facilities (issue 11): devices and media (A14, A30). Skeleton — the owning helper writes the tables.
 * Never edit once landed.
 */
export const m0022: Migration = {
  up(db: Kysely<unknown>) {
    void db;
    return Promise.resolve();
  },
};
