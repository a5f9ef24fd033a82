import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../../platform/db/index.ts';
import type { SsoPendingTable, SsoProviderTable } from '../../platform/db/schema-sso.ts';

export type SsoProviderRow = Selectable<SsoProviderTable>;
export type SsoPendingRow = Selectable<SsoPendingTable>;

/** All SQL of single sign-on: providers, pending sign-ins, and finding the person an IdP names. */
export const ssoRepo = {
  list: (db: Executor) =>
    db
      .selectFrom('sso_providers')
      .innerJoin('units', 'units.id', 'sso_providers.unit_id')
      .selectAll('sso_providers')
      .select(['units.name as unit_name'])
      .orderBy('units.sort_order')
      .orderBy('units.code')
      .orderBy('sso_providers.display_name')
      .execute(),
  get: (db: Executor, id: string) =>
    db
      .selectFrom('sso_providers')
      .innerJoin('units', 'units.id', 'sso_providers.unit_id')
      .selectAll('sso_providers')
      .select(['units.name as unit_name'])
      .where('sso_providers.id', '=', id)
      .executeTakeFirst(),
  unitExists: async (db: Executor, unitId: string) =>
    (await db.selectFrom('units').select('id').where('id', '=', unitId).executeTakeFirst()) !== undefined,
  insert: (db: Executor, row: Insertable<SsoProviderTable>) =>
    db.insertInto('sso_providers').values(row).execute(),
  update: (db: Executor, id: string, patch: Updateable<SsoProviderTable>) =>
    db.updateTable('sso_providers').set(patch).where('id', '=', id).execute(),

  insertPending: (db: Executor, row: SsoPendingRow) => db.insertInto('sso_pending').values(row).execute(),
  /**
   * Marks a pending sign-in used, once: answers the row only to the first caller (no replay), and
   * only while it has not expired.
   */
  async consumePending(db: Executor, id: string, providerId: string, now: string) {
    const result = await db
      .updateTable('sso_pending')
      .set({ used_at: now })
      .where('id', '=', id)
      .where('provider_id', '=', providerId)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return undefined;
    return db.selectFrom('sso_pending').selectAll().where('id', '=', id).executeTakeFirst();
  },
  /** Why a pending sign-in cannot be used: unknown, already used, or expired (for the audit reason). */
  pendingState: (db: Executor, id: string) =>
    db.selectFrom('sso_pending').select(['used_at', 'expires_at']).where('id', '=', id).executeTakeFirst(),
  deleteExpiredPending: (db: Executor, before: string) =>
    db.deleteFrom('sso_pending').where('expires_at', '<', before).execute(),

  /**
   * People of a unit whose mail (case-insensitive) or eduPersonPrincipalName is `value`. A narrow
   * read of the organisation's people table: the sso module owns the eppn column (migration 0005).
   */
  peopleMatching: (db: Executor, unitId: string, by: 'email' | 'eppn', value: string) =>
    db
      .selectFrom('people')
      .select(['id', 'unit_id', 'active'])
      .where((eb) => eb(eb.fn('lower', [by]), '=', value.toLowerCase()))
      .where('unit_id', '=', unitId)
      .execute(),
  /** Whether someone of another unit carries that value (only to tell the audit reason apart). */
  existsElsewhere: async (db: Executor, unitId: string, by: 'email' | 'eppn', value: string) =>
    (await db
      .selectFrom('people')
      .select('id')
      .where((eb) => eb(eb.fn('lower', [by]), '=', value.toLowerCase()))
      .where('unit_id', '<>', unitId)
      .limit(1)
      .executeTakeFirst()) !== undefined,
};
