import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db/index.ts';
import type { Keys } from '../../platform/keys.ts';
import { passwordRepo } from './password.repo.ts';

/** Why a sign-in attempt is refused before the password is even checked. */
export interface ThrottleRefusal {
  code: 'auth.locked' | 'auth.slow_down';
  retryAfterSeconds: number;
}

/**
 * Progressive slow-down, then lockout, of failed sign-ins (issue 3, A21-2). State is kept per
 * submitted identifier (an HMAC of the normalised employee number), never per account, so that an
 * unknown employee number slows down and locks exactly like an existing one: the answers reveal
 * nothing about which accounts exist. From the 2nd failure in a row the next attempt waits 1 s,
 * then 2 s, 4 s … (capped at `slowdownMaxSeconds`; 0 turns the slow-down off); at
 * `lockoutFailures` the identifier is locked for `lockoutMinutes`.
 */
export function createSignInThrottle(deps: {
  database: Database;
  keys: Keys;
  clock: Clock;
  lockoutFailures: number;
  lockoutMinutes: number;
  slowdownMaxSeconds: number;
}) {
  const { database, keys, clock } = deps;
  const db = database.db;

  /** The stored key of an identifier: keyed, so the table does not list employee numbers. */
  const keyOf = (employeeNumber: string) =>
    keys.sign('sign-in-throttle', employeeNumber.trim().normalize('NFKC').toLowerCase());

  const secondsUntil = (iso: string, now: Date) =>
    Math.max(1, Math.ceil((Date.parse(iso) - now.getTime()) / 1000));

  /** Whether an attempt for this identifier may go ahead now; the refusal otherwise. */
  async function gate(employeeNumber: string): Promise<ThrottleRefusal | null> {
    const row = await passwordRepo.throttle(db, keyOf(employeeNumber));
    if (!row) return null;
    const now = clock.now();
    const at = now.toISOString();
    if (row.locked_until && row.locked_until > at)
      return { code: 'auth.locked', retryAfterSeconds: secondsUntil(row.locked_until, now) };
    if (row.next_attempt_at && row.next_attempt_at > at)
      return { code: 'auth.slow_down', retryAfterSeconds: secondsUntil(row.next_attempt_at, now) };
    return null;
  }

  /** Counts a failed attempt; answers whether it locked the identifier, and until when. */
  async function failed(
    employeeNumber: string,
    executor: Executor = db,
  ): Promise<{ lockedUntil: string | null }> {
    const id = keyOf(employeeNumber);
    const row = await passwordRepo.throttle(executor, id);
    const now = clock.now();
    const lockExpired = row?.locked_until != null && row.locked_until <= now.toISOString();
    const failures = (row && !lockExpired ? row.failures : 0) + 1;
    if (failures >= deps.lockoutFailures) {
      const lockedUntil = new Date(now.getTime() + deps.lockoutMinutes * 60_000).toISOString();
      await passwordRepo.putThrottle(executor, {
        id,
        failures: 0,
        last_failure_at: now.toISOString(),
        next_attempt_at: null,
        locked_until: lockedUntil,
      });
      return { lockedUntil };
    }
    const delaySeconds =
      failures >= 2 && deps.slowdownMaxSeconds > 0
        ? Math.min(2 ** (failures - 2), deps.slowdownMaxSeconds)
        : 0;
    await passwordRepo.putThrottle(executor, {
      id,
      failures,
      last_failure_at: now.toISOString(),
      next_attempt_at: delaySeconds > 0 ? new Date(now.getTime() + delaySeconds * 1000).toISOString() : null,
      locked_until: null,
    });
    return { lockedUntil: null };
  }

  /** Forgets the failures of an identifier (right password, or an administrator's unlock). */
  const clear = (employeeNumber: string, executor: Executor = db) =>
    passwordRepo.clearThrottle(executor, keyOf(employeeNumber)).then(() => undefined);

  /** The refusal state of every identifier refused now, keyed by stored key (see keyOf). */
  async function activeByKey(): Promise<
    Map<string, { lockedUntil: string | null; slowedUntil: string | null }>
  > {
    const now = clock.now().toISOString();
    const rows = await passwordRepo.activeThrottles(db, now);
    return new Map(
      rows.map((r) => [
        r.id,
        {
          lockedUntil: r.locked_until && r.locked_until > now ? r.locked_until : null,
          slowedUntil: r.next_attempt_at && r.next_attempt_at > now ? r.next_attempt_at : null,
        },
      ]),
    );
  }

  return { gate, failed, clear, keyOf, activeByKey };
}

export type SignInThrottle = ReturnType<typeof createSignInThrottle>;
