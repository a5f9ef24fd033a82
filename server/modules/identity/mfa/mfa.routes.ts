import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  codeInput,
  enrolledSignInView,
  factorsView,
  mfaSettingsView,
  recoveryCodesView,
  secondFactorAnswer,
  totpSetupView,
  webauthnOptionsView,
  webauthnRegisterInput,
  webauthnResponseInput,
} from '../../../../shared/api/mfa.ts';
import { sessionView } from '../../../../shared/api/identity.ts';
import { setSessionCookie } from '../../../platform/http/create-server.ts';
import { requireCtx } from '../../../platform/http/require-ctx.ts';
import type { App, RequestCtx } from '../../../platform/http/types.ts';
import { metaOf } from '../identity.routes.ts';
import type { IdentityService } from '../identity.service.ts';
import { challengeCookieOf, clearChallengeCookie } from '../sign-in-cookies.ts';
import type { MfaService } from './mfa.service.ts';
import { relyingPartyOf, type WebauthnService } from './webauthn.service.ts';

const tags = ['mfa'];
const personParams = z.object({ id: z.uuid() });
/** Guessing codes: a few tries a minute per client, on top of the five per challenge. */
/** WebAuthn options are plain JSON for the browser library. */
const asJson = (o: object) => o as { challenge: string } & Record<string, unknown>;
const codeLimit = { rateLimit: { max: 20, timeWindow: '1 minute' } };

/** The second step of sign-in (challenge cookie), one's own factors, and their administration (A21). */
export function mfaRoutes(
  app: App,
  s: {
    mfa: MfaService;
    webauthn: WebauthnService;
    identity: IdentityService;
    cookieSecure: 'auto' | boolean;
    publicOrigin: string | undefined;
  },
) {
  const rp = (req: FastifyRequest) => relyingPartyOf(s.publicOrigin, req);
  const challenge = (req: FastifyRequest) => challengeCookieOf(req, s.cookieSecure);
  /** Swaps the challenge cookie for a new session cookie and answers the session view. */
  const signedIn = (req: FastifyRequest, reply: FastifyReply, result: { token: string; ctx: RequestCtx }) => {
    clearChallengeCookie(req, reply, s.cookieSecure);
    setSessionCookie(req, reply, result.token, s.cookieSecure);
    return s.identity.sessionView(result.ctx, reply.generateCsrf());
  };

  app.get(
    '/api/auth/second-factor',
    { schema: { tags, response: { 200: secondFactorAnswer } } },
    async (req) => {
      const ch = await s.mfa.challengeOf(challenge(req));
      const methods = await s.mfa.methodsOf(ch.person_id);
      return { secondFactor: { methods, enrolmentRequired: methods.length === 0 } };
    },
  );
  app.post(
    '/api/auth/second-factor/totp',
    { schema: { tags, body: codeInput, response: { 200: sessionView } }, config: codeLimit },
    async (req, reply) =>
      signedIn(req, reply, await s.mfa.verifyTotp(challenge(req), req.body.code, metaOf(req))),
  );
  app.post(
    '/api/auth/second-factor/recovery',
    { schema: { tags, body: codeInput, response: { 200: sessionView } }, config: codeLimit },
    async (req, reply) =>
      signedIn(req, reply, await s.mfa.verifyRecovery(challenge(req), req.body.code, metaOf(req))),
  );
  app.post(
    '/api/auth/second-factor/totp/setup',
    { schema: { tags, response: { 200: totpSetupView } }, config: codeLimit },
    (req) => s.mfa.challengeTotpSetup(challenge(req)),
  );
  app.post(
    '/api/auth/second-factor/totp/confirm',
    { schema: { tags, body: codeInput, response: { 200: enrolledSignInView } }, config: codeLimit },
    async (req, reply) => {
      const result = await s.mfa.challengeTotpConfirm(challenge(req), req.body.code, metaOf(req));
      return { session: await signedIn(req, reply, result), recoveryCodes: result.recoveryCodes };
    },
  );

  app.post(
    '/api/auth/second-factor/webauthn/options',
    { schema: { tags, response: { 200: webauthnOptionsView } }, config: codeLimit },
    async (req) => ({ options: asJson(await s.webauthn.signInOptions(challenge(req), rp(req))) }),
  );
  app.post(
    '/api/auth/second-factor/webauthn',
    { schema: { tags, body: webauthnResponseInput, response: { 200: sessionView } }, config: codeLimit },
    async (req, reply) =>
      signedIn(req, reply, await s.webauthn.signIn(challenge(req), rp(req), req.body.response, metaOf(req))),
  );
  app.post(
    '/api/auth/second-factor/webauthn/register/options',
    { schema: { tags, response: { 200: webauthnOptionsView } }, config: codeLimit },
    async (req) => ({
      options: asJson(await s.webauthn.challengeRegistrationOptions(challenge(req), rp(req))),
    }),
  );
  app.post(
    '/api/auth/second-factor/webauthn/register',
    {
      schema: { tags, body: webauthnRegisterInput, response: { 200: enrolledSignInView } },
      config: codeLimit,
    },
    async (req, reply) => {
      const result = await s.webauthn.challengeRegister(
        challenge(req),
        rp(req),
        req.body.response,
        req.body.name,
        metaOf(req),
      );
      return { session: await signedIn(req, reply, result), recoveryCodes: result.recoveryCodes };
    },
  );

  // One's own factors.
  app.post(
    '/api/me/factors/keys/options',
    { schema: { tags, response: { 200: webauthnOptionsView } } },
    async (req) => ({ options: asJson(await s.webauthn.ownRegistrationOptions(requireCtx(req), rp(req))) }),
  );
  app.post(
    '/api/me/factors/keys',
    { schema: { tags, body: webauthnRegisterInput, response: { 200: recoveryCodesView } } },
    async (req) => ({
      codes: (await s.webauthn.registerOwn(requireCtx(req), rp(req), req.body.response, req.body.name)) ?? [],
    }),
  );
  app.post(
    '/api/me/factors/keys/:id/remove',
    { schema: { tags, params: personParams } },
    async (req, reply) => {
      await s.webauthn.removeOwn(requireCtx(req), req.params.id);
      return reply.status(204).send();
    },
  );
  app.get('/api/me/factors', { schema: { tags, response: { 200: factorsView } } }, (req) =>
    s.mfa.factorsOf(requireCtx(req)),
  );
  app.post('/api/me/factors/totp/setup', { schema: { tags, response: { 200: totpSetupView } } }, (req) =>
    s.mfa.setupOwnTotp(requireCtx(req)),
  );
  app.post(
    '/api/me/factors/totp/confirm',
    { schema: { tags, body: codeInput, response: { 200: recoveryCodesView } }, config: codeLimit },
    async (req) => ({ codes: (await s.mfa.confirmOwnTotp(requireCtx(req), req.body.code)) ?? [] }),
  );
  app.post('/api/me/factors/totp/remove', { schema: { tags } }, async (req, reply) => {
    await s.mfa.removeOwnFactor(requireCtx(req), { method: 'totp' });
    return reply.status(204).send();
  });
  app.post(
    '/api/me/factors/recovery-codes',
    { schema: { tags, response: { 200: recoveryCodesView } } },
    async (req) => ({ codes: await s.mfa.regenerateOwnRecoveryCodes(requireCtx(req)) }),
  );

  // Administration (システム管理者).
  app.get(
    '/api/people/:id/factors',
    { schema: { tags, params: personParams, response: { 200: factorsView } } },
    (req) => s.mfa.personFactors(requireCtx(req), req.params.id),
  );
  app.post(
    '/api/people/:id/factors/reset',
    { schema: { tags, params: personParams } },
    async (req, reply) => {
      await s.mfa.resetPersonFactors(requireCtx(req), req.params.id);
      return reply.status(204).send();
    },
  );
  app.get('/api/mfa/settings', { schema: { tags, response: { 200: mfaSettingsView } } }, (req) =>
    s.mfa.settings(requireCtx(req)),
  );
  app.put(
    '/api/mfa/settings',
    { schema: { tags, body: mfaSettingsView, response: { 200: mfaSettingsView } } },
    (req) => s.mfa.updateSettings(requireCtx(req), req.body),
  );
}
