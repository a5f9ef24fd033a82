import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransport,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import type { Clock } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Database } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { Ledger } from '../../../platform/ledger/index.ts';
import type { RequestCtx } from '../../../platform/http/types.ts';
import type { OrganisationServices } from '../../organisation/index.ts';
import type { RequestMeta } from '../identity.service.ts';
import { CHALLENGE_MINUTES } from '../sign-in-cookies.ts';
import { mfaRepo } from './mfa.repo.ts';
import type { Challenge, MfaService } from './mfa.service.ts';

/** Where the browser is: the origin (scheme://host[:port]) and the RP ID (its host name). */
export interface RelyingParty {
  origin: string;
  rpID: string;
}

/** The relying party from PUBLIC_ORIGIN, else from the request (Host, honouring TRUST_PROXY). An IP cannot be an RP ID. */
export function relyingPartyOf(
  publicOrigin: string | undefined,
  req: { protocol: string; host: string; hostname: string },
): RelyingParty {
  const url = new URL(publicOrigin ?? `${req.protocol}://${req.host}`);
  const rpID = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(rpID)) throw new AppError('mfa.webauthn_origin');
  return { origin: url.origin, rpID };
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const ceremonyId = (personId: string) => sha256(`mamori.webauthn.ceremony:${personId}`);
const transportsOf = (json: string) => JSON.parse(json) as AuthenticatorTransport[];

/**
 * Security keys and platform authenticators (WebAuthn, A21 「ICカード又は生体認証」): registration
 * (self-service, or during a sign-in whose role requires a factor and has none) and sign-in.
 */
export function createWebauthnService(deps: {
  database: Database;
  ledger: Ledger;
  clock: Clock;
  organisation: OrganisationServices;
  mfa: MfaService;
}) {
  const { database, ledger, clock, organisation, mfa } = deps;
  const db = database.db;
  const nowIso = () => clock.now().toISOString();

  async function registrationOptions(personId: string, rp: RelyingParty) {
    const person = (await organisation.people.get(personId))!;
    const existing = await mfaRepo.credentials(db, personId);
    return generateRegistrationOptions({
      rpName: 'Mamori',
      rpID: rp.rpID,
      userName: person.employee_number,
      userID: new TextEncoder().encode(personId),
      userDisplayName: person.employee_number,
      attestationType: 'none',
      excludeCredentials: existing.map((c) => ({
        id: c.credential_id,
        transports: transportsOf(c.transports),
      })),
      authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
    });
  }

  /** Verifies a registration and stores the credential; answers new recovery codes if the person had none. */
  async function register(
    ctx: Ctx,
    personId: string,
    expectedChallenge: string | null,
    rp: RelyingParty,
    response: unknown,
    name: string,
  ): Promise<string[] | null> {
    if (!expectedChallenge) throw new AppError('mfa.webauthn_failed');
    let verified;
    try {
      verified = await verifyRegistrationResponse({
        response: response as RegistrationResponseJSON,
        expectedChallenge,
        expectedOrigin: rp.origin,
        expectedRPID: rp.rpID,
        requireUserVerification: false,
      });
    } catch {
      throw new AppError('mfa.webauthn_failed');
    }
    if (!verified.verified) throw new AppError('mfa.webauthn_failed');
    const { credential } = verified.registrationInfo;
    if (await mfaRepo.credentialById(db, credential.id)) throw new AppError('mfa.webauthn_failed');
    const hadCodes = (await mfaRepo.unusedRecoveryCodes(db, personId)).length > 0;
    const id = newId();
    await database.transaction(async (tx) => {
      await mfaRepo.insertCredential(tx, {
        id,
        person_id: personId,
        credential_id: credential.id,
        public_key: Buffer.from(credential.publicKey).toString('base64url'),
        counter: credential.counter,
        transports: JSON.stringify(credential.transports ?? []),
        name,
        created_at: nowIso(),
        last_used_at: null,
      });
      await ledger.audit(tx, ctx, {
        type: 'mfa.factor_enrolled',
        subjectType: 'Person',
        subjectId: personId,
        data: { method: 'webauthn', credential: id, recoveryCodesIssued: !hadCodes },
      });
    });
    return hadCodes ? null : mfa.newRecoveryCodes(personId);
  }

  const personOf = (ctx: RequestCtx) => {
    if (ctx.actor.kind !== 'person') throw new AppError('auth.required');
    return ctx.actor.personId;
  };
  const systemCtxOf = async (ch: Challenge, meta: RequestMeta): Promise<Ctx> => ({
    actor: {
      kind: 'system',
      label: (await organisation.people.get(ch.person_id))?.employee_number ?? 'anonymous',
    },
    requestId: meta.requestId,
    ip: meta.ip,
    terminal: null,
  });

  return {
    /** Sign-in: options for the person's registered keys; the challenge is kept on the pending sign-in. */
    async signInOptions(token: string | null, rp: RelyingParty) {
      const ch = await mfa.challengeOf(token);
      const creds = await mfaRepo.credentials(db, ch.person_id);
      if (creds.length === 0) throw new AppError('mfa.not_enrolled');
      const options = await generateAuthenticationOptions({
        rpID: rp.rpID,
        allowCredentials: creds.map((c) => ({ id: c.credential_id, transports: transportsOf(c.transports) })),
        userVerification: 'preferred',
      });
      await mfaRepo.setWebauthnChallenge(db, ch.id, options.challenge);
      return options;
    },
    async signIn(token: string | null, rp: RelyingParty, response: unknown, meta: RequestMeta) {
      const ch = await mfa.challengeOf(token);
      const r = response as AuthenticationResponseJSON;
      const cred = typeof r.id === 'string' ? await mfaRepo.credentialById(db, r.id) : undefined;
      if (!cred || cred.person_id !== ch.person_id || !ch.webauthn_challenge)
        return mfa.fail(ch, meta, 'webauthn');
      let verified;
      try {
        verified = await verifyAuthenticationResponse({
          response: r,
          expectedChallenge: ch.webauthn_challenge,
          expectedOrigin: rp.origin,
          expectedRPID: rp.rpID,
          credential: {
            id: cred.credential_id,
            publicKey: Buffer.from(cred.public_key, 'base64url'),
            counter: Number(cred.counter),
            transports: transportsOf(cred.transports),
          },
          requireUserVerification: false,
        });
      } catch {
        verified = { verified: false } as const;
      }
      // A challenge is answered once, right or wrong.
      await mfaRepo.setWebauthnChallenge(db, ch.id, null);
      if (!verified.verified) return mfa.fail(ch, meta, 'webauthn');
      await mfaRepo.useCredential(db, cred.id, verified.authenticationInfo.newCounter, nowIso());
      return mfa.complete(ch, meta, 'webauthn');
    },

    /** Enrolment during sign-in, only while the person has no factor at all. */
    async challengeRegistrationOptions(token: string | null, rp: RelyingParty) {
      const ch = await mfa.challengeOf(token);
      if ((await mfa.methodsOf(ch.person_id)).length > 0) throw new AppError('mfa.already_enrolled');
      const options = await registrationOptions(ch.person_id, rp);
      await mfaRepo.setWebauthnChallenge(db, ch.id, options.challenge);
      return options;
    },
    async challengeRegister(
      token: string | null,
      rp: RelyingParty,
      response: unknown,
      name: string,
      meta: RequestMeta,
    ) {
      const ch = await mfa.challengeOf(token);
      if ((await mfa.methodsOf(ch.person_id)).length > 0) throw new AppError('mfa.already_enrolled');
      await mfaRepo.setWebauthnChallenge(db, ch.id, null);
      const codes = await register(
        await systemCtxOf(ch, meta),
        ch.person_id,
        ch.webauthn_challenge,
        rp,
        response,
        name,
      );
      const session = await mfa.complete(ch, meta, 'webauthn');
      return { ...session, recoveryCodes: codes ?? [] };
    },

    /** Self-service: options for a new key; the challenge waits CHALLENGE_MINUTES. */
    async ownRegistrationOptions(ctx: RequestCtx, rp: RelyingParty) {
      const personId = personOf(ctx);
      const options = await registrationOptions(personId, rp);
      const now = clock.now();
      await database.transaction(async (tx) => {
        await mfaRepo.deleteChallenge(tx, ceremonyId(personId));
        await mfaRepo.insertChallenge(tx, {
          id: ceremonyId(personId),
          person_id: personId,
          method: 'ceremony',
          enrolment_required: 0,
          webauthn_challenge: options.challenge,
          attempts: 0,
          created_at: now.toISOString(),
          expires_at: new Date(now.getTime() + CHALLENGE_MINUTES * 60_000).toISOString(),
        });
      });
      return options;
    },
    async registerOwn(ctx: RequestCtx, rp: RelyingParty, response: unknown, name: string) {
      const personId = personOf(ctx);
      const row = await mfaRepo.challenge(db, ceremonyId(personId));
      await mfaRepo.deleteChallenge(db, ceremonyId(personId));
      const live = row && row.expires_at > nowIso() ? row.webauthn_challenge : null;
      return register(ctx, personId, live, rp, response, name);
    },
    removeOwn: (ctx: RequestCtx, id: string) => mfa.removeOwnFactor(ctx, { method: 'webauthn', id }),
  };
}

export type WebauthnService = ReturnType<typeof createWebauthnService>;
