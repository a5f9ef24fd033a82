import type { Kysely, Migration } from 'kysely';

/**
 * Individuals' requests (issue 12) — the decision part. STUB: the decision helper replaces this body with its
 * tables (names start with subject_request_ or, for the vault's own, vault_). Never edit once landed.
 */
export const m0028: Migration = {
  async up(_db: Kysely<unknown>) {},
  async down(_db: Kysely<unknown>) {},
};
