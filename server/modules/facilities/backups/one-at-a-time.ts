import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/index.ts';
import type { ErrorCode } from '../../../../shared/errors.ts';
import { AppError } from '../../../platform/errors.ts';
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
  /** Takes the lease for `id`; false when another run holds it. */
  async function take(id: string): Promise<boolean> {
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
  }
  async function release(id: string): Promise<void> {
    if (current !== id) return;
    if (renew) clearInterval(renew);
    renew = null;
    current = null;
    await releaseLease(deps.database.db, { name, holder: id, until: deps.clock.now() }).catch(
      () => undefined,
    );
  }
  /** The id of the run going on now (here or elsewhere), or null. */
  async function holder(): Promise<string | null> {
    if (current) return current;
    const held = await leaseOf(deps.database.db, name);
    return held && held.expires_at > deps.clock.now().toISOString() ? held.holder : null;
  }
  /**
   * Begins run `id` (A27): `busy` (409) while another holds the lease; `record` writes its row before
   * any work (a process that stops leaves a trace); `work` then runs in the background, given what
   * `record` answered, and the lease is freed when it ends — or at once when recording fails.
   */
  async function begin<R, T>(
    id: string,
    busy: ErrorCode,
    record: () => Promise<R>,
    work: (recorded: R) => Promise<T>,
  ): Promise<{ id: string; done: Promise<T> }> {
    if (!(await take(id))) throw new AppError(busy);
    let recorded: R;
    try {
      recorded = await record();
    } catch (e) {
      await release(id);
      throw e;
    }
    return { id, done: work(recorded).finally(() => release(id)) };
  }
  return { take, release, holder, begin };
}
export type OneAtATime = ReturnType<typeof oneAtATime>;
