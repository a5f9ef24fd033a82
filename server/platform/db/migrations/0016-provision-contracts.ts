import type { Kysely, Migration } from 'kysely';

/** Third parties (issue 9; A17–A19): contracts. Never edit once landed. */
export const m0016: Migration = {
  up(db: Kysely<unknown>) {
    void db;
    return Promise.resolve();
  },
};
