import type { Kysely, Migration } from 'kysely';

/**
 * Individuals' requests (issue 12) — the search part. STUB: the search helper replaces this body with its
 * tables (names start with subject_request_ or, for the vault's own, vault_). Never edit once landed.
 */
export const m0027: Migration = {
  async up(_db: Kysely<unknown>) {},
  async down(_db: Kysely<unknown>) {},
};
