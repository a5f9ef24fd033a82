import type { Kysely, Migration } from 'kysely';

/**
 * Facilities (issue 11): backups and restore tests (A27). Skeleton — the owning helper writes the tables.
 * Never edit once landed.
 */
export const m0025: Migration = {
  up(db: Kysely<unknown>) {
    void db;
    return Promise.resolve();
  },
};
