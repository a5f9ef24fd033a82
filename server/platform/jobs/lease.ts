import type { Executor } from '../db/index.ts';

/**
 * A named lease in the `leases` table: with several app servers on one database, only the holder of
 * a job's lease runs it. Written once for SQLite and PostgreSQL: an insert that does nothing on
 * conflict, then an update that succeeds only for the holder or after the lease has expired, so two
 * servers racing for it cannot both win (the update is one atomic statement on the row).
 */
export async function acquireLease(
  db: Executor,
  lease: { name: string; holder: string; now: Date; ttlMs: number },
): Promise<boolean> {
  const nowIso = lease.now.toISOString();
  const expiresAt = new Date(lease.now.getTime() + lease.ttlMs).toISOString();
  await db
    .insertInto('leases')
    .values({ name: lease.name, holder: lease.holder, expires_at: nowIso })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const result = await db
    .updateTable('leases')
    .set({ holder: lease.holder, expires_at: expiresAt })
    .where('name', '=', lease.name)
    .where((eb) => eb.or([eb('holder', '=', lease.holder), eb('expires_at', '<=', nowIso)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Gives the lease up at `until` (now to let another server take it at once); only its holder can. */
export async function releaseLease(
  db: Executor,
  lease: { name: string; holder: string; until: Date },
): Promise<void> {
  await db
    .updateTable('leases')
    .set({ expires_at: lease.until.toISOString() })
    .where('name', '=', lease.name)
    .where('holder', '=', lease.holder)
    .execute();
}

/** Who holds a lease and until when, or undefined when it was never taken. */
export async function leaseOf(db: Executor, name: string) {
  return db.selectFrom('leases').selectAll().where('name', '=', name).executeTakeFirst();
}
