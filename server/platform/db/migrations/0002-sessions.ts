import type { Kysely, Migration } from 'kysely';

/**
 * Sessions that rotate on privilege change (A31): the digest of the roles a session was issued
 * for, and when it was replaced by a rotated session (it stays valid for a short grace so that
 * requests already in flight do not fail). Never edit once landed.
 */
export const m0002: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('sessions').addColumn('roles_digest', 'varchar(64)').execute();
    await db.schema.alterTable('sessions').addColumn('replaced_at', 'varchar(30)').execute();
    await db.schema.createIndex('sessions_person').on('sessions').column('person_id').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropIndex('sessions_person').execute();
    await db.schema.alterTable('sessions').dropColumn('replaced_at').execute();
    await db.schema.alterTable('sessions').dropColumn('roles_digest').execute();
  },
};
