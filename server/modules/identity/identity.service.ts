import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { ROLES } from '../../../shared/roles.ts';
import type { AccountView, SessionSummary, SessionView, SignInRecord } from '../../../shared/api/identity.ts';
import type { Authz } from '../../platform/authz/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Ctx } from '../../platform/context.ts';
import type { Database, Executor } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { Ledger } from '../../platform/ledger/index.ts';
import type { Locale } from '../../platform/http/problem.ts';
import type { RequestCtx } from '../../platform/http/types.ts';
import type { OrganisationServices } from '../organisation/index.ts';
import { identityRepo } from './identity.repo.ts';
import { hashPassword, verifyPassword } from './password.ts';
import type { PasswordPolicyService } from './password-policy.service.ts';
import type { SignInThrottle } from './throttle.ts';

const SETUP_TOKEN_KEY = 'setup_token_sha256';
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
/** A rotated session's old id keeps working this long, so that requests already in flight succeed. */
const ROTATION_GRACE_MS = 10_000;
/** last_seen_at is written at most this often (the browser's idle clock may run this much ahead). */
const TOUCH_EVERY_MS = 15_000;
/** The id of a session shown to its owner: a hash of the stored hash, useless as a cookie or a key. */
export const publicSessionId = (storedId: string) => sha256(`mamori.session.public:${storedId}`).slice(0, 32);
const rolesDigest = (roles: { role: string; unitId: string | null; sectionId: string | null }[]) =>
  sha256(JSON.stringify(roles.map((r) => `${r.role}|${r.unitId ?? ''}|${r.sectionId ?? ''}`).sort()));

/** A short description of a user agent for the sessions list: browser and system, not the whole string. */
export function summariseUserAgent(ua: string | null): string | null {
  if (!ua) return null;
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Firefox\//.test(ua)
      ? 'Firefox'
      : /Chrome\//.test(ua)
        ? 'Chrome'
        : /Safari\//.test(ua)
          ? 'Safari'
          : null;
  const system = /Windows/.test(ua)
    ? 'Windows'
    : /iPhone|iPad/.test(ua)
      ? 'iOS'
      : /Mac OS X/.test(ua)
        ? 'macOS'
        : /Android/.test(ua)
          ? 'Android'
          : /Linux/.test(ua)
            ? 'Linux'
            : null;
  if (!browser && !system) return ua.slice(0, 60);
  return [browser, system].filter(Boolean).join(' / ');
}
// Verified against when the employee number is unknown, so both paths take the same time.
const DUMMY_HASH = hashPassword(randomBytes(16).toString('hex'));

/** How a person proved who they are (recorded with identity.signed_in). */
export type SignInMethod = 'password' | 'oidc' | 'saml';

/** What a sign-in answers: a session, or a second factor still to give (A21). */
export type SignInResult =
  | { kind: 'session'; token: string; ctx: RequestCtx }
  | {
      kind: 'challenge';
      /** Goes into the HttpOnly challenge cookie; only its hash is stored. */
      challengeToken: string;
      /** The factors the person may use now; empty with enrolmentRequired when none is enrolled yet. */
      methods: ('totp' | 'webauthn' | 'recovery')[];
      enrolmentRequired: boolean;
    };

/** Decides at sign-in whether a second factor is due (A21); answers the challenge, or null. */
export type SecondFactorGate = (
  personId: string,
  meta: RequestMeta,
  method: SignInMethod,
) => Promise<SignInResult | null>;

export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  /** The approved terminal of the request (A29), resolved from its device credential; else null. */
  terminal?: string | null;
}

/**
 * Sign-in with argon2id passwords and server-side sessions (A21, A31: sessions end after idle time).
 * The identity issue adds MFA, SSO and terminals behind the same surface.
 */
export function createIdentityService(deps: {
  database: Database;
  ledger: Ledger;
  authz: Authz;
  clock: Clock;
  organisation: OrganisationServices;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  lockoutFailures: number;
  lockoutMinutes: number;
  /** A21-2: the password policy (history, forced change) and the sign-in throttle (password.ts area). */
  passwords: PasswordPolicyService;
  throttle: SignInThrottle;
}) {
  const { database, ledger, clock, organisation } = deps;
  const db = database.db;

  /** Builds the context of a person from their current appointments (permissions never come from a flag: A3). */
  async function ctxFor(
    personId: string,
    meta: RequestMeta,
    sessionId: string | null,
  ): Promise<RequestCtx | null> {
    const person = await organisation.people.get(personId);
    if (!person || person.active !== 1) return null;
    const prefs = await identityRepo.preferences(db, personId);
    return {
      actor: {
        kind: 'person',
        personId,
        label: person.employee_number,
        roles: await organisation.appointments.currentRolesOf(personId),
        grants: await deps.authz.grantsOf(personId),
        unitId: person.unit_id,
        sectionId: person.section_id,
      },
      requestId: meta.requestId,
      ip: meta.ip,
      terminal: meta.terminal ?? null,
      locale: (prefs?.locale as Locale | undefined) ?? null,
      sessionId,
    };
  }

  /**
   * A new session: always a fresh random token, never one the browser brought (no fixation).
   * Inside a transaction pass the roles digest (read before it: SQLite has one connection).
   */
  async function startSession(
    personId: string,
    meta: RequestMeta,
    executor: Executor = db,
    digest?: string,
  ): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const now = clock.now();
    await identityRepo.insertSession(executor, {
      id: sha256(token),
      person_id: personId,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + deps.sessionMaxHours * 3600_000).toISOString(),
      ip: meta.ip,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
      ended_at: null,
      roles_digest: digest ?? rolesDigest(await organisation.appointments.currentRolesOf(personId)),
      replaced_at: null,
    });
    return token;
  }

  /** Signs in with employee number and password; returns the new session token. Locks after repeated failures. */
  async function login(meta: RequestMeta, employeeNumber: string, password: string): Promise<SignInResult> {
    const person = await organisation.people.byEmployeeNumber(employeeNumber.trim());
    const credential = person ? await identityRepo.credential(db, person.id) : undefined;
    const now = clock.now();
    const anonymous: Ctx = {
      actor: { kind: 'system', label: 'anonymous' },
      requestId: meta.requestId,
      ip: meta.ip,
      terminal: null,
    };
    // A21-2 (throttle.ts): slow-down and lockout are kept per submitted identifier, so an unknown
    // employee number is refused exactly like an existing one (no account enumeration).
    const known = person && credential && person.active === 1 ? { person, credential } : null;
    const refusal = await deps.throttle.gate(employeeNumber);
    if (refusal) {
      await ledger.audit(db, anonymous, {
        type: 'identity.sign_in_failed',
        subjectType: 'Person',
        subjectId: known?.person.id ?? null,
        data: { reason: refusal.code === 'auth.locked' ? 'locked' : 'throttled' },
      });
      throw new AppError(refusal.code, { params: { retryAfterSeconds: refusal.retryAfterSeconds } });
    }
    if (!known || !(await verifyPassword(known.credential.password_hash, password))) {
      if (!known) await verifyPassword(await DUMMY_HASH, password);
      const lockedUntil = await database.transaction(async (tx) => {
        const result = await deps.throttle.failed(employeeNumber, tx);
        if (known)
          await identityRepo.recordFailure(
            tx,
            known.person.id,
            result.lockedUntil ? 0 : known.credential.failed_count + 1,
            result.lockedUntil,
            now.toISOString(),
          );
        await ledger.audit(tx, anonymous, {
          type: 'identity.sign_in_failed',
          subjectType: 'Person',
          subjectId: known?.person.id ?? null,
          data: known ? { locked: result.lockedUntil !== null } : { reason: 'unknown' },
        });
        return result.lockedUntil;
      });
      if (lockedUntil)
        throw new AppError('auth.locked', {
          params: { retryAfterSeconds: Math.round((Date.parse(lockedUntil) - now.getTime()) / 1000) },
        });
      throw new AppError('auth.invalid_credentials');
    }
    // A lock set on the account itself (too many wrong second-factor codes, mfa.service.ts) holds
    // even with the right password; only someone who knows the password learns of it.
    const accountLock = known.credential.locked_until;
    if (accountLock && accountLock > now.toISOString()) {
      await ledger.audit(db, anonymous, {
        type: 'identity.sign_in_failed',
        subjectType: 'Person',
        subjectId: known.person.id,
        data: { reason: 'locked' },
      });
      throw new AppError('auth.locked', {
        params: { retryAfterSeconds: Math.round((Date.parse(accountLock) - now.getTime()) / 1000) },
      });
    }
    await deps.throttle.clear(employeeNumber);
    return beginSignIn(known.person.id, meta, 'password');
  }

  /**
   * The seam every way of signing in goes through once the person is identified (password, OIDC,
   * SAML): it either opens the session or asks for a second factor first (A21). The second-factor
   * step answers `challenge`; the route then sets the challenge cookie (sign-in-cookies.ts) and the
   * browser continues at /login/second-factor.
   */
  async function beginSignIn(
    personId: string,
    meta: RequestMeta,
    method: SignInMethod,
  ): Promise<SignInResult> {
    const challenge = secondFactorGate ? await secondFactorGate(personId, meta, method) : null;
    if (challenge) return challenge;
    const { token, ctx } = await openSession(personId, meta, method);
    return { kind: 'session', token, ctx };
  }
  /** The second-factor step (mfa/mfa.service.ts): null opens the session at once. */
  let secondFactorGate: SecondFactorGate | null = null;

  /** Opens a session for an identified (and, where required, second-factor checked) person; audited. */
  async function openSession(
    personId: string,
    meta: RequestMeta,
    method: SignInMethod,
    secondFactor?: 'totp' | 'webauthn' | 'recovery',
  ): Promise<{ token: string; ctx: RequestCtx }> {
    const person = await organisation.people.get(personId);
    if (!person || person.active !== 1) throw new AppError('auth.invalid_credentials');
    const now = clock.now();
    const digest = rolesDigest(await organisation.appointments.currentRolesOf(person.id));
    const token = await database.transaction(async (tx) => {
      await identityRepo.clearFailures(tx, person.id, now.toISOString());
      const t = await startSession(person.id, meta, tx, digest);
      await ledger.audit(
        tx,
        {
          actor: { kind: 'system', label: person.employee_number },
          requestId: meta.requestId,
          ip: meta.ip,
          terminal: null,
        },
        {
          type: 'identity.signed_in',
          subjectType: 'Person',
          subjectId: person.id,
          data: secondFactor ? { method, secondFactor } : { method },
        },
      );
      return t;
    });
    const ctx = await ctxFor(person.id, meta, sha256(token));
    return { token, ctx: ctx! };
  }

  const idleLimitAt = (now: Date) => new Date(now.getTime() - deps.sessionIdleMinutes * 60_000).toISOString();

  /**
   * The context of a valid session token, sliding its idle timeout; null when expired or ended (A31).
   * When the person's roles changed since the session was issued, the session is rotated: a new
   * token (returned) replaces it, with the same sign-in time and absolute end; the old token keeps
   * working for ROTATION_GRACE_MS only. Each of the person's sessions rotates at its own next request.
   */
  async function resolveSession(
    token: string,
    meta: RequestMeta,
  ): Promise<{ ctx: RequestCtx; token: string } | null> {
    const id = sha256(token);
    const session = await identityRepo.session(db, id);
    if (!session || session.ended_at) return null;
    const now = clock.now();
    if (
      session.expires_at <= now.toISOString() ||
      session.last_seen_at < idleLimitAt(now) ||
      (session.replaced_at && Date.parse(session.replaced_at) + ROTATION_GRACE_MS <= now.getTime())
    ) {
      await identityRepo.endSession(db, id, now.toISOString());
      return null;
    }
    const ctx = await ctxFor(session.person_id, meta, id);
    if (!ctx || ctx.actor.kind !== 'person') return null;
    const digest = rolesDigest(ctx.actor.roles);
    if (!session.replaced_at && session.roles_digest !== null && session.roles_digest !== digest) {
      const next = randomBytes(32).toString('base64url');
      const nextId = sha256(next);
      await database.transaction(async (tx) => {
        await identityRepo.insertSession(tx, {
          ...session,
          id: nextId,
          last_seen_at: now.toISOString(),
          ip: meta.ip,
          user_agent: meta.userAgent?.slice(0, 300) ?? null,
          roles_digest: digest,
          replaced_at: null,
        });
        await identityRepo.markReplaced(tx, id, now.toISOString());
        await ledger.audit(tx, ctx, {
          type: 'identity.session_rotated',
          subjectType: 'Person',
          subjectId: session.person_id,
          data: { reason: 'roles_changed' },
        });
      });
      return { ctx: { ...ctx, sessionId: nextId }, token: next };
    }
    // Touch at most every few seconds: fewer writes, same idle behaviour.
    if (now.getTime() - Date.parse(session.last_seen_at) > TOUCH_EVERY_MS)
      await identityRepo.touchSession(db, id, now.toISOString());
    return { ctx, token };
  }

  /** Keeps the session alive (the browser's 「ログインを続ける」): records the use now. */
  async function keepAlive(ctx: RequestCtx): Promise<void> {
    if (ctx.sessionId) await identityRepo.touchSession(db, ctx.sessionId, clock.now().toISOString());
  }

  /** The caller's active sessions (A31: each person sees and can end them). */
  async function listSessions(ctx: RequestCtx): Promise<SessionSummary[]> {
    if (ctx.actor.kind !== 'person') throw new AppError('auth.required');
    const now = clock.now();
    const rows = await identityRepo.activeSessions(
      db,
      ctx.actor.personId,
      now.toISOString(),
      idleLimitAt(now),
    );
    return rows.map((r) => ({
      id: publicSessionId(r.id),
      createdAt: r.created_at,
      lastSeenAt: r.last_seen_at,
      ip: r.ip,
      userAgent: summariseUserAgent(r.user_agent),
      current: r.id === ctx.sessionId,
    }));
  }

  /** Ends one of the caller's own sessions; any other id (someone else's, ended, unknown) is 404. */
  async function endOwnSession(ctx: RequestCtx, publicId: string): Promise<void> {
    if (ctx.actor.kind !== 'person') throw new AppError('auth.required');
    const now = clock.now();
    const rows = await identityRepo.activeSessions(
      db,
      ctx.actor.personId,
      now.toISOString(),
      idleLimitAt(now),
    );
    const row = rows.find((r) => publicSessionId(r.id) === publicId);
    if (!row) throw new AppError('request.not_found');
    await database.transaction(async (tx) => {
      await identityRepo.endSession(tx, row.id, now.toISOString());
      await ledger.audit(tx, ctx, {
        type: 'identity.session_ended',
        subjectType: 'Person',
        subjectId: row.person_id,
        data: { current: row.id === ctx.sessionId },
      });
    });
  }

  /** The caller's recent sign-in attempts, from the ledger: only their own account's. */
  async function recentSignIns(ctx: RequestCtx, limit = 20): Promise<SignInRecord[]> {
    if (ctx.actor.kind !== 'person') throw new AppError('auth.required');
    const rows = await identityRepo.signIns(db, ctx.actor.personId, limit);
    return rows.map((r) => {
      const data = JSON.parse(r.payload) as { locked?: boolean; reason?: string };
      return {
        at: r.occurred_at,
        ip: r.ip,
        result:
          r.type === 'identity.signed_in'
            ? 'success'
            : data.locked || data.reason === 'locked'
              ? 'locked'
              : 'failure',
      };
    });
  }

  async function personOrNotFound(personId: string) {
    const person = await organisation.people.get(personId);
    if (!person) throw new AppError('organisation.person_not_found');
    return person;
  }

  /** An administrator's view of a person's account: locked or not (A21). */
  async function account(ctx: RequestCtx, personId: string): Promise<AccountView> {
    await deps.authz.assertCan(ctx, 'read', 'Account');
    await personOrNotFound(personId);
    const credential = await identityRepo.credential(db, personId);
    const now = clock.now().toISOString();
    const lockedUntil =
      credential?.locked_until && credential.locked_until > now ? credential.locked_until : null;
    return { locked: lockedUntil !== null, lockedUntil, hasPassword: credential !== undefined };
  }

  /** Administrators unlock an account locked after failed sign-ins; audited. */
  async function unlock(ctx: RequestCtx, personId: string): Promise<void> {
    await deps.authz.assertCan(ctx, 'unlock', 'Account');
    const person = await personOrNotFound(personId);
    const now = clock.now().toISOString();
    await database.transaction(async (tx) => {
      const before = await identityRepo.credential(tx, personId);
      await identityRepo.clearFailures(tx, personId, now);
      await deps.throttle.clear(person.employee_number, tx);
      await ledger.audit(tx, ctx, {
        type: 'identity.account_unlocked',
        subjectType: 'Person',
        subjectId: personId,
        before: before ? { lockedUntil: before.locked_until, failedCount: before.failed_count } : null,
      });
    });
  }

  async function logout(ctx: RequestCtx): Promise<void> {
    if (!ctx.sessionId) return;
    await database.transaction(async (tx) => {
      await identityRepo.endSession(tx, ctx.sessionId!, clock.now().toISOString());
      await ledger.audit(tx, ctx, {
        type: 'identity.signed_out',
        subjectType: 'Person',
        subjectId: ctx.actor.kind === 'person' ? ctx.actor.personId : null,
      });
    });
  }

  /** What the web app needs to know about the signed-in person: roles, permissions, preferences. */
  async function sessionView(ctx: RequestCtx, csrfToken: string): Promise<SessionView> {
    if (ctx.actor.kind !== 'person') throw new AppError('auth.required');
    const person = (await organisation.people.get(ctx.actor.personId))!;
    const session = ctx.sessionId ? await identityRepo.session(db, ctx.sessionId) : undefined;
    const expiresAt =
      session?.expires_at ?? new Date(clock.now().getTime() + deps.sessionMaxHours * 3600_000).toISOString();
    const prefs = await identityRepo.preferences(db, person.id);
    const can = (action: string, subject: string) => deps.authz.can(ctx, action, subject);
    return {
      person: {
        id: person.id,
        employeeNumber: person.employee_number,
        name: `${person.family_name} ${person.given_name}`,
        unitId: person.unit_id,
        sectionId: person.section_id,
      },
      roles: ctx.actor.roles,
      permissions: {
        viewGaps: can('read', 'Gaps'),
        manageSections: can('create', 'Section'),
        managePeople: can('create', 'Person'),
        importStaff: can('import', 'Person'),
        manageAccounts: can('read', 'Account'),
        managePasswordPolicy: can('update', 'PasswordPolicy'),
        approveTerminals: can('approve', 'TerminalArea'),
        appointRoles: ROLES.filter((r) =>
          deps.authz
            .ability(ctx)
            .rulesFor('appoint', 'Appointment')
            .some((rule) => (rule.conditions as { role?: string } | undefined)?.role === r),
        ),
      },
      abilityRules: deps.authz.ability(ctx).rules.map((r) => ({
        action: r.action,
        subject: Array.isArray(r.subject) ? r.subject.map(String) : String(r.subject),
        ...(r.conditions ? { conditions: r.conditions } : {}),
        ...(r.inverted ? { inverted: true } : {}),
      })),
      preferences: {
        locale: (prefs?.locale ?? 'ja') as 'ja' | 'en',
        calendar: (prefs?.calendar ?? 'japanese') as 'japanese' | 'gregorian',
      },
      csrfToken,
      idleTimeoutSeconds: deps.sessionIdleMinutes * 60,
      passwordChangeRequired: await deps.passwords.changeRequired(person.id),
      expiresAt,
    };
  }

  async function setPreferences(
    ctx: RequestCtx,
    p: { locale: 'ja' | 'en'; calendar: 'japanese' | 'gregorian' },
  ): Promise<void> {
    if (ctx.actor.kind !== 'person') throw new AppError('auth.required');
    await identityRepo.setPreferences(
      db,
      ctx.actor.personId,
      p.locale,
      p.calendar,
      clock.now().toISOString(),
    );
  }

  /**
   * Sets a person's password without the policy check (demo loader, test fixtures; setup checks the
   * policy first). People-facing paths go through account-admin.service.ts, which applies the policy.
   */
  async function setPassword(personId: string, _employeeNumber: string, password: string): Promise<void> {
    const hash = await hashPassword(password);
    await database.transaction((tx) =>
      deps.passwords.store(tx, personId, hash, { mustChange: false, by: null }),
    );
  }

  return {
    login,
    beginSignIn,
    /** Installs the second-factor step (wired once in server/app.ts). */
    useSecondFactor(gate: SecondFactorGate) {
      secondFactorGate = gate;
    },
    openSession,
    resolveSession,
    keepAlive,
    listSessions,
    endOwnSession,
    recentSignIns,
    account,
    unlock,
    logout,
    sessionView,
    setPreferences,
    setPassword,
    startSession,
    ctxFor,
    /** One-time setup token (MAMORI_DEMO=0): only its hash is stored. */
    async issueSetupToken(): Promise<string> {
      const token = randomBytes(18).toString('base64url');
      await identityRepo.putSetting(db, SETUP_TOKEN_KEY, sha256(token), clock.now().toISOString());
      return token;
    },
    async checkSetupToken(token: string): Promise<boolean> {
      const stored = await identityRepo.setting(db, SETUP_TOKEN_KEY);
      if (!stored) return false;
      const a = Buffer.from(stored, 'hex');
      const b = Buffer.from(sha256(token), 'hex');
      return a.length === b.length && timingSafeEqual(a, b);
    },
    consumeSetupToken: () => identityRepo.deleteSetting(db, SETUP_TOKEN_KEY),
  };
}

export type IdentityService = ReturnType<typeof createIdentityService>;
