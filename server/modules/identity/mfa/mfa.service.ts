import { createHash, randomBytes } from 'node:crypto';
import QRCode from 'qrcode';
import { ROLES, type Role } from '../../../../shared/roles.ts';
import type { FactorsView, MfaSettingsView, SecondFactorMethod } from '../../../../shared/api/mfa.ts';
import type { Authz } from '../../../platform/authz/index.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Database } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { Keys } from '../../../platform/keys.ts';
import type { Ledger } from '../../../platform/ledger/index.ts';
import type { RequestCtx } from '../../../platform/http/types.ts';
import type { OrganisationServices } from '../../organisation/index.ts';
import { identityRepo } from '../identity.repo.ts';
import type { IdentityService, RequestMeta, SignInMethod, SignInResult } from '../identity.service.ts';
import { CHALLENGE_MINUTES } from '../sign-in-cookies.ts';
import { mfaRepo } from './mfa.repo.ts';
import {
  matchingStep,
  newRecoveryCode,
  newTotpSecret,
  RECOVERY_CODE_COUNT,
  recoveryHash,
  totpUri,
} from './totp.ts';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
/** Wrong codes that end a pending sign-in (each counts as a failed sign-in, A21-2). */
export const MAX_ATTEMPTS = 5;
/** The settings key of the roles for which a second factor is mandatory (JSON array). */
export const MANDATORY_ROLES_KEY = 'mfa.mandatory_roles';
/** Default: every role of rule 65 and the システム管理者, i.e. everyone holding an appointment. */
export const DEFAULT_MANDATORY_ROLES: readonly Role[] = ROLES;

export type Challenge = NonNullable<Awaited<ReturnType<typeof mfaRepo.challenge>>>;

/**
 * The second factor (A21 「ICカード又は生体認証」 read as: something one has, beyond the password):
 * TOTP (sealed seed, each step accepted once), single-use recovery codes (hashed), the pending
 * sign-in challenge, self-service, the administrator's reset and the mandatory roles.
 */
export function createMfaService(deps: {
  database: Database;
  ledger: Ledger;
  authz: Authz;
  clock: Clock;
  keys: Keys;
  organisation: OrganisationServices;
  identity: IdentityService;
  lockoutFailures: number;
  lockoutMinutes: number;
}) {
  const { database, ledger, clock, keys, organisation, identity } = deps;
  const db = database.db;
  const nowIso = () => clock.now().toISOString();
  const systemCtxOf = (label: string, meta: RequestMeta): Ctx => ({
    actor: { kind: 'system', label },
    requestId: meta.requestId,
    ip: meta.ip,
    terminal: null,
  });

  async function mandatoryRoles(): Promise<Role[]> {
    const stored = await identityRepo.setting(db, MANDATORY_ROLES_KEY);
    if (stored === undefined) return [...DEFAULT_MANDATORY_ROLES];
    const parsed = JSON.parse(stored) as string[];
    return ROLES.filter((r) => parsed.includes(r));
  }

  /**
   * A second factor is mandatory for the person (A21, issue 3): a role in the list, or any
   * per-resource grant in force (the vault's grants, added through authz.addGrantSource).
   */
  async function isMandatory(personId: string): Promise<boolean> {
    const roles = await organisation.appointments.currentRolesOf(personId);
    const required = new Set(await mandatoryRoles());
    if (roles.some((r) => required.has(r.role))) return true;
    return (await deps.authz.grantsOf(personId)).length > 0;
  }

  /** The factors the person may use now. */
  async function methodsOf(personId: string): Promise<SecondFactorMethod[]> {
    const totp = await mfaRepo.totp(db, personId);
    const keyCount = (await mfaRepo.credentials(db, personId)).length;
    const recovery = (await mfaRepo.unusedRecoveryCodes(db, personId)).length;
    const methods: SecondFactorMethod[] = [];
    if (totp?.confirmed_at) methods.push('totp');
    if (keyCount > 0) methods.push('webauthn');
    if (methods.length > 0 && recovery > 0) methods.push('recovery');
    return methods;
  }

  /**
   * Called by identity.beginSignIn for every sign-in: null when no second factor is needed (none
   * enrolled and none mandatory), else a challenge whose token goes into the challenge cookie.
   */
  async function gate(
    personId: string,
    meta: RequestMeta,
    method: SignInMethod,
  ): Promise<SignInResult | null> {
    const methods = await methodsOf(personId);
    if (methods.length === 0 && !(await isMandatory(personId))) return null;
    const token = randomBytes(32).toString('base64url');
    const now = clock.now();
    await mfaRepo.deleteExpiredChallenges(db, now.toISOString());
    await mfaRepo.insertChallenge(db, {
      id: sha256(token),
      person_id: personId,
      method,
      enrolment_required: methods.length === 0 ? 1 : 0,
      webauthn_challenge: null,
      attempts: 0,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + CHALLENGE_MINUTES * 60_000).toISOString(),
    });
    return { kind: 'challenge', challengeToken: token, methods, enrolmentRequired: methods.length === 0 };
  }

  /** The pending sign-in of a challenge cookie; mfa.challenge_missing when absent or expired. */
  async function challengeOf(token: string | null): Promise<Challenge> {
    if (!token) throw new AppError('mfa.challenge_missing');
    const row = await mfaRepo.challenge(db, sha256(token));
    // Self-service WebAuthn ceremonies share the table (method 'ceremony'); they are never a sign-in.
    if (!row || row.method === 'ceremony' || row.expires_at <= nowIso() || row.attempts >= MAX_ATTEMPTS)
      throw new AppError('mfa.challenge_missing');
    return row;
  }

  /** A wrong code: counted on the challenge; the fifth ends it and counts as a failed sign-in (A21-2). */
  async function fail(ch: Challenge, meta: RequestMeta, method: SecondFactorMethod): Promise<never> {
    const attempts = ch.attempts + 1;
    const person = await organisation.people.get(ch.person_id);
    const credential = await identityRepo.credential(db, ch.person_id);
    const now = clock.now();
    const ended = attempts >= MAX_ATTEMPTS;
    const failures = (credential?.failed_count ?? 0) + 1;
    const lockedUntil =
      ended && failures >= deps.lockoutFailures
        ? new Date(now.getTime() + deps.lockoutMinutes * 60_000).toISOString()
        : null;
    await database.transaction(async (tx) => {
      const ctx = systemCtxOf(person?.employee_number ?? 'anonymous', meta);
      await ledger.audit(tx, ctx, {
        type: 'mfa.verification_failed',
        subjectType: 'Person',
        subjectId: ch.person_id,
        data: { method, attempts },
      });
      if (!ended) return mfaRepo.setAttempts(tx, ch.id, attempts);
      await mfaRepo.deleteChallenge(tx, ch.id);
      if (credential)
        await identityRepo.recordFailure(
          tx,
          ch.person_id,
          lockedUntil ? 0 : failures,
          lockedUntil,
          now.toISOString(),
        );
      await ledger.audit(tx, ctx, {
        type: 'identity.sign_in_failed',
        subjectType: 'Person',
        subjectId: ch.person_id,
        data: { reason: 'second_factor', locked: lockedUntil !== null },
      });
    });
    throw new AppError(ended ? 'mfa.too_many_attempts' : 'mfa.invalid_code');
  }

  /** Ends the challenge and opens the session (a fresh token: the challenge token never becomes one). */
  async function complete(ch: Challenge, meta: RequestMeta, factor: SecondFactorMethod) {
    await mfaRepo.deleteChallenge(db, ch.id);
    return identity.openSession(ch.person_id, meta, ch.method as SignInMethod, factor);
  }

  async function acceptTotp(personId: string, code: string, confirm: boolean): Promise<boolean> {
    const row = await mfaRepo.totp(db, personId);
    if (!row || (!confirm && !row.confirmed_at)) return false;
    const step = matchingStep(keys.open('totp', row.secret_sealed), code, clock.now());
    if (step === null) return false;
    return mfaRepo.useTotpStep(db, personId, step, nowIso(), confirm);
  }

  async function newRecoveryCodes(personId: string): Promise<string[]> {
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    await mfaRepo.replaceRecoveryCodes(
      db,
      personId,
      codes.map((c) => ({ id: newId(), code_hash: recoveryHash(c) })),
      nowIso(),
    );
    return codes;
  }

  async function setupTotp(personId: string): Promise<{ secret: string; uri: string; qrDataUrl: string }> {
    const existing = await mfaRepo.totp(db, personId);
    if (existing?.confirmed_at) throw new AppError('mfa.already_enrolled');
    const person = (await organisation.people.get(personId))!;
    const secret = newTotpSecret();
    await mfaRepo.putPendingTotp(db, personId, keys.seal('totp', secret), nowIso());
    const uri = totpUri(secret, person.employee_number);
    return { secret, uri, qrDataUrl: await QRCode.toDataURL(uri, { margin: 2, width: 240 }) };
  }

  /** Confirms a pending TOTP with its first code; recovery codes are made if the person has none. */
  async function confirmTotp(ctx: Ctx, personId: string, code: string): Promise<string[] | null> {
    const existing = await mfaRepo.totp(db, personId);
    if (!existing) throw new AppError('mfa.not_enrolled');
    if (existing.confirmed_at) throw new AppError('mfa.already_enrolled');
    if (!(await acceptTotp(personId, code, true))) throw new AppError('mfa.invalid_code');
    const codes = (await mfaRepo.unusedRecoveryCodes(db, personId)).length
      ? null
      : await newRecoveryCodes(personId);
    await database.transaction((tx) =>
      ledger.audit(tx, ctx, {
        type: 'mfa.factor_enrolled',
        subjectType: 'Person',
        subjectId: personId,
        data: { method: 'totp', recoveryCodesIssued: codes !== null },
      }),
    );
    return codes;
  }

  const personCtx = (ctx: RequestCtx) => {
    if (ctx.actor.kind !== 'person') throw new AppError('auth.required');
    return ctx.actor.personId;
  };

  async function factors(personId: string): Promise<FactorsView> {
    const totp = await mfaRepo.totp(db, personId);
    const keysOf = await mfaRepo.credentials(db, personId);
    return {
      mandatory: await isMandatory(personId),
      totp: totp?.confirmed_at ? { createdAt: totp.confirmed_at, lastUsedAt: totp.last_used_at } : null,
      securityKeys: keysOf.map((k) => ({
        id: k.id,
        name: k.name,
        createdAt: k.created_at,
        lastUsedAt: k.last_used_at,
      })),
      recoveryCodesRemaining: (await mfaRepo.unusedRecoveryCodes(db, personId)).length,
    };
  }

  /** Removes one factor of a person; refuses the last one when a second factor is mandatory. */
  async function removeFactor(
    ctx: Ctx,
    personId: string,
    which: { method: 'totp' } | { method: 'webauthn'; id: string },
  ): Promise<void> {
    const current = await factors(personId);
    const count = (current.totp ? 1 : 0) + current.securityKeys.length;
    if (which.method === 'totp' && !current.totp) throw new AppError('mfa.not_enrolled');
    if (which.method === 'webauthn' && !current.securityKeys.some((k) => k.id === which.id))
      throw new AppError('mfa.factor_not_found');
    if (count === 1 && current.mandatory) throw new AppError('mfa.last_factor');
    await database.transaction(async (tx) => {
      if (which.method === 'totp') await mfaRepo.deleteTotp(tx, personId);
      else await mfaRepo.deleteCredential(tx, personId, which.id);
      // Recovery codes stand in for a factor; without any factor they would be a password alone.
      if (count === 1) await mfaRepo.deleteRecoveryCodes(tx, personId);
      await ledger.audit(tx, ctx, {
        type: 'mfa.factor_removed',
        subjectType: 'Person',
        subjectId: personId,
        data: { method: which.method, lastFactor: count === 1 },
      });
    });
  }

  return {
    gate,
    challengeOf,
    fail,
    complete,
    isMandatory,
    methodsOf,
    mandatoryRoles,

    /** Second step with an authenticator app's code. */
    async verifyTotp(token: string | null, code: string, meta: RequestMeta) {
      const ch = await challengeOf(token);
      if (!(await acceptTotp(ch.person_id, code, false))) return fail(ch, meta, 'totp');
      return complete(ch, meta, 'totp');
    },

    /** Second step with a recovery code: each code works once; its use is audited with the count left. */
    async verifyRecovery(token: string | null, code: string, meta: RequestMeta) {
      const ch = await challengeOf(token);
      const hash = recoveryHash(code);
      const unused = await mfaRepo.unusedRecoveryCodes(db, ch.person_id);
      const hit = unused.find((r) => r.code_hash === hash);
      if (!hit || (await methodsOf(ch.person_id)).length === 0) return fail(ch, meta, 'recovery');
      if (!(await mfaRepo.useRecoveryCode(db, hit.id, nowIso()))) return fail(ch, meta, 'recovery');
      const person = await organisation.people.get(ch.person_id);
      await database.transaction((tx) =>
        ledger.audit(tx, systemCtxOf(person?.employee_number ?? 'anonymous', meta), {
          type: 'mfa.recovery_code_used',
          subjectType: 'Person',
          subjectId: ch.person_id,
          data: { remaining: unused.length - 1 },
        }),
      );
      return complete(ch, meta, 'recovery');
    },

    /** Enrolment during sign-in, only while the person has no factor at all (else the password would suffice to add one). */
    async challengeTotpSetup(token: string | null) {
      const ch = await challengeOf(token);
      if ((await methodsOf(ch.person_id)).length > 0) throw new AppError('mfa.already_enrolled');
      return setupTotp(ch.person_id);
    },
    async challengeTotpConfirm(token: string | null, code: string, meta: RequestMeta) {
      const ch = await challengeOf(token);
      if ((await methodsOf(ch.person_id)).length > 0) throw new AppError('mfa.already_enrolled');
      const person = await organisation.people.get(ch.person_id);
      const ctx = systemCtxOf(person?.employee_number ?? 'anonymous', meta);
      let codes: string[] | null;
      try {
        codes = await confirmTotp(ctx, ch.person_id, code);
      } catch (e) {
        if (e instanceof AppError && e.code === 'mfa.invalid_code') return fail(ch, meta, 'totp');
        throw e;
      }
      const session = await complete(ch, meta, 'totp');
      return { ...session, recoveryCodes: codes ?? [] };
    },

    // Self-service (A21): the signed-in person's own factors.
    factorsOf: (ctx: RequestCtx) => factors(personCtx(ctx)),
    setupOwnTotp: (ctx: RequestCtx) => setupTotp(personCtx(ctx)),
    confirmOwnTotp: (ctx: RequestCtx, code: string) => confirmTotp(ctx, personCtx(ctx), code),
    removeOwnFactor: (ctx: RequestCtx, which: { method: 'totp' } | { method: 'webauthn'; id: string }) =>
      removeFactor(ctx, personCtx(ctx), which),
    async regenerateOwnRecoveryCodes(ctx: RequestCtx): Promise<string[]> {
      const personId = personCtx(ctx);
      if ((await methodsOf(personId)).filter((m) => m !== 'recovery').length === 0)
        throw new AppError('mfa.not_enrolled');
      const codes = await newRecoveryCodes(personId);
      await database.transaction((tx) =>
        ledger.audit(tx, ctx, {
          type: 'mfa.recovery_codes_regenerated',
          subjectType: 'Person',
          subjectId: personId,
          data: { count: codes.length },
        }),
      );
      return codes;
    },

    // Administration (システム管理者): a person's factors, and their reset.
    async personFactors(ctx: RequestCtx, personId: string): Promise<FactorsView> {
      await deps.authz.assertCan(ctx, 'read', 'SecondFactor');
      if (!(await organisation.people.get(personId))) throw new AppError('organisation.person_not_found');
      return factors(personId);
    },
    async resetPersonFactors(ctx: RequestCtx, personId: string): Promise<void> {
      await deps.authz.assertCan(ctx, 'reset', 'SecondFactor');
      if (!(await organisation.people.get(personId))) throw new AppError('organisation.person_not_found');
      const before = await factors(personId);
      await database.transaction(async (tx) => {
        await mfaRepo.deleteTotp(tx, personId);
        await mfaRepo.deleteCredentials(tx, personId);
        await mfaRepo.deleteRecoveryCodes(tx, personId);
        await mfaRepo.deleteChallengesOf(tx, personId);
        await ledger.audit(tx, ctx, {
          type: 'mfa.factors_reset',
          subjectType: 'Person',
          subjectId: personId,
          before: {
            totp: before.totp !== null,
            securityKeys: before.securityKeys.length,
            recoveryCodesRemaining: before.recoveryCodesRemaining,
          },
        });
      });
    },
    async settings(ctx: RequestCtx): Promise<MfaSettingsView> {
      await deps.authz.assertCan(ctx, 'read', 'MfaSettings');
      return { mandatoryRoles: await mandatoryRoles() };
    },
    async updateSettings(ctx: RequestCtx, input: MfaSettingsView): Promise<MfaSettingsView> {
      await deps.authz.assertCan(ctx, 'update', 'MfaSettings');
      const before = await mandatoryRoles();
      const after = ROLES.filter((r) => input.mandatoryRoles.includes(r));
      await database.transaction(async (tx) => {
        await identityRepo.putSetting(tx, MANDATORY_ROLES_KEY, JSON.stringify(after), nowIso());
        await ledger.audit(tx, ctx, {
          type: 'mfa.settings_updated',
          subjectType: 'Setting',
          subjectId: null,
          before: { mandatoryRoles: before },
          after: { mandatoryRoles: after },
        });
      });
      return { mandatoryRoles: after };
    },

    /** Demo and tests: enrols a TOTP seed directly (no code), e.g. the published demo seed. */
    async enrolTotpDirectly(personId: string, secret: string): Promise<void> {
      await mfaRepo.putPendingTotp(db, personId, keys.seal('totp', secret), nowIso());
      await db
        .updateTable('mfa_totp')
        .set({ confirmed_at: nowIso() })
        .where('person_id', '=', personId)
        .execute();
    },
    /** Demo CLI: the seed of a person's TOTP, to print the current code. */
    async totpSecretOf(personId: string): Promise<string | null> {
      const row = await mfaRepo.totp(db, personId);
      return row?.confirmed_at ? keys.open('totp', row.secret_sealed) : null;
    },
    newRecoveryCodes,
  };
}

export type MfaService = ReturnType<typeof createMfaService>;
