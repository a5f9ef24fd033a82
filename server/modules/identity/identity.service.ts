import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { ROLES } from '../../../shared/roles.ts';
import type { SessionView } from '../../../shared/api/identity.ts';
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
import { assertPasswordAcceptable, hashPassword, verifyPassword } from './password.ts';

const MAX_FAILURES = 5;
const LOCK_MINUTES = 15;
const SETUP_TOKEN_KEY = 'setup_token_sha256';
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
// Verified against when the employee number is unknown, so both paths take the same time.
const DUMMY_HASH = hashPassword(randomBytes(16).toString('hex'));

export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
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
        unitId: person.unit_id,
        sectionId: person.section_id,
      },
      requestId: meta.requestId,
      ip: meta.ip,
      terminal: null,
      locale: (prefs?.locale as Locale | undefined) ?? null,
      sessionId,
    };
  }

  async function startSession(personId: string, meta: RequestMeta, executor: Executor = db): Promise<string> {
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
    });
    return token;
  }

  /** Signs in with employee number and password; returns the new session token. Locks after repeated failures. */
  async function login(
    meta: RequestMeta,
    employeeNumber: string,
    password: string,
  ): Promise<{ token: string; ctx: RequestCtx }> {
    const person = await organisation.people.byEmployeeNumber(employeeNumber.trim());
    const credential = person ? await identityRepo.credential(db, person.id) : undefined;
    const now = clock.now();
    const anonymous: Ctx = {
      actor: { kind: 'system', label: 'anonymous' },
      requestId: meta.requestId,
      ip: meta.ip,
      terminal: null,
    };
    if (!person || !credential || person.active !== 1) {
      await verifyPassword(await DUMMY_HASH, password);
      await ledger.audit(db, anonymous, {
        type: 'identity.sign_in_failed',
        subjectType: 'Person',
        subjectId: null,
        data: { reason: 'unknown' },
      });
      throw new AppError('auth.invalid_credentials');
    }
    if (credential.locked_until && credential.locked_until > now.toISOString())
      throw new AppError('auth.locked');
    if (!(await verifyPassword(credential.password_hash, password))) {
      const failures = credential.failed_count + 1;
      const lockedUntil =
        failures >= MAX_FAILURES ? new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString() : null;
      await database.transaction(async (tx) => {
        await identityRepo.recordFailure(
          tx,
          person.id,
          lockedUntil ? 0 : failures,
          lockedUntil,
          now.toISOString(),
        );
        await ledger.audit(tx, anonymous, {
          type: 'identity.sign_in_failed',
          subjectType: 'Person',
          subjectId: person.id,
          data: { locked: lockedUntil !== null },
        });
      });
      throw new AppError(lockedUntil ? 'auth.locked' : 'auth.invalid_credentials');
    }
    const token = await database.transaction(async (tx) => {
      await identityRepo.clearFailures(tx, person.id, now.toISOString());
      const t = await startSession(person.id, meta, tx);
      await ledger.audit(
        tx,
        { ...anonymous, actor: { kind: 'system', label: person.employee_number } },
        { type: 'identity.signed_in', subjectType: 'Person', subjectId: person.id },
      );
      return t;
    });
    const ctx = await ctxFor(person.id, meta, sha256(token));
    return { token, ctx: ctx! };
  }

  /** The context of a valid session token, sliding its idle timeout; null when expired or ended (A31). */
  async function resolveSession(token: string, meta: RequestMeta): Promise<RequestCtx | null> {
    const id = sha256(token);
    const session = await identityRepo.session(db, id);
    if (!session || session.ended_at) return null;
    const now = clock.now();
    const idleLimit = new Date(now.getTime() - deps.sessionIdleMinutes * 60_000).toISOString();
    if (session.expires_at <= now.toISOString() || session.last_seen_at < idleLimit) {
      await identityRepo.endSession(db, id, now.toISOString());
      return null;
    }
    // Touch at most once a minute: fewer writes, same idle behaviour.
    if (now.getTime() - Date.parse(session.last_seen_at) > 60_000)
      await identityRepo.touchSession(db, id, now.toISOString());
    return ctxFor(session.person_id, meta, id);
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
        appointRoles: ROLES.filter((r) =>
          deps.authz
            .ability(ctx)
            .rulesFor('appoint', 'Appointment')
            .some((rule) => (rule.conditions as { role?: string } | undefined)?.role === r),
        ),
      },
      preferences: {
        locale: (prefs?.locale ?? 'ja') as 'ja' | 'en',
        calendar: (prefs?.calendar ?? 'japanese') as 'japanese' | 'gregorian',
      },
      csrfToken,
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

  /** Sets a person's password (administrator tooling and setup). */
  async function setPassword(personId: string, employeeNumber: string, password: string): Promise<void> {
    assertPasswordAcceptable(password, employeeNumber);
    await identityRepo.setCredential(db, personId, await hashPassword(password), clock.now().toISOString());
  }

  return {
    login,
    resolveSession,
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
