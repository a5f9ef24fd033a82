import type { AccountAlert, AccountDetail } from '../../../shared/api/password.ts';
import type { Authz } from '../../platform/authz/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { RequestCtx } from '../../platform/http/types.ts';
import type { Ledger } from '../../platform/ledger/index.ts';
import type { OrganisationServices } from '../organisation/index.ts';
import { identityRepo } from './identity.repo.ts';
import { publicSessionId, summariseUserAgent } from './identity.service.ts';
import { hashPassword, verifyPassword } from './password.ts';
import type { PasswordPolicyService } from './password-policy.service.ts';
import { passwordRepo } from './password.repo.ts';
import type { SignInThrottle } from './throttle.ts';

/**
 * Passwords and accounts (A21, A21-2): a person changes their own password; the システム管理者 sees
 * locked accounts and those whose password must change, a person's sign-ins and sessions, ends a
 * session, and sets a temporary password. Every change is audited; no hash enters the ledger.
 */
export function createAccountAdminService(deps: {
  database: Database;
  ledger: Ledger;
  authz: Authz;
  clock: Clock;
  organisation: OrganisationServices;
  passwords: PasswordPolicyService;
  throttle: SignInThrottle;
  sessionIdleMinutes: number;
}) {
  const { database, ledger, authz, clock, organisation, passwords, throttle } = deps;
  const db = database.db;
  const idleLimitAt = (now: Date) => new Date(now.getTime() - deps.sessionIdleMinutes * 60_000).toISOString();

  async function personOrNotFound(personId: string) {
    const person = await organisation.people.get(personId);
    if (!person) throw new AppError('organisation.person_not_found');
    return person;
  }

  /**
   * Changes the caller's own password. A wrong current password counts as a failed sign-in for
   * their employee number (slow-down and lockout apply); the new one must meet the policy. Ends
   * the caller's other sessions; audited.
   */
  async function changeOwn(ctx: RequestCtx, currentPassword: string, newPassword: string): Promise<void> {
    if (ctx.actor.kind !== 'person') throw new AppError('auth.required');
    const personId = ctx.actor.personId;
    const person = await personOrNotFound(personId);
    const refusal = await throttle.gate(person.employee_number);
    if (refusal)
      throw new AppError(refusal.code, { params: { retryAfterSeconds: refusal.retryAfterSeconds } });
    const credential = await identityRepo.credential(db, personId);
    if (!credential || !(await verifyPassword(credential.password_hash, currentPassword))) {
      await database.transaction(async (tx) => {
        await throttle.failed(person.employee_number, tx);
        await ledger.audit(tx, ctx, {
          type: 'identity.sign_in_failed',
          subjectType: 'Person',
          subjectId: personId,
          data: { reason: 'password_change' },
        });
      });
      throw new AppError('password.current_wrong');
    }
    await passwords.assertAcceptable(newPassword, await passwords.contextOf(personId));
    const hash = await hashPassword(newPassword);
    const now = clock.now();
    const others = (
      await identityRepo.activeSessions(db, personId, now.toISOString(), idleLimitAt(now))
    ).filter((s) => s.id !== ctx.sessionId);
    await database.transaction(async (tx) => {
      await passwords.store(tx, personId, hash, { mustChange: false, by: personId });
      await throttle.clear(person.employee_number, tx);
      for (const s of others) await identityRepo.endSession(tx, s.id, now.toISOString());
      await ledger.audit(tx, ctx, {
        type: 'password.changed',
        subjectType: 'Person',
        subjectId: personId,
        data: { otherSessionsEnded: others.length },
      });
    });
  }

  /** Accounts locked or slowed now, and people whose password must change. システム管理者 only. */
  async function alerts(ctx: RequestCtx): Promise<AccountAlert[]> {
    await authz.assertCan(ctx, 'read', 'Account');
    const [throttled, latest, policy] = await Promise.all([
      throttle.activeByKey(),
      passwordRepo.latestOfEveryone(db),
      passwords.current(),
    ]);
    const mustChange = new Set(
      latest.filter((l) => passwords.isChangeRequired(l, policy)).map((l) => l.person_id),
    );
    const people = await db
      .selectFrom('people')
      .innerJoin('credentials', 'credentials.person_id', 'people.id')
      .select(['people.id', 'people.employee_number', 'people.family_name', 'people.given_name'])
      .orderBy('people.employee_number')
      .execute();
    const out: AccountAlert[] = [];
    for (const p of people) {
      const t = throttled.get(throttle.keyOf(p.employee_number));
      const changeRequired = mustChange.has(p.id);
      if (!t && !changeRequired) continue;
      out.push({
        personId: p.id,
        employeeNumber: p.employee_number,
        name: `${p.family_name} ${p.given_name}`,
        locked: t !== undefined,
        lockedUntil: t ? (t.lockedUntil ?? t.slowedUntil) : null,
        passwordChangeRequired: changeRequired,
      });
    }
    return out;
  }

  /** One person's account: lock, password state, recent sign-ins and active sessions. */
  async function detail(ctx: RequestCtx, personId: string): Promise<AccountDetail> {
    await authz.assertCan(ctx, 'read', 'Account');
    const person = await personOrNotFound(personId);
    const now = clock.now();
    const [credential, state, history, signIns, sessions] = await Promise.all([
      identityRepo.credential(db, personId),
      throttle.activeByKey(),
      passwordRepo.history(db, personId, 1),
      identityRepo.signIns(db, personId, 20),
      identityRepo.activeSessions(db, personId, now.toISOString(), idleLimitAt(now)),
    ]);
    const t = state.get(throttle.keyOf(person.employee_number));
    const policy = await passwords.current();
    return {
      locked: t !== undefined,
      lockedUntil: t ? (t.lockedUntil ?? t.slowedUntil) : null,
      hasPassword: credential !== undefined,
      passwordChangeRequired: history[0] ? passwords.isChangeRequired(history[0], policy) : false,
      passwordSetAt: history[0]?.set_at ?? null,
      signIns: signIns.map((r) => {
        const data = JSON.parse(r.payload) as { locked?: boolean; reason?: string };
        return {
          at: r.occurred_at,
          ip: r.ip,
          result:
            r.type === 'identity.signed_in'
              ? ('success' as const)
              : data.locked || data.reason === 'locked'
                ? ('locked' as const)
                : ('failure' as const),
        };
      }),
      sessions: sessions.map((s) => ({
        id: publicSessionId(s.id),
        createdAt: s.created_at,
        lastSeenAt: s.last_seen_at,
        ip: s.ip,
        userAgent: summariseUserAgent(s.user_agent),
      })),
    };
  }

  /** Ends one of another person's sessions (e.g. a lost device); audited. Unknown ids are 404. */
  async function endSession(ctx: RequestCtx, personId: string, publicId: string): Promise<void> {
    await authz.assertCan(ctx, 'endSession', 'Account');
    await personOrNotFound(personId);
    const now = clock.now();
    const rows = await identityRepo.activeSessions(db, personId, now.toISOString(), idleLimitAt(now));
    const row = rows.find((r) => publicSessionId(r.id) === publicId);
    if (!row) throw new AppError('request.not_found');
    await database.transaction(async (tx) => {
      await identityRepo.endSession(tx, row.id, now.toISOString());
      await ledger.audit(tx, ctx, {
        type: 'identity.session_ended',
        subjectType: 'Person',
        subjectId: personId,
        data: { byAdministrator: true },
      });
    });
  }

  /**
   * Sets a temporary password (the policy applies) that the person must change at their next
   * sign-in; their sessions end. システム管理者 only; audited without the password.
   */
  async function resetPassword(ctx: RequestCtx, personId: string, temporaryPassword: string): Promise<void> {
    await authz.assertCan(ctx, 'resetPassword', 'Account');
    await personOrNotFound(personId);
    await passwords.assertAcceptable(temporaryPassword, await passwords.contextOf(personId));
    const hash = await hashPassword(temporaryPassword);
    const now = clock.now();
    const sessions = await identityRepo.activeSessions(db, personId, now.toISOString(), idleLimitAt(now));
    await database.transaction(async (tx) => {
      await passwords.store(tx, personId, hash, {
        mustChange: true,
        by: ctx.actor.kind === 'person' ? ctx.actor.personId : null,
      });
      for (const s of sessions) await identityRepo.endSession(tx, s.id, now.toISOString());
      await ledger.audit(tx, ctx, {
        type: 'password.reset',
        subjectType: 'Person',
        subjectId: personId,
        data: { mustChange: true, sessionsEnded: sessions.length },
      });
    });
  }

  return { changeOwn, alerts, detail, endSession, resetPassword };
}

export type AccountAdminService = ReturnType<typeof createAccountAdminService>;
