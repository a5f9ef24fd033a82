import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/index.ts';
import { acquireLease, leaseOf, releaseLease } from '../../../platform/jobs/index.ts';

/**
 * The lease is short and renewed while the run lasts: a process that stops (or a database restored
 * from a backup, which holds the lease of the run that made it) frees it within minutes.
 */
const LEASE_MS = 5 * 60_000;
const RENEW_MS = 30_000;

/**
 * One backup at a time (and one restore test at a time), across this server, other servers and
 * the command line on the same database: a named lease in `leases` whose holder is the run's id,
 * plus a flag in this process (two requests in the same moment never both pass).
 */
export function oneAtATime(deps: { database: Database; clock: Clock }, name: string) {
  let current: string | null = null;
  let renew: ReturnType<typeof setInterval> | null = null;
  const lease = (id: string) =>
    acquireLease(deps.database.db, { name, holder: id, now: deps.clock.now(), ttlMs: LEASE_MS });
  return {
    /** Takes the lease for `id`; false when another run holds it. */
    async take(id: string): Promise<boolean> {
      if (current) return false;
      current = id;
      let ok = false;
      try {
        ok = await lease(id);
      } finally {
        if (!ok) current = null;
      }
      if (ok) {
        renew = setInterval(() => void lease(id).catch(() => undefined), RENEW_MS);
        renew.unref();
      }
      return ok;
    },
    async release(id: string): Promise<void> {
      if (current !== id) return;
      if (renew) clearInterval(renew);
      renew = null;
      current = null;
      await releaseLease(deps.database.db, { name, holder: id, until: deps.clock.now() }).catch(
        () => undefined,
      );
    },
    /** The id of the run going on now (here or elsewhere), or null. */
    async holder(): Promise<string | null> {
      if (current) return current;
      const held = await leaseOf(deps.database.db, name);
      return held && held.expires_at > deps.clock.now().toISOString() ? held.holder : null;
    },
  };
}
export type OneAtATime = ReturnType<typeof oneAtATime>;
